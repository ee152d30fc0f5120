import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.ts';

/**
 * A commune's loudspeaker cluster (cụm loa) or LED board (bảng tin điện tử). Its id is its MQTT
 * username and the <deviceId> of its topics. Migration 0014.
 */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    vendor: text('vendor'),
    model: text('model'),
    serial: text('serial'),
    simNumber: text('sim_number'),
    village: text('village'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    installedOn: date('installed_on', { mode: 'string' }),
    status: text('status').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** The last report: `{ state, heartbeat }` (protocol v1 DeviceState and Heartbeat), merged as they come. */
    lastState: jsonb('last_state'),
    /** Estimated listeners per play (ước số người nghe); null: the 'devices' setting's default. Migration 0018. */
    audience: integer('audience'),
    /** When the last offline alert was sent; alerted again only once heard from since (once per outage). Migration 0018. */
    offlineAlertedAt: timestamp('offline_alerted_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('devices_unit_idx').on(t.unitId), uniqueIndex('devices_vendor_serial_uq').on(t.vendor, t.serial)],
);

/**
 * A device's access token: HMAC-SHA-256 of the token (for the embedded broker and the HTTP API) and a
 * Mosquitto PBKDF2 hash (for the password file). At most one live row per device; rotating revokes it.
 */
export const deviceCredentials = pgTable(
  'device_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    mosquittoHash: text('mosquitto_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('device_credentials_device_idx').on(t.deviceId), uniqueIndex('device_credentials_token_uq').on(t.tokenHash)],
);

/** What a device reported playing or showing (started / finished / interrupted), deduplicated by its event id. */
export const deviceLogs = pgTable(
  'device_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    itemId: text('item_id'),
    commandId: uuid('command_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms'),
    detail: jsonb('detail'),
    source: text('source').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('device_logs_event_uq').on(t.deviceId, t.eventId), // Migration 0018: (unit_id, at) INCLUDE (type, item_id, duration_ms, device_id), for the period figures.
    index('device_logs_figures_idx').on(t.unitId, t.at),
  ],
);
