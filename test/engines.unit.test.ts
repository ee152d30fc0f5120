import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** The oldest Node the project promises to run on (package.json engines), e.g. 20.19.0. */
const OLDEST = semver.minVersion(pkg.engines.node)?.version ?? '';

/** Every locked package that declares a Node range excluding the oldest supported Node (npm's EBADENGINE). */
function excluding(entries: [string, { version?: string; engines?: { node?: string } | string[] }][]): string[] {
  return entries
    .filter(([p, v]) => p !== '' && !Array.isArray(v.engines) && v.engines?.node && !semver.satisfies(OLDEST, v.engines.node))
    .map(([p, v]) => `${p}@${v.version ?? '?'} needs node ${(v.engines as { node: string }).node}`);
}

describe('Node engines', () => {
  it('promises Node 20.19', () => {
    expect(OLDEST).toBe('20.19.0');
  });

  it('no locked package excludes the oldest supported Node (npm install prints no EBADENGINE)', () => {
    expect(excluding(Object.entries(lock.packages))).toEqual([]);
  });

  it('the installed packages agree with the lock', () => {
    const installed = Object.keys(lock.packages)
      .filter((p) => p !== '' && existsSync(path.join(ROOT, p, 'package.json')))
      .map((p) => [p, JSON.parse(readFileSync(path.join(ROOT, p, 'package.json'), 'utf8'))] as [string, { version?: string; engines?: { node?: string } }]);
    expect(installed.length).toBeGreaterThan(100);
    expect(excluding(installed)).toEqual([]);
  });
});
