import {
  RumorActionCancelInput,
  RumorActionParams,
  RumorAnswerInput,
  RumorCaseDetailEnvelope,
  RumorConfirmationInput,
  RumorCorrectionInput,
  RumorIdParams,
  RumorLegalBaseCreateInput,
  RumorLegalBaseListOut,
  RumorLegalBaseOut,
  RumorLegalBaseQuery,
  RumorLegalBaseUpdateInput,
  RumorPoliceInput,
  RumorPressInput,
} from '../../../shared/contracts/rumors.ts';
import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import type { ActionsService } from './actions.service.ts';

const tags = { tags: ['rumors'] };
const created = { 201: RumorCaseDetailEnvelope };

/** Confirmation requests, police and press hand-offs, answers, the correction, legal bases (thin). */
export function registerActionRoutes(app: Api, svc: ActionsService): void {
  app.post('/api/rumors/cases/:id/actions/confirmation', { schema: { ...tags, params: RumorIdParams, body: RumorConfirmationInput, response: created } }, async (req, reply) =>
    reply.code(201).send({ case: await svc.requestConfirmation(req.actor, req.params.id, req.body) }),
  );
  app.post('/api/rumors/cases/:id/actions/police', { schema: { ...tags, params: RumorIdParams, body: RumorPoliceInput, response: created } }, async (req, reply) =>
    reply.code(201).send({ case: await svc.handOffToPolice(req.actor, req.params.id, req.body) }),
  );
  app.post('/api/rumors/cases/:id/actions/press', { schema: { ...tags, params: RumorIdParams, body: RumorPressInput, response: created } }, async (req, reply) =>
    reply.code(201).send({ case: await svc.requestPress(req.actor, req.params.id, req.body) }),
  );
  app.post(
    '/api/rumors/cases/:id/actions/:actionId/answer',
    { schema: { ...tags, params: RumorActionParams, body: RumorAnswerInput, response: { 200: RumorCaseDetailEnvelope } } },
    async (req) => ({
      case: await svc.recordAnswer(req.actor, req.params.id, req.params.actionId, req.body.response),
    }),
  );
  app.post(
    '/api/rumors/cases/:id/actions/:actionId/cancel',
    { schema: { ...tags, params: RumorActionParams, body: RumorActionCancelInput, response: { 200: RumorCaseDetailEnvelope } } },
    async (req) => ({ case: await svc.cancelAction(req.actor, req.params.id, req.params.actionId, req.body.note) }),
  );
  app.post('/api/rumors/cases/:id/correction', { schema: { ...tags, params: RumorIdParams, body: RumorCorrectionInput, response: created } }, async (req, reply) =>
    reply.code(201).send({ case: await svc.publishCorrection(req.actor, req.params.id, req.body) }),
  );
  app.get('/api/rumors/legal-bases', { schema: { ...tags, querystring: RumorLegalBaseQuery, response: { 200: RumorLegalBaseListOut } } }, async (req) =>
    svc.listLegalBases(req.actor, req.query.unitId),
  );
  app.post('/api/rumors/legal-bases', { schema: { ...tags, body: RumorLegalBaseCreateInput, response: { 201: z.object({ item: RumorLegalBaseOut }) } } }, async (req, reply) =>
    reply.code(201).send({ item: await svc.createLegalBasis(req.actor, req.body) }),
  );
  app.patch(
    '/api/rumors/legal-bases/:id',
    { schema: { ...tags, params: RumorIdParams, body: RumorLegalBaseUpdateInput, response: { 200: z.object({ item: RumorLegalBaseOut }) } } },
    async (req) => ({
      item: await svc.updateLegalBasis(req.actor, req.params.id, req.body),
    }),
  );
}
