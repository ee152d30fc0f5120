export * from './units.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './jobs.ts';
export * from './settings.ts';
