// The role list and its labels are a shared contract (the admin UI uses the same ones).
export { ROLES, ROLE_LABELS, isRole, type Role } from '../../../shared/contracts/access.ts';
