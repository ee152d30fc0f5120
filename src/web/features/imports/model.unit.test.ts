import { describe, expect, it } from 'vitest';
import type { Proposal, TaskProposal } from './imports-api.ts';
import { buildCorrections, correctedAssignees, initialTaskEdit, withSuggested } from './model.ts';
import { importStrings } from './strings.ts';

const S = importStrings('vi');
const note = 'Đơn vị cũ (trước sắp xếp 2025) — đề xuất đơn vị hiện nay: Xã Bình Lư';
const binhLu = { id: 'u-binh-lu', name: 'Xã Bình Lư' };

// Seed 002 section 1 as the server proposes it in today's tree: the old town is matched and flagged,
// its successor offered, nobody assigned.
const task: TaskProposal = {
  section: '1',
  title: 'Tuyên truyền phòng, chống dịch',
  description: null,
  assignees: { unitIds: [], groupIds: [] },
  assigneeNames: [],
  dueRule: { kind: 'once', at: '2021-02-10T17:00:00+07:00' },
  dueRuleProposed: false,
  reportForm: null,
  flagged: true,
  suggestedAssignees: [{ ...binhLu, note }],
};
const proposal: Proposal = {
  issuer: null,
  fields: [],
  recipients: [],
  cc: [],
  addressees: [
    {
      section: '1',
      text: 'UBND thị trấn Tam Đường',
      target: { type: 'unit', id: 'u-tam-duong-2025', name: 'Thị trấn Tam Đường' },
      confidence: 0.95,
      flagged: true,
      source: { line: 12, text: 'UBND thị trấn Tam Đường …' },
      note,
      successors: [binhLu],
    },
    { section: '1', text: 'Phòng Y tế', target: { type: 'group', id: 'g-yte', name: 'Phòng Y tế' }, confidence: 0.9, flagged: false, source: null },
  ],
  tasks: [task],
  flagged: ['addressees[0]'],
};

describe('assigning a suggested successor to an imported task', () => {
  it('adds the unit once and takes it back', () => {
    const edit = initialTaskEdit(task);
    expect(edit).toEqual({ include: true, title: task.title, added: [] });
    const suggested = { ...binhLu, note };
    const on = withSuggested(withSuggested(edit, suggested, true), binhLu, true);
    expect(on.added).toEqual([binhLu]); // once, and without the note

    expect(edit.added).toEqual([]);
    expect(withSuggested(on, binhLu, false).added).toEqual([]);
  });

  it('makes the successor an assignee in place of the old unit', () => {
    expect(correctedAssignees(task, proposal, {}).changed).toBe(false);
    const a = correctedAssignees(task, proposal, {}, [binhLu]);
    expect(a).toEqual({ unitIds: [binhLu.id], groupIds: ['g-yte'], names: ['Xã Bình Lư', 'Phòng Y tế'], changed: true });
    // Another correction in the section does not turn the old unit into an assignee either.
    expect(correctedAssignees(task, proposal, { 'addressees[1]': null }).unitIds).toEqual([]);
  });

  it('sends the successor as a correction on confirm, and nothing when untouched', () => {
    const args = { proposal, values: {}, initial: {}, issuerUnit: undefined, overrides: {}, s: S };
    const untouched = buildCorrections({ ...args, tasks: [initialTaskEdit(task)] });
    expect(untouched).toEqual({ ok: true, input: {} });
    const built = buildCorrections({ ...args, tasks: [withSuggested(initialTaskEdit(task), binhLu, true)] });
    expect(built.ok && built.input.tasks?.map((t) => t.assignees)).toEqual([{ unitIds: [binhLu.id], groupIds: ['g-yte'] }]);
  });
});
