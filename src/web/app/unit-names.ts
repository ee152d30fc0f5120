// Tiny in-memory cache id -> unit name, for showing names of referenced units.
import { useEffect, useState } from 'react';
import { getUnit } from '../features/units/units-api.ts';

const names = new Map<string, string>();
const pending = new Map<string, Promise<string>>();

export function rememberUnitName(id: string, name: string): void {
  names.set(id, name);
}

function fetchName(id: string): Promise<string> {
  let p = pending.get(id);
  if (!p) {
    p = getUnit(id).then(
      (d) => {
        names.set(id, d.unit.name);
        return d.unit.name;
      },
      () => id,
    );
    pending.set(id, p);
  }
  return p;
}

export function useUnitName(id: string | null | undefined): string | null {
  const [name, setName] = useState<string | null>(id ? (names.get(id) ?? null) : null);
  useEffect(() => {
    if (!id) return setName(null);
    const known = names.get(id);
    if (known) return setName(known);
    let alive = true;
    setName(null);
    void fetchName(id).then((n) => alive && setName(n));
    return () => {
      alive = false;
    };
  }, [id]);
  return name;
}
