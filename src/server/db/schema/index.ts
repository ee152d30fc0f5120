export * from './units.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './jobs.ts';
export * from './settings.ts';
export * from './directives.ts';
export * from './publishing.ts';
export * from './tasks.ts';
