// The units and groups API schemas are shared contracts (src/shared/contracts): the admin UI sends
// the same requests and checks the same responses.
import type { z } from 'zod';
import type { ContactsBody, CreateUnitBody, UpdateUnitBody } from '../../../shared/contracts/units.ts';
import type { CreateGroupBody, GroupRule, UpdateGroupBody } from '../../../shared/contracts/groups.ts';

export {
  AtQuery,
  ContactsBody,
  ContactsOut,
  CreateUnitBody,
  LIMITS,
  SearchQuery,
  UnitDetailOut,
  UnitIdParams,
  UnitListOut,
  UnitOut,
  UnitSearchOut,
  UpdateUnitBody,
} from '../../../shared/contracts/units.ts';
export { CreateGroupBody, GroupIdParams, GroupListOut, GroupOut, GroupRule, GroupsQuery, UpdateGroupBody } from '../../../shared/contracts/groups.ts';

export type CreateUnitInput = z.infer<typeof CreateUnitBody>;
export type UpdateUnitInput = z.infer<typeof UpdateUnitBody>;
export type ContactsInput = z.infer<typeof ContactsBody>;
export type GroupRuleInput = z.infer<typeof GroupRule>;
export type CreateGroupInput = z.infer<typeof CreateGroupBody>;
export type UpdateGroupInput = z.infer<typeof UpdateGroupBody>;
