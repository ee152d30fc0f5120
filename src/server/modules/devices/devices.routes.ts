import { z } from 'zod';
import type { Api } from '../../http/types.ts';
import {
  CreateDeviceBody,
  CredentialOut,
  DEVICE_LIMITS,
  DeviceHealthOut,
  DeviceIdParams,
  DeviceImportBody,
  DeviceImportReportOut,
  DeviceLogBatch,
  DeviceLogsOut,
  DeviceScheduleOut,
  DevicesOut,
  DevicesQuery,
  OneDeviceOut,
  UnitIdParams,
  UpdateDeviceBody,
} from '../../../shared/contracts/devices.ts';
import type { DeviceCredentialsService } from './credentials.service.ts';
import type { DevicesService } from './devices.service.ts';
import type { DeviceGatewayService } from './gateway.service.ts';
import type { DeviceHealthService } from './health.service.ts';

const tags = { tags: ['devices'] };

/** The device registry of communes and the tokens of devices (signed-in staff). */
export function registerDeviceRoutes(app: Api, svc: DevicesService, credentials: DeviceCredentialsService, health: DeviceHealthService): void {
  app.get('/api/units/:unitId/devices', { schema: { ...tags, params: UnitIdParams, querystring: DevicesQuery, response: { 200: DevicesOut } } }, async (req) =>
    svc.listDevices(req.actor, req.params.unitId, { subtree: req.query.subtree === '1' }),
  );
  app.get('/api/units/:unitId/devices/health', { schema: { ...tags, params: UnitIdParams, querystring: DevicesQuery, response: { 200: DeviceHealthOut } } }, async (req) =>
    health.health(req.actor, req.params.unitId, { subtree: req.query.subtree === '1' }),
  );
  app.post('/api/units/:unitId/devices', { schema: { ...tags, params: UnitIdParams, body: CreateDeviceBody, response: { 201: OneDeviceOut } } }, async (req, reply) =>
    reply.code(201).send({ device: await svc.createDevice(req.actor, req.params.unitId, req.body) }),
  );
  app.post(
    '/api/units/:unitId/devices/import',
    {
      bodyLimit: Math.ceil(DEVICE_LIMITS.fileBytes / 3) * 4 + 64 * 1024,
      schema: { ...tags, params: UnitIdParams, body: DeviceImportBody, response: { 200: DeviceImportReportOut } },
    },
    async (req) => svc.importDevices(req.actor, req.params.unitId, req.body),
  );
  app.get('/api/devices/:deviceId', { schema: { ...tags, params: DeviceIdParams, response: { 200: OneDeviceOut } } }, async (req) => ({
    device: await svc.getDevice(req.actor, req.params.deviceId),
  }));
  app.patch('/api/devices/:deviceId', { schema: { ...tags, params: DeviceIdParams, body: UpdateDeviceBody, response: { 200: OneDeviceOut } } }, async (req) => ({
    device: await svc.updateDevice(req.actor, req.params.deviceId, req.body),
  }));
  app.post('/api/devices/:deviceId/credential', { schema: { ...tags, params: DeviceIdParams, response: { 201: CredentialOut } } }, async (req, reply) =>
    reply
      .code(201)
      .header('cache-control', 'no-store')
      .send(await credentials.issueCredential(req.actor, req.params.deviceId)),
  );
  app.delete('/api/devices/:deviceId/credential', { schema: { ...tags, params: DeviceIdParams } }, async (req, reply) => {
    await credentials.revokeCredential(req.actor, req.params.deviceId);
    return reply.status(204).send();
  });
}

/**
 * The device protocol's HTTP pull fallback (docs/devices.md): no session, a bearer device token instead
 * (checked by the gateway service on every request).
 */
export function registerDeviceProtocolRoutes(app: Api, gateway: DeviceGatewayService): void {
  const device = { tags: ['device protocol v1'] };
  app.get('/device/v1/schedule', { config: { public: true }, schema: { ...device, response: { 200: DeviceScheduleOut, 304: z.void() } } }, async (req, reply) => {
    const { body, etag } = await gateway.schedule(req.headers.authorization);
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return body;
  });
  app.post('/device/v1/logs', { config: { public: true }, schema: { ...device, body: DeviceLogBatch, response: { 200: DeviceLogsOut } } }, async (req) =>
    gateway.postLogs(req.headers.authorization, req.body),
  );
}
