import { RumorCaseListOut, RumorCaseListQuery } from '../../../shared/contracts/rumors.ts';
import type { Api } from '../../http/types.ts';
import type { CasesService } from './cases.service.ts';

const tags = { tags: ['rumors'] };

/** The desk's cases (thin: one service call each). */
export function registerCaseRoutes(app: Api, cases: CasesService): void {
  app.get('/api/rumors/cases', { schema: { ...tags, querystring: RumorCaseListQuery, response: { 200: RumorCaseListOut } } }, async (req) => cases.listCases(req.actor, req.query));
}
