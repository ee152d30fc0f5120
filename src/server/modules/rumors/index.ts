// The misinformation desk's public surface (issue #15): reports from every channel clustered into cases, their
// verification and approved conclusion, hand-offs to the police and the press, public corrections with ClaimReview,
// and informants who stay confidential (their identity sealed, revealed only to a desk lead, with a reason, audited).
export type { CasesService } from './cases.service.ts';

import { defineModule } from '../module.ts';
import { registerCaseRoutes } from './cases.routes.ts';
import { createCasesService } from './cases.service.ts';
import type { CasesService } from './cases.service.ts';
import { RUMORS_ERRORS } from './rumors.errors.ts';
import type { RumorsContext } from './rumors.context.ts';

declare module '../module.ts' {
  interface Services {
    /** The desk's cases: lists, detail, workflow, conclusion, actions. */
    rumorCases: CasesService;
  }
}

export const module = defineModule({
  name: 'rumors',
  errors: RUMORS_ERRORS,
  create: ({ db, clock, logger, files, jobs, publicUrl }, services) => {
    const ctx: RumorsContext = { db, clock, logger, units: services.units.lookup, files, jobs, publicUrl };
    return { rumorCases: createCasesService(ctx) };
  },
  routes: (app, { services }) => {
    registerCaseRoutes(app, services.rumorCases);
  },
});
