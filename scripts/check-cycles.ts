// Lint step (npm run lint): no import cycle in src/, counting `import type` too. ESLint's import-x/no-cycle
// catches run-time cycles at the import line; it does not follow type-only imports, and a cycle of types between
// modules (directives ↔ imports ↔ tasks before the shared types moved to src/shared) is still a cycle of modules.
// Every import, export … from, import type, import() and require of a relative path counts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue; // dot folders: scratch fixtures
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return null;
  const base = resolve(dirname(fromFile), spec);
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The relative imports of every source file under `dirs` (absolute paths), as a graph. */
export function importGraph(dirs: string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of dirs.flatMap((d) => walk(d))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const target = resolveImport(file, fileName);
      if (target) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself), by Tarjan's algorithm. */
function cyclicComponents(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** One shortest cycle through the first file of a component: [a, b, …, a]. */
function cycleThrough(start: string, component: Set<string>, graph: Map<string, Set<string>>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const between: string[] = [];
        for (let x = v; x !== start; x = previous.get(x)!) between.unshift(x);
        return [start, ...between, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

export interface Cycle {
  /** Every file of the strongly connected component, relative to root. */
  files: string[];
  /** One cycle through it, relative to root: [a, b, …, a]. */
  example: string[];
}

/** The import cycles among the source files under `dirs` (relative to `root`). */
export function findCycles(root: string, dirs: string[]): Cycle[] {
  const graph = importGraph(dirs.map((d) => resolve(root, d)));
  const rel = (f: string) => relative(root, f).split(sep).join('/');
  return cyclicComponents(graph).map((component) => ({
    files: component.map(rel),
    example: cycleThrough(component[0]!, new Set(component), graph).map(rel),
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..');
  const cycles = findCycles(root, process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src']);
  for (const c of cycles) {
    console.error(`Import cycle (${c.files.length} files): ${c.example.join(' → ')}`);
    if (c.files.length > c.example.length - 1) console.error(`  all files of it: ${c.files.join(', ')}`);
  }
  if (cycles.length > 0) {
    console.error(`\n${cycles.length} import cycle(s) in src/ (import type counts): move the shared types or code to a module both can import (src/shared/, a module's index.ts).`);
    process.exit(1);
  }
  console.log('No import cycles in src/ (import type included).');
}
