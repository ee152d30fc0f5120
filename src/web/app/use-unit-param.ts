// Resolve the "?unit=ID" query parameter (or the user's own unit) to {id, name}.
import { useEffect, useState } from 'react';
import { getUnit } from '../features/units/units-api.ts';
import { navigate, useRoute } from '../router.tsx';
import { useSession } from './session.tsx';

export interface UnitRef {
  id: string;
  name: string;
}

export function useUnitParam(basePath: string): [UnitRef, (u: UnitRef) => void] {
  const { me } = useSession();
  const route = useRoute();
  const paramId = route.query.get('unit');
  const id = paramId || me.unitId;
  const [names, setNames] = useState<Record<string, string>>({ [me.unitId]: me.unitName });

  useEffect(() => {
    if (names[id] !== undefined) return;
    let alive = true;
    getUnit(id).then(
      (d) => alive && setNames((n) => ({ ...n, [id]: d.unit.name })),
      () => alive && setNames((n) => ({ ...n, [id]: id })),
    );
    return () => {
      alive = false;
    };
  }, [id, names]);

  const set = (u: UnitRef) => {
    setNames((n) => ({ ...n, [u.id]: u.name }));
    navigate(`${basePath}?unit=${encodeURIComponent(u.id)}`);
  };
  return [{ id, name: names[id] ?? '…' }, set];
}
