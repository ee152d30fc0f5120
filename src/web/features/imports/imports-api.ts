// Typed client for the công văn import API (/api/imports/*) and the task detail the result shows.
// Shapes mirror src/server/modules/imports/imports.schemas.ts and tasks.schemas.ts (the UI may not
// import them). Pure module: no React, no DOM access at import time.
import { request } from '../../api.ts';
import { type Urgency } from '../directives/directives-api.ts';

const enc = encodeURIComponent;

/** Server limits (IMPORT_LIMITS) the screen checks up front. */
export const IMPORT_LIMITS = { fileBytes: 10 * 1024 * 1024, lowConfidence: 0.7 } as const;

/** File types the server reads (it checks the content, not the name). */
export const ACCEPTED_FILES = '.txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface SourceRef {
  /** 1-based line of the extracted text. */
  line: number;
  text: string;
}

export interface FieldProposal {
  field: string;
  value: string | null;
  confidence: number;
  flagged: boolean;
  note: string | null;
  source: SourceRef | null;
}

export interface MatchTarget {
  type: 'unit' | 'group';
  id: string;
  name: string;
}

export interface MatchProposal {
  text: string;
  target: MatchTarget | null;
  confidence: number;
  flagged: boolean;
  source: SourceRef | null;
  /** Why the officer should check it (a unit of a list no longer in force …). */
  note?: string | null;
  /** Today's units that took over a matched unit of an edition no longer in force. */
  successors?: UnitRef[];
}

export interface UnitRef {
  id: string;
  name: string;
}

/** A unit offered for a task (today's successor of an old unit it names), never assigned until the officer picks it. */
export interface SuggestedAssignee extends UnitRef {
  note: string;
}

export interface AddresseeProposal extends MatchProposal {
  section: string;
}

export type DueRule =
  | { kind: 'once'; at: string }
  | { kind: 'daily'; time: string; from?: string | null; until?: string | null }
  | { kind: 'weekly'; weekday: number; time: string; from?: string | null; until?: string | null }
  | { kind: 'monthly'; day: number; time: string; from?: string | null; until?: string | null };

export interface Indicator {
  key: string;
  label: string;
  type: string;
  options?: string[];
  aggregation?: string;
  byChannel?: boolean;
  required?: boolean;
}

export interface ReportForm {
  name: string;
  indicators: Indicator[];
}

export interface Assignees {
  unitIds: string[];
  groupIds: string[];
}

export interface TaskProposal {
  section: string | null;
  title: string;
  description: string | null;
  assignees: Assignees;
  assigneeNames: string[];
  dueRule: DueRule;
  /** True when the dispatch printed no deadline and Loa proposes one. */
  dueRuleProposed: boolean;
  reportForm: ReportForm | null;
  flagged: boolean;
  /** Today's successors of addressees matched to old units (absent in proposals stored before they existed). */
  suggestedAssignees?: SuggestedAssignee[];
}

export interface IssuerProposal {
  id: string;
  name: string;
  confidence: number;
  evidence: string[];
}

export interface Proposal {
  issuer: IssuerProposal | null;
  fields: FieldProposal[];
  recipients: MatchProposal[];
  cc: MatchProposal[];
  addressees: AddresseeProposal[];
  tasks: TaskProposal[];
  flagged: string[];
}

export interface ImportRecord {
  id: string;
  unitId: string;
  fileName: string;
  format: string;
  sizeBytes: number;
  contentHash: string;
  /** "proposed" until confirmed, then "confirmed". */
  status: string;
  directiveId: string | null;
  createdAt: string;
  duplicateOf: string | null;
  text: string;
  proposal: Proposal;
}

export interface TaskInput {
  section: string | null;
  title: string;
  description: string | null;
  assignees: Assignees;
  dueRule: DueRule;
  reportForm: ReportForm | null;
}

/** The officer's corrections: every field left out keeps what was read and proposed. */
export interface ConfirmInput {
  issuerUnitId?: string | null;
  issuerParent?: string | null;
  issuer?: string;
  docType?: string;
  number?: number | null;
  symbol?: string;
  date?: string | null;
  place?: string | null;
  subject?: string;
  urgency?: Urgency | null;
  signer?: { position?: string | null; name?: string | null };
  tasks?: TaskInput[];
  createTasks?: boolean;
}

export interface ConfirmResult {
  import: ImportRecord;
  directive: { id: string; fullSymbol: string; subject: string; issuerUnitId: string; issuer: string; status: string };
  inboxItemId: string | null;
  arrivalNumber: string;
  tasks: { id: string; title: string; assignees: number; reportForm: boolean }[];
  skippedTasks: { title: string; reason: string }[];
}

export interface TaskDetail {
  task: { id: string; title: string; section: string | null; dueRule: DueRule; directiveId: string | null; status: string };
  reportForm: ReportForm | null;
  assignees: { id: string; name: string }[];
  currentPeriod: { key: string; deadline: string } | null;
}

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
  return (await request<{ import: ImportRecord }>('POST', '/api/imports', { fileName: file.name, contentBase64 })).import;
}

export async function getImport(id: string): Promise<ImportRecord> {
  return (await request<{ import: ImportRecord }>('GET', `/api/imports/${enc(id)}`)).import;
}

export function confirmImport(id: string, input: ConfirmInput): Promise<ConfirmResult> {
  return request<ConfirmResult>('POST', `/api/imports/${enc(id)}/confirm`, input);
}

export function getTask(id: string): Promise<TaskDetail> {
  return request<TaskDetail>('GET', `/api/tasks/${enc(id)}`);
}
