/**
 * Tasks run inside the analysis sandbox (analysis.ts): reading a file (limits, extraction,
 * parsing) and proposing (directory matching, sources). Only pure code is imported here, so a
 * worker starts quickly and holds nothing of the server.
 */
import { extractBytes } from './parse/extract.ts';
import type { ExtractFormat } from './parse/extract.ts';
import type { AnalysisLimits } from './parse/limits.ts';
import { matchDispatch } from './parse/match.ts';
import type { DirectoryCandidate, MatchContext, RecipientGroup } from './parse/match.ts';
import { parseDispatch } from './parse/parse.ts';
import type { ParsedDispatch } from '../../../shared/dispatch.ts';
import { capParsed, readProposal } from './proposal.ts';
import type { ReadProposal } from './proposal.ts';

/** Extracts the file's text within the limits and parses it; the lists of the parse are capped. */
export async function read(input: { bytes: Uint8Array; format: ExtractFormat; limits: AnalysisLimits }): Promise<{ text: string; parsed: ParsedDispatch }> {
  const text = await extractBytes(input.bytes, input.format, input.limits);
  return { text, parsed: capParsed(parseDispatch(text)) };
}

/** Matches the parse against the directory candidates and groups and locates every value in the text. */
export function propose(input: { text: string; parsed: ParsedDispatch; candidates: DirectoryCandidate[]; groups: RecipientGroup[]; context: MatchContext }): ReadProposal {
  return readProposal(input.text, input.parsed, matchDispatch(input.parsed, input.candidates, input.groups, input.context));
}
