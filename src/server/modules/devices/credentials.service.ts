import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { deviceTopics } from '../../../shared/contracts/devices.ts';
import type { CredentialView } from '../../../shared/contracts/devices.ts';
import { deviceTokenHash, generateDeviceToken, looksLikeDeviceToken, mosquittoPasswordHash, sameHash } from './device-token.ts';
import './devices.errors.ts';
import * as repo from './devices.repository.ts';

/** A device that proved its token: what the broker and the HTTP fallback act for. */
export interface DeviceIdentity {
  deviceId: string;
  unitId: string;
}

/**
 * Per-device access tokens: made (or rotated) once and shown once, revocable; Loa keeps only hashes.
 * `authenticate` is what the brokers and the HTTP fallback call on every connect or request.
 */
export function createDeviceCredentialsService(deps: { db: Db; clock: Clock; onChange: (deviceId: string) => void }) {
  const { db, clock, onChange } = deps;

  async function deviceFor(actor: Actor, deviceId: string) {
    const d = await repo.findDevice(db, deviceId);
    if (!d) throw new AppError('NOT_FOUND');
    return { d, a: authorize(actor, 'device.write', { unitPath: d.unitPath }, 'device.read') };
  }

  return {
    /**
     * Makes a new token for the device; a live one is revoked in the same transaction (rotation), and
     * the broker drops a session opened with it. The token is in the answer only: it cannot be shown again.
     */
    async issueCredential(actor: Actor, deviceId: string): Promise<CredentialView> {
      const { d, a } = await deviceFor(actor, deviceId);
      if (d.status === 'retired') throw new AppError('DEVICE_RETIRED');
      const token = generateDeviceToken();
      const at = clock.now();
      const rotated = await db.transaction(async (tx) => {
        const hadOne = await repo.revokeLiveCredential(tx, d.id, at);
        await repo.insertCredential(tx, { deviceId: d.id, tokenHash: deviceTokenHash(token), mosquittoHash: mosquittoPasswordHash(token), createdBy: a.userId, at });
        await recordAudit(tx, a, {
          action: hadOne ? 'device.credential_rotate' : 'device.credential_issue',
          entity: 'device',
          entityId: d.id,
          unitId: d.unitId,
          after: { issuedAt: at.toISOString() },
        });
        return hadOne;
      });
      if (rotated) onChange(d.id);
      return { deviceId: d.id, username: d.id, token, issuedAt: at.toISOString(), topics: deviceTopics(d.id) };
    },

    /** Revokes the live token: the device is refused from now on (409 when it has none). */
    async revokeCredential(actor: Actor, deviceId: string): Promise<void> {
      const { d, a } = await deviceFor(actor, deviceId);
      await db.transaction(async (tx) => {
        if (!(await repo.revokeLiveCredential(tx, d.id, clock.now()))) throw new AppError('DEVICE_NO_CREDENTIAL');
        await recordAudit(tx, a, { action: 'device.credential_revoke', entity: 'device', entityId: d.id, unitId: d.unitId });
      });
      onChange(d.id);
    },

    /**
     * The device a token belongs to, or null (unknown, revoked, retired device, or — when `deviceId` is
     * given, as the MQTT username — another device's token). No access check: the token is the proof.
     */
    async authenticate(token: string, deviceId?: string): Promise<DeviceIdentity | null> {
      if (!looksLikeDeviceToken(token)) return null;
      const hash = deviceTokenHash(token);
      const found = await repo.findLiveCredential(db, hash);
      if (!found || !sameHash(found.tokenHash, hash)) return null;
      if (deviceId !== undefined && found.deviceId !== deviceId) return null;
      return { deviceId: found.deviceId, unitId: found.unitId };
    },

    /** Every live token as (username, Mosquitto hash): the lines of a Mosquitto password file. */
    async mosquittoPasswords(): Promise<{ username: string; hash: string }[]> {
      return (await repo.liveMosquittoHashes(db)).map((r) => ({ username: r.deviceId, hash: r.mosquittoHash }));
    },
  };
}
export type DeviceCredentialsService = ReturnType<typeof createDeviceCredentialsService>;
