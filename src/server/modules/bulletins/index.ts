// The bulletins module's public surface (issue #13): bulletins (bản tin truyền thanh) and, from programmes.*.ts,
// the communes' broadcast programmes.
export type { BulletinsService, ProgrammesPort } from './bulletins.service.ts';
export type { BulletinReads } from './bulletins.reads.ts';
export type { BulletinMedia, BulletinMediaReader } from './bulletins.media.ts';
export type { Dispatcher } from './bulletins.dispatch.ts';
export type { ProgrammesService } from './programmes.service.ts';
export type { ProgrammeScheduling } from './programmes.schedule.ts';

import { defineModule } from '../module.ts';
import { createBulletinAudio } from './bulletins.audio.ts';
import { createDispatcher } from './bulletins.dispatch.ts';
import type { Dispatcher } from './bulletins.dispatch.ts';
import { BULLETINS_ERRORS } from './bulletins.errors.ts';
import { createBulletinMediaReader } from './bulletins.media.ts';
import type { BulletinMediaReader } from './bulletins.media.ts';
import { createBulletinReads } from './bulletins.reads.ts';
import type { BulletinReads } from './bulletins.reads.ts';
import { registerBulletinRoutes, registerDeviceMediaRoute } from './bulletins.routes.ts';
import { createBulletinsService } from './bulletins.service.ts';
import type { BulletinsService } from './bulletins.service.ts';
import { PROGRAMMES_ERRORS } from './programmes.errors.ts';
import { registerProgrammeRoutes } from './programmes.routes.ts';
import { PROGRAMME_SCHEDULES, createProgrammeScheduling } from './programmes.schedule.ts';
import type { ProgrammeScheduling } from './programmes.schedule.ts';
import { createProgrammesService } from './programmes.service.ts';
import type { ProgrammesService } from './programmes.service.ts';

declare module '../module.ts' {
  interface Services {
    /** Bulletins: compose (TTS, upload, relay), the workflow by role, publication per priority, cancellation. */
    bulletins: BulletinsService;
    /** Coverage of a bulletin, the composer's TTS preview, the devices' media download. */
    bulletinReads: BulletinReads;
    /** The khẩn cấp sending (E's benchmark waits on it) and the HTTP fallback's pending commands. */
    bulletinDispatch: Dispatcher;
    /** A bulletin's media as devices get it (the programmes build schedules from it). */
    bulletinMedia: BulletinMediaReader;
    /** Communes' broadcast programmes (lịch phát sóng) and bulletin queues, for staff; the province view. */
    programmes: ProgrammesService;
    /** The queue entry points of publication and cancellation, devices' `schedule` commands, their jobs. */
    programmeScheduling: ProgrammeScheduling;
  }
}

/** Commune radio bulletins (issue #13; docs/devices.md): TT 39/2020 priorities, khẩn cấp to every device at once. */
export const module = defineModule({
  name: 'bulletins',
  errors: { ...BULLETINS_ERRORS, ...PROGRAMMES_ERRORS },
  create: ({ db, clock, jobs, logger, files, tts, publicUrl }, services) => {
    const media = createBulletinMediaReader({ db, publicUrl });
    const gateway = services.deviceGateway;
    const programmeScheduling = createProgrammeScheduling({ db, clock, jobs, logger, devices: services.devices, gateway, bulletinMediaFor: media.bulletinMediaFor });
    const programmes = programmeScheduling;
    const dispatcher = createDispatcher({ db, clock, logger, publicUrl, gateway, scheduleCommandFor: (deviceId) => programmes.scheduleCommandFor(deviceId) });
    gateway.setPendingCommands(dispatcher.pendingFor);
    const audio = createBulletinAudio({ files, tts, logger });
    const bulletins = createBulletinsService({ db, clock, jobs, units: services.units.lookup, audio, dispatcher, programmes, publicUrl });
    const bulletinReads = createBulletinReads({ db, bulletins, audio, deviceFromBearer: gateway.deviceFromBearer });
    const programmesService = createProgrammesService({ db, clock, units: services.units.lookup, bulletinMediaFor: media.bulletinMediaFor, scheduling: programmeScheduling });
    return { bulletins, bulletinReads, bulletinDispatch: dispatcher, bulletinMedia: media, programmes: programmesService, programmeScheduling };
  },
  routes: (app, { services }) => {
    registerBulletinRoutes(app, services.bulletins, services.bulletinReads);
    registerDeviceMediaRoute(app, services.bulletinReads);
    registerProgrammeRoutes(app, services.programmes);
  },
  jobs: (_ctx, services) => [services.bulletinDispatch.job, ...services.programmeScheduling.jobs],
  schedules: () => PROGRAMME_SCHEDULES,
});
