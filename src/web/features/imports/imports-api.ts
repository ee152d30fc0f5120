// Typed client for the công văn import API (/api/imports/*) and the task detail the result shows.
// The shapes and limits are the shared contracts (src/shared/contracts/imports.ts and tasks.ts);
// every JSON response is checked against its schema. Pure module: no React, no DOM access at import time.
import type { z } from 'zod';
import { requestParsed } from '../../api.ts';
import { ConfirmOut, ImportOneOut } from '../../../shared/contracts/imports.ts';
import type { ConfirmBody, TaskProposalIn } from '../../../shared/contracts/imports.ts';
import { DueRuleOut, TaskDetailOut, TaskOut } from '../../../shared/contracts/tasks.ts';
import type { ReportFormOut } from '../../../shared/contracts/tasks.ts';

export { ACCEPTED_FILES, IMPORT_LIMITS } from '../../../shared/contracts/imports.ts';

const enc = encodeURIComponent;

export type ImportRecord = z.infer<typeof ImportOneOut>['import'];
export type Proposal = ImportRecord['proposal'];
export type FieldProposal = Proposal['fields'][number];
export type MatchProposal = Proposal['recipients'][number];
export type AddresseeProposal = Proposal['addressees'][number];
export type TaskProposal = Proposal['tasks'][number];
export type IssuerProposal = NonNullable<Proposal['issuer']>;
export type MatchTarget = NonNullable<MatchProposal['target']>;
export type SourceRef = NonNullable<FieldProposal['source']>;
/** A unit offered for a task (today's successor of an old unit it names), never assigned until the officer picks it. */
export type SuggestedAssignee = TaskProposal['suggestedAssignees'][number];
export type UnitRef = Omit<SuggestedAssignee, 'note'>;
export type Assignees = TaskProposal['assignees'];
export type DueRule = z.infer<typeof DueRuleOut>;
export type ReportForm = z.infer<typeof ReportFormOut>;
export type Indicator = ReportForm['indicators'][number];

/** A task the confirmation creates: the proposal's, as the officer corrected it. */
export type TaskInput = Omit<z.input<typeof TaskProposalIn>, 'dueRule' | 'reportForm'> & { dueRule: DueRule; reportForm: ReportForm | null };
/** The officer's corrections: every field left out keeps what was read and proposed (the type code as typed; the server checks it). */
export type ConfirmInput = Omit<z.input<typeof ConfirmBody>, 'tasks' | 'docType'> & { docType?: string; tasks?: TaskInput[] };
export type ConfirmResult = z.infer<typeof ConfirmOut>;

/** The task detail with its deadline rule checked (the server sends it loosely typed). */
const TaskWithRuleOut = TaskDetailOut.extend({ task: TaskOut.extend({ dueRule: DueRuleOut }) });
export type TaskDetail = z.infer<typeof TaskWithRuleOut>;

/** Base64 of a file's bytes (chunked: large files would overflow String.fromCharCode's arguments). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Uploads a file (JSON form of the upload); a file already imported by the unit comes back with duplicateOf. */
export async function uploadImport(file: File): Promise<ImportRecord> {
  const contentBase64 = await fileToBase64(file);
  return (await requestParsed(ImportOneOut, 'POST', '/api/imports', { fileName: file.name, contentBase64 })).import;
}

export async function getImport(id: string): Promise<ImportRecord> {
  return (await requestParsed(ImportOneOut, 'GET', `/api/imports/${enc(id)}`)).import;
}

export function confirmImport(id: string, input: ConfirmInput): Promise<ConfirmResult> {
  return requestParsed(ConfirmOut, 'POST', `/api/imports/${enc(id)}/confirm`, input);
}

export function getTask(id: string): Promise<TaskDetail> {
  return requestParsed(TaskWithRuleOut, 'GET', `/api/tasks/${enc(id)}`);
}
