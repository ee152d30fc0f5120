import {
  RumorCaseDetailEnvelope,
  RumorCaseListOut,
  RumorCaseListQuery,
  RumorCaseUpdateInput,
  RumorConclusionInput,
  RumorEvidenceInput,
  RumorIdParams,
  RumorReturnInput,
} from '../../../shared/contracts/rumors.ts';
import type { Api } from '../../http/types.ts';
import type { CasesService } from './cases.service.ts';

const tags = { tags: ['rumors'] };
const detail = { 200: RumorCaseDetailEnvelope };

/** The desk's cases (thin: one service call each). */
export function registerCaseRoutes(app: Api, cases: CasesService): void {
  app.get('/api/rumors/cases', { schema: { ...tags, querystring: RumorCaseListQuery, response: { 200: RumorCaseListOut } } }, async (req) => cases.listCases(req.actor, req.query));
  app.get('/api/rumors/cases/:id', { schema: { ...tags, params: RumorIdParams, response: detail } }, async (req) => ({ case: await cases.getCase(req.actor, req.params.id) }));
  app.patch('/api/rumors/cases/:id', { schema: { ...tags, params: RumorIdParams, body: RumorCaseUpdateInput, response: detail } }, async (req) => ({
    case: await cases.updateCase(req.actor, req.params.id, req.body),
  }));
  app.post(
    '/api/rumors/cases/:id/evidence',
    { schema: { ...tags, params: RumorIdParams, body: RumorEvidenceInput, response: { 201: RumorCaseDetailEnvelope } } },
    async (req, reply) => reply.code(201).send({ case: await cases.addEvidence(req.actor, req.params.id, req.body) }),
  );
  app.post('/api/rumors/cases/:id/conclusion', { schema: { ...tags, params: RumorIdParams, body: RumorConclusionInput, response: detail } }, async (req) => ({
    case: await cases.proposeConclusion(req.actor, req.params.id, req.body),
  }));
  app.post('/api/rumors/cases/:id/conclusion/approve', { schema: { ...tags, params: RumorIdParams, response: detail } }, async (req) => ({
    case: await cases.approveConclusion(req.actor, req.params.id),
  }));
  app.post('/api/rumors/cases/:id/conclusion/return', { schema: { ...tags, params: RumorIdParams, body: RumorReturnInput, response: detail } }, async (req) => ({
    case: await cases.returnConclusion(req.actor, req.params.id, req.body.note),
  }));
}
