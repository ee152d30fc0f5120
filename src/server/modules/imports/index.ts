export { parseDispatch } from './parse/parse.ts';
export type { ParseOptions } from './parse/parse.ts';
export { extractText, extractBytes, ExtractError } from './parse/extract.ts';
export type { ExtractFormat } from './parse/extract.ts';
export { matchDispatch, proposeIssuer } from './parse/match.ts';
export type { DirectoryCandidate, DispatchMatch, IssuerProposal } from './parse/match.ts';
export { runEvalCommand, runParseCommand } from './parse/cli.ts';
export { createImportsService, detectFormat, directiveFieldsFromParsed, EXTERNAL_ISSUER_NAME } from './imports.service.ts';
export type { ImportsService } from './imports.service.ts';
export * from './imports.schemas.ts';
export { registerImportRoutes } from './imports.routes.ts';

import { defineModule } from '../module.ts';
import { createImportsService as makeImports } from './imports.service.ts';
import type { ImportsService as Imports } from './imports.service.ts';
import { registerImportRoutes as importRoutes } from './imports.routes.ts';

declare module '../module.ts' {
  interface Services {
    imports: Imports;
  }
}

/** Received dispatches: upload → proposal → confirm into the inbox with tasks. */
export const module = defineModule({
  name: 'imports',
  create: ({ db, clock }, { units, groups, directives, tasks }) => ({ imports: makeImports({ db, clock, units, groups, directives, tasks }) }),
  routes: (app, { services }) => importRoutes(app, services.imports),
});
