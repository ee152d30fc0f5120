import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { formatVnDate } from '../../platform/text.ts';

/** The GSO unit lists Loa ships (assets/vn-units), with the dates each is in force. */
export const EDITIONS = {
  'vn-2025': {
    file: 'units-2025-03-01-three-level.json',
    label: 'Danh mục 3 cấp (01/03/2025)',
    validFrom: null,
    validTo: '2025-06-30',
  },
  'vn-2026': {
    file: 'units-2026-04-30-two-level.json',
    label: 'Danh mục 2 cấp (30/04/2026)',
    validFrom: '2025-07-01',
    validTo: null,
  },
} as const;
export type EditionId = keyof typeof EDITIONS;
export const EDITION_IDS = Object.keys(EDITIONS) as EditionId[];

/** A unit is in force at a date when its validity includes it (open ends count). */
export function inForceAt(u: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date);
}

/**
 * The list a unit out of force at a date belongs to, as pickers and dialogs name it: "Danh mục 2025
 * (trước sắp xếp)" for the tree before the 2025 reform; null for a unit in force.
 */
export function editionLabel(u: { validFrom: string | null; validTo: string | null }, date: string): string | null {
  if (u.validTo !== null && u.validTo < date) return `Danh mục ${u.validTo.slice(0, 4)} (trước sắp xếp)`;
  if (u.validFrom !== null && u.validFrom > date) return `Danh mục từ ${formatVnDate(new Date(`${u.validFrom}T12:00:00+07:00`))}`;
  return null;
}

export const NATION_ID = '00000000-0000-5000-8000-000000000000';

/** A GSO unit flattened for import, parents before children. */
export interface EditionUnit {
  id: string;
  parentId: string;
  path: string;
  depth: number;
  code: string;
  name: string;
  kind: 'province' | 'district' | 'commune';
}

/** Deterministic id from (edition, code): re-imports and every database agree on ids and paths. */
export function unitIdFor(edition: string, code: string): string {
  const h = createHash('sha1').update(`loa-unit:${edition}:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

interface RawWard {
  Code: string;
  FullName: string;
}
interface RawDistrict {
  Code: string;
  FullName: string;
  Ward: RawWard[] | null;
}
interface RawProvince {
  Code: string;
  FullName: string;
  District?: RawDistrict[];
  Wards?: RawWard[];
}

export const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/vn-units');

/** Reads an edition's JSON and flattens it into rows, provinces first. */
export function loadEdition(edition: EditionId, dir: string = ASSETS_DIR): EditionUnit[] {
  const raw = JSON.parse(readFileSync(path.join(dir, EDITIONS[edition].file), 'utf8')) as RawProvince[];
  const out: EditionUnit[] = [];
  const add = (code: string, name: string, kind: EditionUnit['kind'], parent: { id: string; path: string; depth: number }) => {
    const id = unitIdFor(edition, code);
    const unit: EditionUnit = { id, parentId: parent.id, path: `${parent.path}.${id}`, depth: parent.depth + 1, code, name: name.normalize('NFC').trim(), kind };
    out.push(unit);
    return unit;
  };
  const nation = { id: NATION_ID, path: NATION_ID, depth: 0 };
  for (const p of raw) {
    const province = add(p.Code, p.FullName, 'province', nation);
    for (const d of p.District ?? []) {
      const district = add(d.Code, d.FullName, 'district', province);
      for (const w of d.Ward ?? []) add(w.Code, w.FullName, 'commune', district);
    }
    for (const w of p.Wards ?? []) add(w.Code, w.FullName, 'commune', province);
  }
  return out;
}
