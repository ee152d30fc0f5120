import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import type { GroupsService } from './groups.service.ts';
import type { UnitsService } from './units.service.ts';
import {
  AtQuery,
  ContactsBody,
  ContactsOut,
  CreateGroupBody,
  CreateUnitBody,
  GroupIdParams,
  GroupOut,
  GroupsQuery,
  SearchQuery,
  UnitDetailOut,
  UnitIdParams,
  UnitListOut,
  UnitOut,
  UnitSearchOut,
  UpdateGroupBody,
  UpdateUnitBody,
} from './units.schemas.ts';
import { UNIT_KINDS, UNIT_KIND_LABELS } from './unit-kinds.ts';

const units = { tags: ['units'] };
const groups = { tags: ['groups'] };

export function registerUnitRoutes(app: Api, svc: { units: UnitsService; groups: GroupsService }): void {
  app.get(
    '/api/units/kinds',
    { schema: { ...units, response: { 200: z.object({ items: z.array(z.object({ kind: z.string(), vi: z.string(), en: z.string() })) }) } } },
    async () => ({
      items: UNIT_KINDS.map((kind) => ({ kind, ...UNIT_KIND_LABELS[kind] })),
    }),
  );
  app.get('/api/units/roots', { schema: { ...units, querystring: AtQuery, response: { 200: UnitListOut } } }, async (req) => ({
    items: await svc.units.listRoots(req.actor, req.query.at),
  }));
  app.get('/api/units/search', { schema: { ...units, querystring: SearchQuery, response: { 200: UnitSearchOut } } }, async (req) => ({
    items: await svc.units.searchUnits(req.actor, req.query),
  }));
  app.get('/api/units/:id', { schema: { ...units, params: UnitIdParams, response: { 200: UnitDetailOut } } }, async (req) => svc.units.getUnit(req.actor, req.params.id));
  app.get('/api/units/:id/children', { schema: { ...units, params: UnitIdParams, querystring: AtQuery, response: { 200: UnitListOut } } }, async (req) => ({
    items: await svc.units.listChildren(req.actor, req.params.id, req.query.at),
  }));
  app.post('/api/units', { schema: { ...units, body: CreateUnitBody, response: { 201: z.object({ unit: UnitOut }) } } }, async (req, reply) => {
    const unit = await svc.units.createOrganisation(req.actor, req.body);
    return reply.status(201).send({ unit });
  });
  app.patch('/api/units/:id', { schema: { ...units, params: UnitIdParams, body: UpdateUnitBody, response: { 200: z.object({ unit: UnitOut }) } } }, async (req) => ({
    unit: await svc.units.updateUnit(req.actor, req.params.id, req.body),
  }));
  app.put('/api/units/:id/contacts', { schema: { ...units, params: UnitIdParams, body: ContactsBody, response: { 200: z.object({ contacts: ContactsOut }) } } }, async (req) => ({
    contacts: await svc.units.updateContacts(req.actor, req.params.id, req.body),
  }));

  app.get('/api/groups', { schema: { ...groups, querystring: GroupsQuery, response: { 200: z.object({ items: z.array(GroupOut) }) } } }, async (req) => ({
    items: await svc.groups.listGroups(req.actor, req.query.ownerUnitId),
  }));
  app.get('/api/groups/:id', { schema: { ...groups, params: GroupIdParams, response: { 200: z.object({ group: GroupOut }) } } }, async (req) => ({
    group: await svc.groups.getGroup(req.actor, req.params.id),
  }));
  app.get('/api/groups/:id/members', { schema: { ...groups, params: GroupIdParams, querystring: AtQuery, response: { 200: UnitListOut } } }, async (req) => ({
    items: await svc.groups.listMembers(req.actor, req.params.id, req.query.at),
  }));
  app.post('/api/groups', { schema: { ...groups, body: CreateGroupBody, response: { 201: z.object({ group: GroupOut }) } } }, async (req, reply) => {
    const group = await svc.groups.createGroup(req.actor, req.body);
    return reply.status(201).send({ group });
  });
  app.patch('/api/groups/:id', { schema: { ...groups, params: GroupIdParams, body: UpdateGroupBody, response: { 200: z.object({ group: GroupOut }) } } }, async (req) => ({
    group: await svc.groups.updateGroup(req.actor, req.params.id, req.body),
  }));
  app.delete('/api/groups/:id', { schema: { ...groups, params: GroupIdParams } }, async (req, reply) => {
    await svc.groups.deleteGroup(req.actor, req.params.id);
    return reply.status(204).send();
  });
}
