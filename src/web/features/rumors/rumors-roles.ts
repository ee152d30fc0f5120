// The roles that hold rumor.write (access/policy.ts: drafter, approver, desk_lead). Only for showing entry points
// whose list responses carry no capability flags (the staff entry form, feeds and keywords); the server decides.
import type { Me } from '../../api.ts';

export const mayWriteCases = (me: Me): boolean => me.roles.some((r) => r === 'drafter' || r === 'approver' || r === 'desk_lead');
