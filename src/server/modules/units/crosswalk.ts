/**
 * The 2025 → 2026 crosswalk (assets/vn-units/units-2025-to-2026-merger.json): for every 2026
 * province and commune, the pre-reform units it was formed from, as printed on the official merger
 * map ("giữ nguyên" = unchanged; "(phần còn lại …)", "một phần diện tích …" = part of a unit that
 * was split). Pure: reads the shipped lists, no database.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { foldDiacritics, toneKey } from '../../platform/text.ts';
import { ASSETS_DIR, loadEdition, unitIdFor } from './editions.ts';
import type { EditionUnit } from './editions.ts';

export const CROSSWALK_FILE = 'units-2025-to-2026-merger.json';
export const CROSSWALK_SOURCE = 'vn-2025-to-2026';

interface RawCrosswalk {
  note: string;
  provinces: { code: string; name: string; before: string }[];
  communes: { code: string; name: string; provinceCode: string; before: string }[];
}

/** One predecessor → successor link between units of the two editions. */
export interface HistoryLink {
  predecessorId: string;
  successorId: string;
  /** Only part of the predecessor went into the successor (a split unit). */
  partial: boolean;
}

export interface CrosswalkReport {
  provinces: { total: number; matched: number };
  communes: {
    total: number;
    /** 2026 communes with at least one predecessor found. */
    matched: number;
    /** Listed in the crosswalk but not in the 2026 list we ship (the source note names them). */
    notInEdition: { code: string; name: string }[];
    /** 2026 communes for which no predecessor was found. */
    withoutPredecessor: { code: string; name: string }[];
  };
  /** Printed predecessor names that matched no 2025 unit (the commune still matched through others). */
  unmatchedNames: { successorCode: string; successorName: string; printed: string }[];
  /** Printed names several 2025 units share, settled by district hint, same code or neighbourhood. */
  ambiguousResolved: number;
  links: number;
  /** The note of the source, verbatim. */
  sourceNote: string;
}

const TYPE_RE = /^(thị trấn|phường|xã|đặc khu)\s+/iu;
const LEAD_RE =
  /^(?:và\s+|sắp xếp\s+|của\s+|một phần(?:\s+diện tích)?(?:\s+(?:tự nhiên|TN))?(?:\s*,?\s*(?:và\s+)?quy mô dân số)?(?:\s+của)?\s*|phần còn l[aạ]i(?:\s+của)?\s*|quy mô dân số(?:\s+của)?\s*|toàn b[ộố](?:\s+(?:diện tích|quy mô dân số))?(?:\s+của)?\s*|các\s+)/iu;
const TRAIL_RE = /\s*(?:sau khi (?:sắp xếp|sáp nhập).*|còn lại)$/iu;

/** "Xã Bản Bo" → {type: "xã", bare: "Bản Bo"}. */
export function splitType(name: string): { type: string | null; bare: string } {
  const m = TYPE_RE.exec(name.trim());
  return m?.[1] ? { type: m[1].toLowerCase(), bare: name.trim().slice(m[0].length).trim() } : { type: null, bare: name.trim() };
}

/** One printed predecessor: its name, its type if printed (or carried from "các phường …"), hints. */
export interface PrintedPredecessor {
  printed: string;
  type: string | null;
  bare: string;
  partial: boolean;
  /** "(huyện Càng Long)": the district the unit was in. */
  districtHint: string | null;
}

/**
 * Reads a "before" text into predecessor names. "Phường Quán Thánh, một phần diện tích TN, quy mô
 * dân số của các phường Cửa Nam, Điện Biên, Phường Ngọc Thụy (phần còn lại sau khi sáp nhập vào
 * phường Hồng Hà)" → Quán Thánh; Cửa Nam, Điện Biên (partial, type phường); Ngọc Thụy (partial).
 */
export function parseBefore(before: string): PrintedPredecessor[] | 'unchanged' {
  const text = before.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (/^giữ nguyên\.?$/iu.test(text)) return 'unchanged';
  // Parentheses may hold commas: take them out first, keep what they say per item.
  const notes: string[] = [];
  const flat = text.replace(/\(([^)]*)\)/g, (_m, inner: string) => `⟦${notes.push(inner) - 1}⟧`);
  const out: PrintedPredecessor[] = [];
  let carriedType: string | null = null;
  let carriedPartial = false;
  for (const rawPart of flat.split(/,|;|\s+và\s+/u)) {
    let part = rawPart.trim();
    if (!part) continue;
    let partial = false;
    let districtHint: string | null = null;
    part = part.replace(/⟦(\d+)⟧/gu, (_m, i: string) => {
      const note = notes[Number(i)] ?? '';
      const d = /^(?:thuộc\s+)?((?:quận|huyện|thị xã|thành phố)\s+.+)$/iu.exec(note.trim());
      if (d?.[1]) districtHint = splitDistrict(d[1]);
      else if (/phần còn lại|một phần/iu.test(note)) partial = true;
      return ' ';
    });
    part = part.replace(TRAIL_RE, '').trim();
    // Lead phrases ("một phần diện tích TN, quy mô dân số của các phường …") start a run of
    // partial units, possibly typed ("các phường"), that continues over the following names.
    let lead = false;
    for (let m = LEAD_RE.exec(part); m && m[0].length > 0; m = LEAD_RE.exec(part)) {
      if (/một phần|phần còn lại|quy mô/iu.test(m[0])) lead = true;
      part = part.slice(m[0].length).trim();
    }
    if (lead) {
      carriedPartial = true;
      carriedType = null;
    }
    if (/^(?:diện tích|tự nhiên|TN|quy mô dân số)$/iu.test(part) || part === '') continue;
    let { type, bare } = splitType(part);
    // "các phường Phường Cửa Nam": the type twice.
    while (TYPE_RE.test(bare)) ({ type, bare } = splitType(bare));
    if (type && lead) carriedType = type;
    else if (type && !lead) {
      carriedType = null;
      carriedPartial = false;
    }
    if (!bare) continue;
    out.push({ printed: part, type: type ?? carriedType, bare, partial: partial || carriedPartial, districtHint });
  }
  return out;
}

/** A commune's name without its type, even when the list prints it twice ("Phường Phường Đúc"). */
function bareName(name: string): string {
  let { bare } = splitType(name);
  while (TYPE_RE.test(bare)) bare = splitType(bare).bare;
  return bare;
}

/** Tone placement, case, hyphens, apostrophe shapes and "Nông trường"/"NT" ignored: "Văn Miếu - Quốc Tử Giám" = "Văn Miếu Quốc Tử Giám". */
function exactKey(bare: string): string {
  return toneKey(
    bare
      .replace(/\s*-\s*/g, ' ')
      .replace(/[’‘ʼ`]/g, "'")
      .replace(/'\s+/g, "'")
      .replace(/^nông trường\s+/iu, 'NT '),
  );
}

/** Also diacritics, spaces and the i/y spelling ignored ("Đakrông" = "Đa Krông", "Sỹ Bình" = "Sĩ Bình"): a fallback. */
function looseKey(bare: string): string {
  return foldDiacritics(exactKey(bare))
    .replace(/y\b/g, 'i')
    .replace(/[\s-]+/g, '');
}

function splitDistrict(s: string): string {
  return s.replace(/^(quận|huyện|thị xã|thành phố)\s+/iu, '').trim();
}

const PROVINCE_ALIASES: Record<string, string> = { tphcm: 'Hồ Chí Minh', 'tp hcm': 'Hồ Chí Minh', 'tp. hcm': 'Hồ Chí Minh' };

function provinceBare(name: string): string {
  return name
    .trim()
    .replace(/^(tỉnh|thành phố|thủ đô|tp\.?)\s+/iu, '')
    .trim();
}

/** Matches the crosswalk against the shipped 2025 and 2026 lists: the links and what did not match. */
export function buildCrosswalk(dir: string = ASSETS_DIR): { links: HistoryLink[]; report: CrosswalkReport } {
  const raw = JSON.parse(readFileSync(path.join(dir, CROSSWALK_FILE), 'utf8')) as RawCrosswalk;
  const old = loadEdition('vn-2025', dir);
  const current = new Set(loadEdition('vn-2026', dir).map((u) => u.id));
  const byId = new Map(old.map((u) => [u.id, u]));
  const provinceOf = (u: EditionUnit): EditionUnit | undefined => {
    let p: EditionUnit | undefined = u;
    while (p && p.kind !== 'province') p = byId.get(p.parentId);
    return p;
  };
  const districtOf = (u: EditionUnit): EditionUnit | undefined => {
    const p = byId.get(u.parentId);
    return p?.kind === 'district' ? p : undefined;
  };
  const oldProvinces = old.filter((u) => u.kind === 'province');
  const oldCommunes = old.filter((u) => u.kind === 'commune');
  const provinceByKey = new Map(oldProvinces.map((p) => [toneKey(provinceBare(p.name)), p]));
  const links = new Map<string, HistoryLink>();
  const link = (predecessorId: string, successorId: string, partial: boolean) => {
    const key = `${predecessorId}>${successorId}`;
    const prev = links.get(key);
    links.set(key, { predecessorId, successorId, partial: prev ? prev.partial && partial : partial });
  };

  // Provinces: "tỉnh Kiên Giang và tỉnh An Giang", "TPHCM, …", "giữ nguyên".
  const predecessorProvinces = new Map<string, EditionUnit[]>();
  let provincesMatched = 0;
  for (const p of raw.provinces) {
    const successorId = unitIdFor('vn-2026', p.code);
    const before = p.before.split(/\.\s/u)[0] ?? p.before;
    const names = /^giữ nguyên/iu.test(before.trim()) ? [p.name] : before.split(/,|\s+và\s+/u);
    const found = names
      .map((n) => provinceBare(n))
      .filter(Boolean)
      .map((n) => provinceByKey.get(toneKey(PROVINCE_ALIASES[n.toLowerCase()] ?? n)))
      .filter((u): u is EditionUnit => Boolean(u));
    predecessorProvinces.set(p.code, found);
    if (found.length && current.has(successorId)) provincesMatched++;
    for (const u of found) link(u.id, successorId, false);
  }

  // Communes, looked up by name (tone placement ignored) among the predecessor provinces' communes.
  const index = (keyOf: (s: string) => string) => {
    const m = new Map<string, EditionUnit[]>();
    for (const u of oldCommunes) {
      const k = keyOf(bareName(u.name));
      m.set(k, [...(m.get(k) ?? []), u]);
    }
    return m;
  };
  const oldCommuneByCode = new Map(oldCommunes.map((u) => [u.code, u]));
  const exact = index(exactKey);
  const folded = index(looseKey);
  const districtsByKey = new Map<string, EditionUnit[]>();
  for (const d of old.filter((u) => u.kind === 'district')) {
    const k = exactKey(splitDistrict(d.name));
    districtsByKey.set(k, [...(districtsByKey.get(k) ?? []), d]);
  }
  const report: CrosswalkReport = {
    provinces: { total: raw.provinces.length, matched: provincesMatched },
    communes: { total: raw.communes.length, matched: 0, notInEdition: [], withoutPredecessor: [] },
    unmatchedNames: [],
    ambiguousResolved: 0,
    links: 0,
    sourceNote: raw.note,
  };
  for (const c of raw.communes) {
    const successorId = unitIdFor('vn-2026', c.code);
    if (!current.has(successorId)) {
      report.communes.notInEdition.push({ code: c.code, name: c.name });
      continue;
    }
    const provinces = new Set((predecessorProvinces.get(c.provinceCode) ?? []).map((p) => p.id));
    const parsed = parseBefore(c.before);
    // Unchanged: the 2025 commune with the same GSO code, even when the spelling moved on ("Tà Si Láng" → "Tà Xi Láng").
    const sameCode = parsed === 'unchanged' ? oldCommuneByCode.get(c.code) : undefined;
    if (sameCode && provinces.has(provinceOf(sameCode)?.id ?? '')) {
      link(sameCode.id, successorId, false);
      report.communes.matched++;
      continue;
    }
    const items: PrintedPredecessor[] = parsed === 'unchanged' ? [{ printed: c.name, ...splitType(c.name), partial: false, districtHint: null }] : parsed;
    const candidatesOf = (it: PrintedPredecessor): EditionUnit[] => {
      // An island district without communes ("Huyện Cồn Cỏ") became a special zone (đặc khu).
      const district = /^(?:huyện|quận|thị xã)\s+(.+)$/iu.exec(it.printed);
      if (district?.[1] && !it.type) {
        const list = (districtsByKey.get(exactKey(district[1])) ?? []).filter((u) => provinces.has(u.parentId));
        if (list.length) return list;
      }
      for (const [map, key] of [
        [exact, exactKey(it.bare)],
        [folded, looseKey(it.bare)],
      ] as const) {
        const all = map.get(key) ?? [];
        let list = all.filter((u) => provinces.has(provinceOf(u)?.id ?? ''));
        if (list.length === 0) list = all.length === 1 ? all : []; // a border change into another province
        if (it.type && list.length > 1) {
          const typed = list.filter((u) => splitType(u.name).type === it.type);
          if (typed.length) list = typed;
        }
        if (it.districtHint && list.length > 1) {
          const hint = toneKey(it.districtHint);
          const inDistrict = list.filter((u) => toneKey(splitDistrict(districtOf(u)?.name ?? '')) === hint);
          if (inDistrict.length) list = inDistrict;
        }
        if (list.length) return list;
      }
      return [];
    };
    const resolved: { it: PrintedPredecessor; list: EditionUnit[] }[] = items.map((it) => ({ it, list: candidatesOf(it) }));
    // Several 2025 units share the name: the one with the successor's code, else the one in the
    // district most of this commune's unambiguous predecessors came from.
    const districtVotes = new Map<string, number>();
    for (const r of resolved) if (r.list.length === 1) for (const u of r.list) districtVotes.set(u.parentId, (districtVotes.get(u.parentId) ?? 0) + 1);
    let found = 0;
    for (const r of resolved) {
      if (r.list.length === 0) {
        report.unmatchedNames.push({ successorCode: c.code, successorName: c.name, printed: r.it.printed });
        continue;
      }
      let pick = r.list[0];
      if (r.list.length > 1) {
        report.ambiguousResolved++;
        pick = r.list.find((u) => u.code === c.code) ?? [...r.list].sort((a, b) => (districtVotes.get(b.parentId) ?? 0) - (districtVotes.get(a.parentId) ?? 0))[0];
      }
      if (!pick) continue;
      link(pick.id, successorId, r.it.partial);
      found++;
    }
    if (found > 0) report.communes.matched++;
    else report.communes.withoutPredecessor.push({ code: c.code, name: c.name });
  }
  report.links = links.size;
  return { links: [...links.values()], report };
}

/** The crosswalk import in words, for the command line: counts, then every name that did not match. */
export function formatCrosswalkReport(r: CrosswalkReport & { stored?: number }): string {
  const lines = [
    `Bảng sáp nhập 2025→2026: ${r.provinces.matched}/${r.provinces.total} tỉnh, ${r.communes.matched}/${r.communes.total - r.communes.notInEdition.length} xã, phường có đơn vị tiền thân; ${r.stored ?? r.links} liên kết.`,
  ];
  for (const c of r.communes.notInEdition) lines.push(`  không có trong danh mục 2026: ${c.code} ${c.name}`);
  for (const c of r.communes.withoutPredecessor) lines.push(`  chưa tìm được đơn vị tiền thân: ${c.code} ${c.name}`);
  if (r.unmatchedNames.length) lines.push(`  ${r.unmatchedNames.length} tên đơn vị cũ không khớp danh mục 2025:`);
  for (const u of r.unmatchedNames) lines.push(`    ${u.successorCode} ${u.successorName} ← ${u.printed}`);
  return `${lines.join('\n')}\n`;
}
