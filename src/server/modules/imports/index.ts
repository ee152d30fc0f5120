export { parseDispatch } from './parse/parse.ts';
export type { ParseOptions } from './parse/parse.ts';
export { extractText, ExtractError } from './parse/extract.ts';
export { matchDispatch, proposeIssuer } from './parse/match.ts';
export type { DirectoryCandidate, DispatchMatch, IssuerProposal } from './parse/match.ts';
export { runEvalCommand, runParseCommand } from './parse/cli.ts';
export type * from './parse/dispatch.types.ts';
