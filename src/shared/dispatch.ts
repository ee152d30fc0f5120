/**
 * The structured form of a công văn (dispatch) as read by the parser and as
 * rendered by the Decree 30 renderer (`loa render DIRECTIVE.json`).
 * Field names are part of the public contract of `loa parse --json`.
 * Shared by the parser (imports), the renderer (directives) and the report rules (tasks), so none of
 * them imports another for these types.
 */

/** Decree 30 Phụ lục III abbreviation of the document type; "CV" for công văn. */
export type DocTypeCode = string;

export interface Citation {
  /** Full type name as written, e.g. "Chỉ thị", "Công văn", "Kế hoạch". */
  type: string | null;
  number: string;
  symbol: string;
  /** YYYY-MM-DD or null when the citation gives no date. */
  date: string | null;
}

export type Schedule =
  | { kind: 'once'; at: string /* ISO date-time with +07:00 offset */ }
  | { kind: 'daily'; time: string /* HH:MM */; from?: string | null; until?: string | null }
  | {
      kind: 'weekly';
      weekday: number /* ISO 1=Monday … 7=Sunday */;
      time: string /* HH:MM */;
      from?: string | null /* YYYY-MM-DD */;
      until?: string | null /* YYYY-MM-DD */;
    }
  | { kind: 'monthly'; day: number; time: string; from?: string | null; until?: string | null }
  | { kind: 'relative'; days: number; from: string | null /* YYYY-MM-DD the count starts */ };

export interface Deadline {
  text: string;
  schedule: Schedule | null;
}

export interface Section {
  /** "1", "2", "I", "a" … as printed. */
  number: string;
  heading: string | null;
  /** Recipient groups named in the heading or the first sentence. */
  addressees: string[];
  items: string[];
}

export interface Task {
  section: string;
  title: string;
  assignees: string[];
  deadline: Deadline | null;
}

export interface ReportForm {
  indicators: string[];
  channel: string | null;
  schedule: Schedule | null;
  deadlineText: string | null;
  recipient: string | null;
}

export interface ParsedDispatch {
  issuerParent: string | null;
  issuer: string | null;
  number: string | null;
  symbol: string | null;
  docType: DocTypeCode;
  place: string | null;
  date: string | null;
  subject: string | null;
  urgency: string | null;
  recipients: string[];
  cc: string[];
  archive: string | null;
  citations: Citation[];
  emails: string[];
  phones: string[];
  urls: string[];
  deadlines: Deadline[];
  signerAuthority: string | null;
  signerPosition: string | null;
  signerTitle: string | null;
  signerName: string | null;
  /** Body paragraphs between the Kính gửi block and the signature, in order; inline **bold** and *italic* kept. */
  body: string[];
  sections: Section[];
  tasks: Task[];
  reportForm: ReportForm | null;
  /** Problems met while parsing (e.g. the time limit was reached and the result is partial). */
  warnings?: string[];
}
