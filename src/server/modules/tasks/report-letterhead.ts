/**
 * Who an upward report (báo cáo) comes from and goes to, as Decree 30 prints it: the sending body
 * and the body above it, its symbol, the place, Kính gửi the body that asked for the report, and the
 * signer block of the sender's leader. Pure: the service passes the units and the leader it found.
 */
import { foldDiacritics } from '../../platform/text.ts';
import type { ReportLetterhead } from './rollup-export.ts';

export interface LetterheadUnit {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: string | null;
}

const AREA_KINDS: ReadonlySet<string> = new Set(['province', 'district', 'commune']);

/** Signer block by the kind of the sending unit: [authority, position]. */
const SIGNER: Record<string, [string | null, string]> = {
  province: ['TM. Ủy ban nhân dân', 'Chủ tịch'],
  district: ['TM. Ủy ban nhân dân', 'Chủ tịch'],
  commune: ['TM. Ủy ban nhân dân', 'Chủ tịch'],
  peoples_committee: ['TM. Ủy ban nhân dân', 'Chủ tịch'],
  department: [null, 'Giám đốc'],
  office: [null, 'Trưởng phòng'],
  health: [null, 'Giám đốc'],
  police: [null, 'Giám đốc'],
  radio_tv: [null, 'Giám đốc'],
  commune_radio: [null, 'Trưởng đài'],
  press: [null, 'Tổng biên tập'],
  telco: [null, 'Giám đốc'],
  post: [null, 'Giám đốc'],
  border_guard: [null, 'Chỉ huy trưởng'],
  army: [null, 'Chỉ huy trưởng'],
  school: [null, 'Hiệu trưởng'],
  business_association: [null, 'Chủ tịch'],
  party_body: [null, 'Bí thư'],
  mass_organisation: [null, 'Chủ tịch'],
  village: [null, 'Trưởng thôn'],
};

/** "Tỉnh Lai Châu" → "tỉnh Lai Châu", as written after a body's name. */
function lowerPrefix(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Thị trấn|Phường|Đặc khu)(?=\s)/u, (m) => m.toLowerCase());
}

/** "Lai Châu" of "Tỉnh Lai Châu" (the place line names the province or city). */
function placeName(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}

/** The body's name as printed: an administrative unit speaks as its People's Committee. */
function bodyName(u: LetterheadUnit): string {
  return AREA_KINDS.has(u.kind) ? `Ủy ban nhân dân ${lowerPrefix(u.name)}` : u.name;
}

/** "Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu": an organisation named with its area when the name does not hold it. */
function fullName(u: LetterheadUnit, area: LetterheadUnit | undefined): string {
  const name = bodyName(u);
  if (!area || AREA_KINDS.has(u.kind)) return name;
  const areaName = placeName(area.name);
  return foldDiacritics(name).includes(foldDiacritics(areaName)) ? name : `${name} ${lowerPrefix(area.name)}`;
}

/** "SVHTTDL" of "Sở Văn hóa, Thể thao và Du lịch", "UBND" of a People's Committee: initials, without "và". */
export function unitSymbol(u: LetterheadUnit): string {
  if (u.shortName && /^[\p{Lu}\d-]{2,20}$/u.test(u.shortName)) return u.shortName;
  if (AREA_KINDS.has(u.kind) || u.kind === 'peoples_committee') return 'UBND';
  const words = u.name
    .replace(/\s+(tỉnh|thành phố|huyện|thị xã|quận|xã|thị trấn|phường)\s.*$/u, '')
    .split(/[\s,;\-–()]+/u)
    .filter((w) => w && !['và', 'các', 'của'].includes(w.toLowerCase()));
  const initials = words.map((w) => (/^\d/.test(w) ? w : (w[0] ?? '').toLocaleUpperCase('vi-VN'))).join('');
  return (
    foldDiacritics(initials)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '') || 'DV'
  );
}

/** The nearest administrative unit at or above a unit (its area), from its ancestors root-first. */
function areaOf(chain: readonly LetterheadUnit[]): LetterheadUnit | undefined {
  return [...chain].reverse().find((u) => AREA_KINDS.has(u.kind));
}

/**
 * The letterhead of a report sent by `sender` (its ancestors root-first, itself last) about a task
 * issued by `asker` (likewise). When the sender asked for the figures itself, the report goes to
 * the People's Committee of the area above it.
 */
export function letterheadFor(o: {
  sender: readonly LetterheadUnit[];
  asker: readonly LetterheadUnit[];
  leaderName: string | null;
  date: string;
  periodName: string;
}): ReportLetterhead {
  const sender = o.sender.at(-1);
  const asker = o.asker.at(-1);
  if (!sender || !asker) throw new Error('letterheadFor needs the sender and the asker');
  const parent = o.sender.at(-2);
  const issuerParent = !AREA_KINDS.has(sender.kind) && parent && AREA_KINDS.has(parent.kind) ? bodyName(parent) : null;
  const province = o.sender.find((u) => u.kind === 'province');
  const above = areaOf(o.sender.slice(0, -1));
  const recipient = asker.id !== sender.id ? fullName(asker, areaOf(o.asker.slice(0, -1))) : above ? bodyName(above) : 'Cơ quan cấp trên';
  const [authority, position] = SIGNER[sender.kind] ?? [null, 'Giám đốc'];
  return {
    issuer: issuerParent ? bodyName(sender) : fullName(sender, above),
    issuerParent,
    symbol: unitSymbol(sender),
    place: province ? placeName(province.name) : null,
    date: o.date,
    recipient,
    periodName: o.periodName,
    signerAuthority: authority,
    signerPosition: position,
    signerName: o.leaderName,
  };
}
