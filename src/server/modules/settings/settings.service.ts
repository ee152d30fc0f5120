import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { authorize, can, hasGlobalScope } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { NATION_ID } from '../units/index.ts';
import { DEFAULT_DEVICE_SETTINGS, DEFAULT_SMS_SETTINGS, DeviceSettingsSchema, SmsSettingsSchema } from '../../../shared/contracts/settings.ts';
import type { DeviceSettings, DeviceSettingsOut, SmsSettings, SmsSettingsOut } from '../../../shared/contracts/settings.ts';
import { AppError } from '../../platform/errors.ts';
import { findSetting, upsertSetting } from './settings.repository.ts';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));

/** What the public portal shows about the authority running this Loa. */
export const PortalSettings = z.object({
  authorityName: text(200),
  parentName: text(200).nullable().default(null),
  hotline: z.string().trim().max(50).nullable().default(null),
  email: z.email().nullable().default(null),
  address: text(300).nullable().default(null),
  logoUrl: z.string().trim().max(500).nullable().default(null),
});
export type PortalSettings = z.infer<typeof PortalSettings>;

export const DEFAULT_PORTAL: PortalSettings = {
  authorityName: 'Cổng thông tin Loa',
  parentName: null,
  hotline: null,
  email: null,
  address: null,
  logoUrl: null,
};

const KEY = 'portal';
const SMS_KEY = 'sms';
const DEVICES_KEY = 'devices';

export function createSettingsService(deps: { db: Db }) {
  /** The SMS settings in force (the defaults until someone saves them); for the broadcasts module, no access check. */
  async function smsSettings(opts: { tx?: Db } = {}): Promise<SmsSettings> {
    const parsed = SmsSettingsSchema.safeParse(await findSetting(opts.tx ?? deps.db, SMS_KEY));
    return parsed.success ? parsed.data : DEFAULT_SMS_SETTINGS;
  }

  /** The device settings in force (online window, offline alert delay, default audience); for the devices module, no access check. */
  async function deviceSettings(opts: { tx?: Db } = {}): Promise<DeviceSettings> {
    const parsed = DeviceSettingsSchema.safeParse(await findSetting(opts.tx ?? deps.db, DEVICES_KEY));
    return parsed.success ? parsed.data : DEFAULT_DEVICE_SETTINGS;
  }

  return {
    async getPortalSettings(): Promise<PortalSettings> {
      const parsed = PortalSettings.safeParse(await findSetting(deps.db, KEY));
      return parsed.success ? parsed.data : DEFAULT_PORTAL;
    },
    async updatePortalSettings(actor: Actor, input: PortalSettings): Promise<PortalSettings> {
      const a = authorize(actor, 'settings.write', { unitPath: NATION_ID });
      return deps.db.transaction(async (tx) => {
        const before = await findSetting(tx, KEY);
        await upsertSetting(tx, KEY, input);
        await recordAudit(tx, a, { action: 'settings.update', entity: 'settings', entityId: KEY, unitId: null, before, after: input });
        return input;
      });
    },

    smsSettings,
    /** GET /api/settings/sms: for anyone who reads SMS campaigns somewhere, with whether they may change them. */
    async readSmsSettings(actor: Actor): Promise<SmsSettingsOut> {
      if (!hasGlobalScope(actor) && !can(actor, 'broadcast.read', { unitPath: actor.unitPath })) throw new AppError('FORBIDDEN');
      return { settings: await smsSettings(), capabilities: { write: can(actor, 'settings.write', { unitPath: NATION_ID }) } };
    },
    async updateSmsSettings(actor: Actor, input: SmsSettings): Promise<SmsSettingsOut> {
      const a = authorize(actor, 'settings.write', { unitPath: NATION_ID });
      const value = SmsSettingsSchema.parse(input);
      return deps.db.transaction(async (tx) => {
        const before = (await findSetting(tx, SMS_KEY)) ?? DEFAULT_SMS_SETTINGS;
        await upsertSetting(tx, SMS_KEY, value);
        await recordAudit(tx, a, { action: 'settings.sms_update', entity: 'settings', entityId: SMS_KEY, unitId: null, before, after: value });
        return { settings: value, capabilities: { write: true } };
      });
    },

    deviceSettings,
    /** GET /api/settings/devices: for anyone who reads devices somewhere, with whether they may change them. */
    async readDeviceSettings(actor: Actor): Promise<DeviceSettingsOut> {
      if (!hasGlobalScope(actor) && !can(actor, 'device.read', { unitPath: actor.unitPath })) throw new AppError('FORBIDDEN');
      return { settings: await deviceSettings(), capabilities: { write: can(actor, 'settings.write', { unitPath: NATION_ID }) } };
    },
    async updateDeviceSettings(actor: Actor, input: DeviceSettings): Promise<DeviceSettingsOut> {
      const a = authorize(actor, 'settings.write', { unitPath: NATION_ID });
      const value = DeviceSettingsSchema.parse(input);
      return deps.db.transaction(async (tx) => {
        const before = (await findSetting(tx, DEVICES_KEY)) ?? DEFAULT_DEVICE_SETTINGS;
        await upsertSetting(tx, DEVICES_KEY, value);
        await recordAudit(tx, a, { action: 'settings.devices_update', entity: 'settings', entityId: DEVICES_KEY, unitId: null, before, after: value });
        return { settings: value, capabilities: { write: true } };
      });
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
