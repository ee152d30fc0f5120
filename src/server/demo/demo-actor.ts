import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import type { Actor } from '../modules/access/index.ts';

/** The system seeding the demo: global, audited as the system with the source "demo:seed". */
export const DEMO_ACTOR: Actor = { ...SYSTEM_ACTOR, username: 'demo:seed' };
