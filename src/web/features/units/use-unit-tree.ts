// State for the lazily loaded unit tree (level by level, per as-of date).
import { useCallback, useEffect, useRef, useState } from 'react';
import { getRootUnits, getUnitChildren, type Unit } from './units-api.ts';

export type LoadState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'loaded'; ids: string[] };

export interface TreeState {
  roots: LoadState;
  units: ReadonlyMap<string, Unit>;
  children: ReadonlyMap<string, LoadState>;
  expanded: ReadonlySet<string>;
}

export interface TreeRow {
  kind: 'unit';
  unit: Unit;
  level: number;
  posinset: number;
  setsize: number;
  parentId: string | null;
}

export interface TreeStatusRow {
  kind: 'status';
  parentId: string;
  level: number;
  state: LoadState;
}

/** Flatten the visible part of the tree into rows (depth-first). */
export function visibleRows(s: TreeState): (TreeRow | TreeStatusRow)[] {
  const out: (TreeRow | TreeStatusRow)[] = [];
  const walk = (ids: string[], level: number, parentId: string | null) => {
    ids.forEach((id, i) => {
      const unit = s.units.get(id);
      if (!unit) return;
      out.push({ kind: 'unit', unit, level, posinset: i + 1, setsize: ids.length, parentId });
      if (!s.expanded.has(id)) return;
      const ch = s.children.get(id);
      if (!ch || ch.status !== 'loaded') {
        out.push({ kind: 'status', parentId: id, level: level + 1, state: ch ?? { status: 'loading' } });
      } else if (ch.ids.length === 0) {
        out.push({ kind: 'status', parentId: id, level: level + 1, state: ch });
      } else {
        walk(ch.ids, level + 1, id);
      }
    });
  };
  if (s.roots.status === 'loaded') walk(s.roots.ids, 1, null);
  return out;
}

export function useUnitTree(at: string) {
  const [state, setState] = useState<TreeState>({
    roots: { status: 'loading' },
    units: new Map(),
    children: new Map(),
    expanded: new Set(),
  });
  // Generation counter: responses for an old "at" date are dropped.
  const gen = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const mergeUnits = (units: ReadonlyMap<string, Unit>, items: Unit[]) => {
    const m = new Map(units);
    for (const u of items) m.set(u.id, u);
    return m;
  };

  const loadRoots = useCallback(() => {
    const g = ++gen.current;
    // Keep the expanded set: after a date change the same branches re-open
    // (children are re-fetched for the new date by the effect below).
    setState((s) => ({ roots: { status: 'loading' }, units: new Map(), children: new Map(), expanded: s.expanded }));
    getRootUnits(at).then(
      (items) => {
        if (g !== gen.current) return;
        setState((s) => ({ ...s, roots: { status: 'loaded', ids: items.map((u) => u.id) }, units: mergeUnits(s.units, items) }));
      },
      (error: unknown) => {
        if (g !== gen.current) return;
        setState((s) => ({ ...s, roots: { status: 'error', error } }));
      },
    );
  }, [at]);

  useEffect(() => loadRoots(), [loadRoots]);

  const loadChildren = useCallback(
    (id: string): Promise<void> => {
      const g = gen.current;
      setState((s) => ({ ...s, children: new Map(s.children).set(id, { status: 'loading' }) }));
      return getUnitChildren(id, at).then(
        (items) => {
          if (g !== gen.current) return;
          setState((s) => {
            const units = mergeUnits(s.units, items);
            // Keep the parent's childCount in sync with what we actually got.
            const parent = units.get(id);
            if (parent && parent.childCount !== items.length) units.set(id, { ...parent, childCount: items.length });
            return {
              ...s,
              units,
              children: new Map(s.children).set(id, { status: 'loaded', ids: items.map((u) => u.id) }),
            };
          });
        },
        (error: unknown) => {
          if (g !== gen.current) return;
          setState((s) => ({ ...s, children: new Map(s.children).set(id, { status: 'error', error }) }));
        },
      );
    },
    [at],
  );

  // Fetch children of every visible expanded node that has none yet.
  useEffect(() => {
    for (const row of visibleRows(state)) {
      if (row.kind === 'status' && row.state.status === 'loading' && !state.children.has(row.parentId)) {
        void loadChildren(row.parentId);
      }
    }
  }, [state, loadChildren]);

  const expand = useCallback((id: string) => {
    setState((p) => {
      const failed = p.children.get(id)?.status === 'error';
      if (p.expanded.has(id) && !failed) return p;
      const children = new Map(p.children);
      if (failed) children.delete(id); // retry
      return { ...p, children, expanded: new Set(p.expanded).add(id) };
    });
  }, []);

  const collapse = useCallback((id: string) => {
    setState((p) => {
      if (!p.expanded.has(id)) return p;
      const e = new Set(p.expanded);
      e.delete(id);
      return { ...p, expanded: e };
    });
  }, []);

  const toggle = useCallback((id: string) => (stateRef.current.expanded.has(id) ? collapse(id) : expand(id)), [collapse, expand]);

  /** Expand all given ancestors (e.g. the path of a search hit). */
  const reveal = useCallback(
    (ancestorIds: string[]) => {
      const s = stateRef.current;
      // Skip ancestors above the user's visible roots.
      const start = ancestorIds.findIndex((id) => s.units.has(id));
      const ids = start >= 0 ? ancestorIds.slice(start) : s.roots.status === 'loaded' ? [] : ancestorIds;
      for (const id of ids) expand(id);
    },
    [expand],
  );

  /** Re-fetch the children of one unit (after adding an organisation). */
  const refreshChildren = useCallback((id: string) => {
    setState((p) => {
      const children = new Map(p.children);
      children.delete(id);
      return { ...p, children, expanded: new Set(p.expanded).add(id) };
    });
  }, []);

  return { state, expand, collapse, toggle, reveal, refreshChildren, reloadRoots: loadRoots };
}

export type UnitTreeApi = ReturnType<typeof useUnitTree>;
