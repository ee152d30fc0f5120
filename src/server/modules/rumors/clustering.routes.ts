import { RumorMergeBody, RumorMergeOut, RumorSimilarOut, RumorSplitBody, RumorSplitOut, RumorSpreadOut } from '../../../shared/contracts/rumors-clustering.ts';
import { RumorIdParams } from '../../../shared/contracts/rumors.ts';
import type { Api } from '../../http/types.ts';
import type { ClusteringService } from './clustering.service.ts';

const tags = { tags: ['rumors'] };

/** Similar cases, merge, split, spread (thin: one service call each). */
export function registerClusteringRoutes(app: Api, svc: ClusteringService): void {
  app.get('/api/rumors/cases/:id/similar', { schema: { ...tags, params: RumorIdParams, response: { 200: RumorSimilarOut } } }, async (req) =>
    svc.similarCases(req.actor, req.params.id),
  );
  app.get('/api/rumors/cases/:id/spread', { schema: { ...tags, params: RumorIdParams, response: { 200: RumorSpreadOut } } }, async (req) =>
    svc.caseSpread(req.actor, req.params.id),
  );
  app.post('/api/rumors/cases/:id/merge', { schema: { ...tags, params: RumorIdParams, body: RumorMergeBody, response: { 200: RumorMergeOut } } }, async (req) =>
    svc.mergeCases(req.actor, req.params.id, req.body),
  );
  app.post('/api/rumors/cases/:id/split', { schema: { ...tags, params: RumorIdParams, body: RumorSplitBody, response: { 201: RumorSplitOut } } }, async (req, reply) =>
    reply.code(201).send(await svc.splitCase(req.actor, req.params.id, req.body)),
  );
}
