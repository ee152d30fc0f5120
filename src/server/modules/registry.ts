/**
 * The one list of modules, in dependency order: a module's `create` may use the services of the
 * modules above it. Adding a module is one line here (see CODE_STYLE.md). broadcasts and devices sit
 * above tasks: the roll-up reads their measured figures (SMS sent, what the loudspeakers played).
 */
import type { LoaModule } from './module.ts';
import { module as units } from './units/index.ts';
import { module as users } from './users/index.ts';
import { module as subscribers } from './subscribers/index.ts';
import { module as audit } from './audit/index.ts';
import { module as settings } from './settings/index.ts';
import { module as directives } from './directives/index.ts';
import { module as publishing } from './publishing/index.ts';
import { module as broadcasts } from './broadcasts/index.ts';
import { module as devices } from './devices/index.ts';
import { module as bulletins } from './bulletins/index.ts';
import { module as social } from './social/index.ts';
import { module as alerts } from './alerts/index.ts';
import { module as emergency } from './emergency/index.ts';
import { module as tasks } from './tasks/index.ts';
import { module as imports } from './imports/index.ts';
import { module as rumors } from './rumors/index.ts';
import { module as todo } from './todo/index.ts';
import { module as backup } from './backup/index.ts';

/** Any module of the list (what it provides is typed through `Services`). */
export type RegisteredModule = LoaModule<never>;

export const MODULES: readonly RegisteredModule[] = [
  units,
  users,
  subscribers,
  audit,
  settings,
  directives,
  publishing,
  broadcasts,
  devices,
  bulletins,
  social,
  alerts,
  emergency,
  tasks,
  imports,
  rumors,
  todo,
  backup,
];
