import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionLabel, auditEntityLabel } from '../../../shared/audit-labels.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CODE = /^[a-z_]+(\.[a-z_]+)+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'web' ? [] : sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|test-support|test-fixture/.test(e.name) ? [p] : [];
  });
}

/** Every literal written as an audit action (`action: 'x.y'`, `action: c ? 'a.b' : 'c.d'`, a literal map indexed on the line) or entity, and the codes handed to the units patch path. */
function codesInSources(): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    // The rest of the line: a conditional, or a literal map indexed by the step (`action: ({ submit: 'directive.submit', … })[action]`).
    for (const m of text.matchAll(/\baction:\s*([^\n]+)/g)) for (const q of (m[1] ?? '').matchAll(/'([^']+)'/g)) if (CODE.test(q[1] ?? '')) actions.add(q[1]!);
    for (const m of text.matchAll(/patchUnit\([^;]*?'([a-z_.]+)'/g)) if (CODE.test(m[1] ?? '')) actions.add(m[1]!);
    for (const m of text.matchAll(/\bentity:\s*'([a-z_]+)'/g)) entities.add(m[1]!);
  }
  return { actions, entities };
}

describe('audit labels (src/shared/audit-labels.ts)', () => {
  const { actions, entities } = codesInSources();

  it('finds the action codes of the code base', () => {
    expect(actions.size).toBeGreaterThan(40);
    expect(actions).toContain('directive.issue');
    expect(actions).toContain('report.update');
  });

  it('names every action code used in the code base, in Vietnamese and English', () => {
    const missing = [...actions].filter((a) => !Object.hasOwn(AUDIT_ACTIONS, a)).sort();
    expect(missing).toEqual([]);
  });

  it('names every kind of object the trail records', () => {
    const missing = [...entities].filter((e) => !Object.hasOwn(AUDIT_ENTITIES, e)).sort();
    expect(missing).toEqual([]);
  });

  it('lists no action that nothing records (no dead labels)', () => {
    expect(
      Object.keys(AUDIT_ACTIONS)
        .filter((a) => !actions.has(a))
        .sort(),
    ).toEqual([]);
  });

  it('reads as Vietnamese first, English on request; an unknown code stays as it is', () => {
    expect(auditActionLabel('user.create', 'vi')).toBe('Tạo tài khoản');
    expect(auditActionLabel('directive.issue', 'vi')).toBe('Ban hành văn bản');
    expect(auditActionLabel('directive.issue', 'en')).toBe('Issue document');
    expect(auditActionLabel('something.new', 'vi')).toBe('something.new');
    expect(auditEntityLabel('recipient_group', 'vi')).toBe('Nhóm nơi nhận');
    expect(auditEntityLabel('toString', 'vi')).toBe('toString');
  });
});
