// Pure helpers of the import screen: due rules in words, dates, and the corrections sent on confirm.
import { URGENCIES, type Urgency } from '../directives/directives-api.ts';
import type { AddresseeProposal, ConfirmInput, DueRule, FieldProposal, MatchProposal, MatchTarget, Proposal, TaskInput, TaskProposal, UnitRef } from './imports-api.ts';
import type { ImportStrings } from './strings.ts';

/** "2021-02-01" → "01/02/2021"; "2021-02" → "02/2021"; anything else unchanged. */
export function vnDate(iso: string): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (full) return `${full[3]}/${full[2]}/${full[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) return `${month[2]}/${month[1]}`;
  return iso;
}

/** "5/2/2021", "05/02/2021" or "2021-02-05" → "2021-02-05"; "" → null; invalid → undefined. */
export function parseVnDate(s: string): string | null | undefined {
  const v = s.trim();
  if (v === '') return null;
  let y: number, m: number, d: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The due rule in words, e.g. "16:00 thứ Năm hằng tuần, 01/02/2021–28/02/2021". */
export function dueRuleText(rule: DueRule, s: ImportStrings): string {
  const w = s.dueWords;
  if (rule.kind === 'once') {
    // The instant as printed with its offset (Viet Nam time), not the browser's zone.
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(rule.at);
    return w.once(m ? `${m[2]} ${vnDate(m[1] ?? '')}` : rule.at);
  }
  const base = rule.kind === 'daily' ? w.daily(rule.time) : rule.kind === 'weekly' ? w.weekly(rule.time, rule.weekday) : w.monthly(rule.time, rule.day);
  const from = rule.from ? vnDate(rule.from) : null;
  const until = rule.until ? vnDate(rule.until) : null;
  if (from && until) return `${base}, ${from}–${until}`;
  if (from) return `${base}, ${w.from(from)}`;
  if (until) return `${base}, ${w.until(until)}`;
  return base;
}

export const percent = (confidence: number): number => Math.round(confidence * 100);

/** Printed urgency ("KHẨN", "Thượng khẩn", "HỎA TỐC") → its code. */
export function urgencyCode(printed: string | null): Urgency | '' {
  if (!printed) return '';
  const f = printed
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
  if (f.includes('hoa toc')) return 'hoa_toc';
  if (f.includes('thuong khan')) return 'thuong_khan';
  if (f.includes('khan')) return 'khan';
  return (URGENCIES as readonly string[]).includes(printed) ? (printed as Urgency) : '';
}

/** What an input shows first for a field (dates in dd/mm/yyyy, urgency as its code). */
export function initialInput(f: FieldProposal): string {
  if (f.value === null) return '';
  if (f.field === 'date') return vnDate(f.value);
  if (f.field === 'urgency') return urgencyCode(f.value);
  return f.value;
}

/** Corrected matches by key: a target picked by the officer, or null when the officer removed a wrong match. */
export type Overrides = Record<string, MatchTarget | null>;

export const matchKey = (list: 'recipients' | 'cc' | 'addressees', i: number) => `${list}[${i}]`;

export function targetOf(m: MatchProposal, key: string, overrides: Overrides): MatchTarget | null {
  return key in overrides ? (overrides[key] ?? null) : m.target;
}

/**
 * The task's assignees after corrections: its section's addressees (a report without section: the
 * recipients), less the old units whose successors are offered instead, plus the suggested units the
 * officer assigned.
 */
export function correctedAssignees(
  task: TaskProposal,
  p: Proposal,
  overrides: Overrides,
  added: readonly UnitRef[] = [],
): { unitIds: string[]; groupIds: string[]; names: string[]; changed: boolean } {
  const entries: { key: string; m: MatchProposal | AddresseeProposal }[] =
    task.section === null
      ? p.recipients.map((m, i) => ({ key: matchKey('recipients', i), m }))
      : p.addressees.flatMap((m, i) => (m.section === task.section ? [{ key: matchKey('addressees', i), m }] : []));
  const changed = added.length > 0 || entries.some((e) => e.key in overrides);
  if (!changed) return { ...task.assignees, names: task.assigneeNames, changed: false };
  const targets = [
    ...entries.filter((e) => e.key in overrides || !e.m.successors?.length).map((e) => targetOf(e.m, e.key, overrides)),
    ...added.map((u): MatchTarget => ({ type: 'unit', id: u.id, name: u.name })),
  ].filter((x): x is MatchTarget => x !== null);
  const uniq = (type: 'unit' | 'group') => [...new Map(targets.filter((x) => x.type === type).map((x) => [x.id, x])).values()];
  const units = uniq('unit');
  const groups = uniq('group');
  return { unitIds: units.map((u) => u.id), groupIds: groups.map((g) => g.id), names: [...units, ...groups].map((x) => x.name), changed: true };
}

export interface TaskEdit {
  include: boolean;
  title: string;
  /** Suggested units (today's successors of old units) the officer assigned to the task. */
  added: UnitRef[];
}

export const initialTaskEdit = (t: TaskProposal): TaskEdit => ({ include: true, title: t.title, added: [] });

/** The edit with a suggested unit assigned (on) or taken back (off); assigning twice keeps one. */
export function withSuggested(edit: TaskEdit, unit: UnitRef, on: boolean): TaskEdit {
  const rest = edit.added.filter((u) => u.id !== unit.id);
  return { ...edit, added: on ? [...rest, { id: unit.id, name: unit.name }] : rest };
}

export type BuildResult = { ok: true; input: ConfirmInput } | { ok: false; errors: string[] };

const TEXT_REQUIRED = new Set(['issuer', 'symbol', 'subject']);

/**
 * The confirm body: only what the officer changed (the server keeps the rest as read and proposed).
 * `values` holds the inputs by field name, `initial` what they showed first.
 */
export function buildCorrections(args: {
  proposal: Proposal;
  values: Record<string, string>;
  initial: Record<string, string>;
  /** undefined: keep the proposed issuer; null: outside the directory. */
  issuerUnit: { id: string } | null | undefined;
  overrides: Overrides;
  tasks: TaskEdit[];
  s: ImportStrings;
}): BuildResult {
  const { proposal, values, initial, issuerUnit, overrides, tasks, s } = args;
  const input: ConfirmInput = {};
  const errors: string[] = [];
  const changed = (k: string) => (values[k] ?? '').trim() !== (initial[k] ?? '').trim();
  const val = (k: string) => (values[k] ?? '').trim();
  const signer: NonNullable<ConfirmInput['signer']> = {};

  for (const f of proposal.fields) {
    const k = f.field;
    if (!changed(k)) continue;
    const v = val(k);
    const label = s.fields[k] ?? k;
    switch (k) {
      case 'issuer':
      case 'symbol':
      case 'subject':
        if (v === '' && TEXT_REQUIRED.has(k)) errors.push(s.emptyRequired(label));
        else input[k] = v;
        break;
      case 'issuerParent':
      case 'place':
        input[k] = v === '' ? null : v;
        break;
      case 'docType':
        if (v !== '') input.docType = v;
        break;
      case 'number':
        if (v === '') input.number = null;
        else if (/^\d{1,6}$/.test(v) && Number(v) >= 1) input.number = Number(v);
        else errors.push(s.badNumber);
        break;
      case 'date': {
        const d = parseVnDate(v);
        if (d === undefined) errors.push(s.badDate);
        else input.date = d;
        break;
      }
      case 'urgency':
        input.urgency = v === '' ? null : (v as Urgency);
        break;
      case 'signerPosition':
        signer.position = v === '' ? null : v;
        break;
      case 'signerName':
        signer.name = v === '' ? null : v;
        break;
      default:
        break;
    }
  }
  if (Object.keys(signer).length) input.signer = signer;
  if (issuerUnit !== undefined) input.issuerUnitId = issuerUnit === null ? null : issuerUnit.id;

  // Tasks: sent only when something about them changed.
  const corrected: TaskInput[] = [];
  let tasksChanged = false;
  proposal.tasks.forEach((t, i) => {
    const edit = tasks[i] ?? initialTaskEdit(t);
    const a = correctedAssignees(t, proposal, overrides, edit.added);
    const title = edit.title.trim();
    if (!edit.include || a.changed || title !== t.title) tasksChanged = true;
    if (!edit.include) return;
    if (title === '') errors.push(s.emptyRequired(s.taskTitle));
    corrected.push({
      section: t.section,
      title,
      description: t.description,
      assignees: { unitIds: a.unitIds, groupIds: a.groupIds },
      dueRule: t.dueRule,
      reportForm: t.reportForm,
    });
  });
  if (tasksChanged) input.tasks = corrected;
  return errors.length ? { ok: false, errors } : { ok: true, input };
}
