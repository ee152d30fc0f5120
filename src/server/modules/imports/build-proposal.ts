/**
 * The proposal an officer confirms: what the sandboxed reading matched, today's successors of old
 * units, and the tasks (one per section, assigned to its confident matches, with the report form
 * the dispatch asks for).
 */
import type { ParsedDispatch, Schedule } from '../../../shared/dispatch.ts';
import { dueRuleFromSchedule, formFromParsed } from '../tasks/index.ts';
import type { DueRule } from '../tasks/index.ts';
import { inForceAt } from '../units/index.ts';
import type { HistoryRef, UnitLookup } from '../units/index.ts';
import { LOW_CONFIDENCE, shortTitle } from './proposal.ts';
import type { ProposedMatch, ReadProposal } from './proposal.ts';
import type { Proposal, TaskProposal } from './imports.schemas.ts';

/** One week after the dispatch (or today) at 17:00 Viet Nam time: the deadline proposed when none is printed. */
function defaultDueRule(dateKey: string): DueRule {
  const d = new Date(`${dateKey}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return { kind: 'once', at: `${d.toISOString().slice(0, 10)}T17:00:00+07:00` };
}

const sameSchedule = (a: Schedule | null | undefined, b: Schedule | null | undefined) => Boolean(a && b && JSON.stringify(a) === JSON.stringify(b));

/** The date a dispatch speaks of: its printed date (a month-only date counts from the 1st) or today. */
export function dateOf(parsed: ParsedDispatch, today: string): string {
  if (parsed.date && /^\d{4}-\d{2}-\d{2}$/.test(parsed.date)) return parsed.date;
  if (parsed.date && /^\d{4}-\d{2}$/.test(parsed.date)) return `${parsed.date}-01`;
  return today;
}

/** The note on a match to a unit of a list no longer in force, naming today's units proposed instead. */
function outOfForceNote(successors: readonly { name: string }[]): string {
  return `Đơn vị cũ (trước sắp xếp 2025) — đề xuất đơn vị hiện nay: ${successors.map((u) => u.name).join(', ')}`;
}

/**
 * Matches to units of an edition not in force today (a 2021 dispatch read in the 2026 tree) that
 * have successors in the unit history: each keeps the old unit as its match, is flagged with a
 * note, and carries today's successors. A flagged match never becomes an assignee: its
 * successors are offered to the officer (see buildProposal).
 */
export async function withSuccessors(units: UnitLookup, read: ReadProposal, today: string): Promise<ReadProposal> {
  const ids = [...new Set([...read.recipients, ...read.cc, ...read.addressees].flatMap((m) => (m.target?.type === 'unit' ? [m.target.id] : [])))];
  const old = (await units.byIds(ids)).filter((u) => !inForceAt(u, today));
  if (old.length === 0) return read;
  const direct = await units.successorsOf(old.map((u) => u.id));
  const current = (refs: readonly HistoryRef[]) => refs.filter((r) => inForceAt(r, today)).map((r) => ({ id: r.id, name: r.name }));
  const byId = new Map(old.map((u) => [u.id, u]));
  const mark = <M extends ProposedMatch>(m: M): M => {
    const u = m.target?.type === 'unit' ? byId.get(m.target.id) : undefined;
    if (!u) return m;
    const successors = current(direct.get(u.id) ?? []);
    // A body the reform left without a successor (a district's centre) stays the match, as it is.
    return successors.length ? { ...m, flagged: true, note: outOfForceNote(successors), successors } : m;
  };
  return { ...read, recipients: read.recipients.map(mark), cc: read.cc.map(mark), addressees: read.addressees.map(mark) };
}

/**
 * Completes what the sandboxed reading proposed (fields, matches, sources) with the tasks: one
 * per section, assigned to its confident matches, and the report form the dispatch asks for.
 */
export function buildProposal(read: ReadProposal, parsed: ParsedDispatch, names: Map<string, string>, today: string): Proposal {
  const { issuer, fields, recipients, cc, addressees } = read;
  const low = LOW_CONFIDENCE;
  // Tasks: one per parsed task (section), assigned to the section's matched addressees.
  const report = parsed.reportForm;
  let reportAttached = false;
  const tasks: TaskProposal[] = parsed.tasks.map((t) => {
    // Only confident matches become assignees; a flagged one waits for the officer's correction.
    const sectionMatches = addressees.filter((a) => a.section === t.section);
    const targets = sectionMatches.filter((a) => a.target && !a.flagged);
    const unitIds = [...new Set(targets.filter((a) => a.target?.type === 'unit').map((a) => a.target?.id ?? ''))];
    const groupIds = [...new Set(targets.filter((a) => a.target?.type === 'group').map((a) => a.target?.id ?? ''))];
    // Today's successors of old units: offered for the officer to confirm, not assigned.
    const suggested = new Map<string, { id: string; name: string; note: string }>();
    for (const a of sectionMatches) for (const u of a.successors ?? []) if (!unitIds.includes(u.id)) suggested.set(u.id, { ...u, note: a.note ?? outOfForceNote([u]) });
    const schedule = t.deadline?.schedule ?? null;
    const rule = schedule ? dueRuleFromSchedule(schedule) : null;
    const withForm = Boolean(report && report.indicators.length && !reportAttached && sameSchedule(report.schedule, schedule));
    if (withForm) reportAttached = true;
    const section = parsed.sections.find((s) => s.number === t.section);
    // The first clause is the title; the whole paragraph (heading and items) the description.
    const paragraph = section ? [section.heading, ...section.items].filter(Boolean).join('\n') : '';
    return {
      section: t.section,
      title: shortTitle(t.title, t.assignees, section?.heading ? section.items[0] : undefined),
      description: paragraph.slice(0, 4000) || null,
      assignees: { unitIds, groupIds },
      assigneeNames: [...unitIds, ...groupIds].map((id) => names.get(id) ?? id),
      dueRule: rule ?? defaultDueRule(dateOf(parsed, today)),
      dueRuleProposed: !rule,
      reportForm: withForm && report ? formFromParsed('Kết quả thực hiện', report.indicators) : null,
      flagged: unitIds.length + groupIds.length === 0 || !rule || sectionMatches.some((a) => a.flagged),
      suggestedAssignees: [...suggested.values()],
    };
  });
  // A report requested outside any numbered section: its own task, to every matched recipient.
  if (report && report.indicators.length && !reportAttached) {
    const confident = recipients.filter((r) => !r.flagged);
    const unitIds = [...new Set(confident.filter((r) => r.target?.type === 'unit').map((r) => r.target?.id ?? ''))];
    const groupIds = [...new Set(confident.filter((r) => r.target?.type === 'group').map((r) => r.target?.id ?? ''))];
    const rule = report.schedule ? dueRuleFromSchedule(report.schedule) : null;
    tasks.push({
      section: null,
      title: shortTitle(`Báo cáo kết quả: ${parsed.subject ?? 'công văn'}`.replace(/:/, ' –'), []),
      description: report.deadlineText,
      assignees: { unitIds, groupIds },
      assigneeNames: [...unitIds, ...groupIds].map((id) => names.get(id) ?? id),
      dueRule: rule ?? defaultDueRule(dateOf(parsed, today)),
      dueRuleProposed: !rule,
      reportForm: formFromParsed('Kết quả thực hiện', report.indicators),
      flagged: true,
      suggestedAssignees: [],
    });
  }

  const flagged = [
    ...fields.filter((f) => f.flagged).map((f) => f.field),
    ...(issuer === null || issuer.confidence < low ? ['issuerUnit'] : []),
    ...recipients.flatMap((r, i) => (r.flagged ? [`recipients[${i}]`] : [])),
    ...cc.flatMap((r, i) => (r.flagged ? [`cc[${i}]`] : [])),
    ...addressees.flatMap((r, i) => (r.flagged ? [`addressees[${i}]`] : [])),
    ...tasks.flatMap((t, i) => (t.flagged ? [`tasks[${i}]`] : [])),
  ];
  return { issuer, fields, recipients, cc, addressees, tasks, flagged };
}
