// The devices module's public surface: the services' types and what other modules and the brokers use.
export type { DevicesService } from './devices.service.ts';
export type { DeviceCredentialsService, DeviceIdentity } from './credentials.service.ts';
export type { DeviceGatewayService, PendingCommands } from './gateway.service.ts';
export type { DeviceHealthService, OfflineDeviceView } from './health.service.ts';
export type { DeviceFigureRow, DeviceFigures } from './figures.service.ts';
export { deviceMayPublish, deviceMaySubscribe } from './device-acl.ts';
export { DEFAULT_MQTT_PORT, SERVICE_USERNAME, createBrokerAuthority, startDeviceMessaging, writeMosquittoFiles } from './broker.ts';
export type { DeviceMessagingOptions } from './broker.ts';
export { runSimulateCommand } from './simulator/cli.ts';
export type { SimulateCommandOptions } from './simulator/cli.ts';

import { defineModule } from '../module.ts';
import { createDeviceCredentialsService } from './credentials.service.ts';
import type { DeviceCredentialsService } from './credentials.service.ts';
import { DEVICES_ERRORS } from './devices.errors.ts';
import { registerDeviceProtocolRoutes, registerDeviceRoutes } from './devices.routes.ts';
import { createDevicesService } from './devices.service.ts';
import type { DevicesService } from './devices.service.ts';
import { createDeviceFigures } from './figures.service.ts';
import type { DeviceFigures } from './figures.service.ts';
import { createDeviceGatewayService } from './gateway.service.ts';
import type { DeviceGatewayService } from './gateway.service.ts';
import { OFFLINE_SCAN_SCHEDULE, bindHealthJobs } from './health.jobs.ts';
import { createDeviceHealthService } from './health.service.ts';
import type { DeviceHealthService } from './health.service.ts';

declare module '../module.ts' {
  interface Services {
    /** The device registry of communes (cụm loa, bảng tin điện tử): list, add, edit, import. */
    devices: DevicesService;
    /**
     * Device tokens: issue/rotate/revoke (staff), `authenticate(token, deviceId?)` for the brokers and the
     * HTTP fallback, `mosquittoPasswords()` for the generated Mosquitto password file, and
     * `onChange(listener)`: a device whose token was revoked or rotated, or that was retired (the broker
     * drops its session, the Mosquitto files are written again).
     */
    deviceCredentials: DeviceCredentialsService & { onChange(listener: (deviceId: string) => void): () => void };
    /** What devices report and fetch: MQTT state/log messages (`ingestMqtt`), the HTTP pull fallback, `setPendingCommands`; `publishCommand(deviceId, cmd)` sends one over MQTT. */
    deviceGateway: DeviceGatewayService;
    /** Online/offline counts and the offline list (staff), and the devices alerted offline (the start page). */
    deviceHealth: DeviceHealthService;
    /** What the devices played per group of units and period (items, minutes, plays, listeners): the report prefill reads it. */
    deviceFigures: DeviceFigures;
  }
}

/** Commune loudspeaker clusters and LED boards (issue #13): registry, tokens, device protocol v1. */
export const module = defineModule({
  name: 'devices',
  errors: DEVICES_ERRORS,
  create: ({ db, clock, logger }, { units, settings }) => {
    const deviceSettings = () => settings.deviceSettings();
    const listeners = new Set<(deviceId: string) => void>();
    const onChange = (deviceId: string) => {
      for (const l of listeners) l(deviceId);
    };
    const credentials = createDeviceCredentialsService({ db, clock, onChange });
    return {
      devices: createDevicesService({ db, clock, units: units.lookup, settings: deviceSettings, onChange }),
      deviceCredentials: {
        ...credentials,
        onChange(listener: (deviceId: string) => void) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
      deviceGateway: createDeviceGatewayService({ db, clock, logger, authenticate: (token) => credentials.authenticate(token) }),
      deviceHealth: createDeviceHealthService({ db, clock, units: units.lookup, settings: deviceSettings }),
      deviceFigures: createDeviceFigures({ db, settings: deviceSettings }),
    };
  },
  jobs: ({ db, clock, mailer, jobs, publicUrl }, { settings }) => bindHealthJobs({ db, clock, mailer, jobs, publicUrl, settings: () => settings.deviceSettings() }).jobs,
  schedules: () => [OFFLINE_SCAN_SCHEDULE],
  routes: (app, { services }) => {
    registerDeviceRoutes(app, services.devices, services.deviceCredentials, services.deviceHealth);
    registerDeviceProtocolRoutes(app, services.deviceGateway);
  },
});
