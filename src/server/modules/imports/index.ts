// The imports module's public surface: the parser for the demo and the CLI.
export { parseDispatch } from './parse/parse.ts';
export { matchDispatch } from './parse/match.ts';
export { runEvalCommand, runParseCommand } from './parse/cli.ts';
export { directiveFieldsFromParsed } from './imports.service.ts';

import { defineModule } from '../module.ts';
import { IMPORTS_ERRORS } from './imports.errors.ts';
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
  errors: IMPORTS_ERRORS,
});
