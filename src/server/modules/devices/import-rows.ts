/**
 * From the rows of a device file (platform/sheet.ts) to the devices an import would add: finds the header
 * (Loại / Tên / Hãng / Model / Số sê-ri / Số SIM / Thôn / Vĩ độ / Kinh độ / Ngày lắp đặt / Trạng thái),
 * checks every cell, and reports bad rows by their line number, in Vietnamese. Pure: the service checks
 * the serials against the registry and writes all or nothing.
 */
import { normalisePhone } from '../../../shared/sms/phone.ts';
import { DEVICE_KIND_LABELS, DEVICE_LIMITS, type DeviceKind, type DeviceStatus } from '../../../shared/contracts/devices.ts';
import type { RowMessage } from '../../../shared/contracts/sheet-import.ts';
import { foldDiacritics } from '../../platform/text.ts';
import type { SheetRow } from '../../platform/sheet.ts';

export interface ParsedDevice {
  line: number;
  kind: DeviceKind;
  name: string;
  vendor: string | null;
  model: string | null;
  serial: string | null;
  simNumber: string | null;
  village: string | null;
  lat: number | null;
  lon: number | null;
  installedOn: string | null;
  status: DeviceStatus;
}

export interface ParsedDeviceFile {
  rows: number;
  devices: ParsedDevice[];
  errors: RowMessage[];
}

type Column = 'kind' | 'name' | 'vendor' | 'model' | 'serial' | 'sim' | 'village' | 'lat' | 'lon' | 'installed' | 'status';

const fold = (s: string) =>
  foldDiacritics(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const HEADERS: [Column, RegExp][] = [
  ['kind', /^(loai|loai thiet bi|kind|type)$/],
  ['name', /^(ten|ten thiet bi|name)$/],
  ['vendor', /^(hang|hang san xuat|nha san xuat|nha cung cap|vendor)$/],
  ['model', /^(model|mau|kieu)$/],
  ['serial', /^(so se ri|so seri|seri|serial|so serial|ma thiet bi)$/],
  ['sim', /^(so sim|sim|so dien thoai sim|sim number)$/],
  ['village', /^(thon|xom|ban|ap|to dan pho|thon xom|thon ban|village|vi tri)$/],
  ['lat', /^(vi do|lat|latitude)$/],
  ['lon', /^(kinh do|lon|lng|longitude)$/],
  ['installed', /^(ngay lap dat|ngay lap|lap dat|installed on|installed)$/],
  ['status', /^(trang thai|tinh trang|status)$/],
];

export function deviceHeaderColumn(cell: string): Column | null {
  const h = fold(cell);
  return HEADERS.find(([, re]) => re.test(h))?.[0] ?? null;
}

export function parseKind(cell: string): DeviceKind | null {
  const k = fold(cell);
  if (/^(cum loa|loa|loa truyen thanh|cum loa truyen thanh|thiet bi thu|loudspeaker cluster|loudspeaker)$/.test(k) || k === 'loudspeaker_cluster') return 'loudspeaker_cluster';
  if (/^(bang tin|bang tin dien tu|bang led|led|man hinh led|bang dien tu|led board)$/.test(k) || k === 'led board') return 'led_board';
  return null;
}

export function parseStatus(cell: string): DeviceStatus | null {
  const s = fold(cell);
  if (!s || /^(dang hoat dong|hoat dong|active|tot)$/.test(s)) return 'active';
  if (/^(dang bao tri|bao tri|sua chua|maintenance)$/.test(s)) return 'maintenance';
  if (/^(ngung su dung|ngung|thanh ly|retired)$/.test(s)) return 'retired';
  return null;
}

/** "15/03/2026", "2026-03-15" or a date cell's text → "2026-03-15"; null when it is none of these. */
export function parseDay(cell: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(cell);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  else {
    const t = Date.parse(cell); // exceljs gives a Date cell's text as Date#toString
    if (Number.isNaN(t) || !/\d{4}/.test(cell)) return null;
    const date = new Date(t);
    [y, m, d] = [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A coordinate with a dot or a Vietnamese decimal comma ("22,4123"). */
function parseCoordinate(cell: string): number | null {
  const n = Number(cell.replace(',', '.'));
  return cell !== '' && Number.isFinite(n) ? n : null;
}

// eslint-disable-next-line no-control-regex
const BLANKS = /[\s\u0000-\u001f\u007f-\u009f]+/g;
const HEADER_SEARCH_ROWS = 20;
const MAX_TEXT = { name: 200, vendor: 100, model: 100, serial: 100, village: 200 } as const;

export function parseDeviceRows(sheet: readonly SheetRow[]): ParsedDeviceFile {
  const result: ParsedDeviceFile = { rows: 0, devices: [], errors: [] };
  const headerAt = sheet.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some((c) => deviceHeaderColumn(c) === 'kind'));
  if (headerAt < 0) {
    result.errors.push({
      line: sheet[0]?.line ?? 1,
      message: `Không tìm thấy dòng tiêu đề có cột «Loại» trong ${HEADER_SEARCH_ROWS} dòng đầu (các cột: Loại, Tên, Hãng, Model, Số sê-ri, Số SIM, Thôn, Vĩ độ, Kinh độ, Ngày lắp đặt, Trạng thái).`,
    });
    return result;
  }
  const header = sheet[headerAt]!;
  const col: Partial<Record<Column, number>> = {};
  header.cells.forEach((c, i) => {
    const kind = deviceHeaderColumn(c);
    if (kind && col[kind] === undefined) col[kind] = i;
  });
  const data = sheet.slice(headerAt + 1);
  if (data.length > DEVICE_LIMITS.rows) {
    result.errors.push({ line: data[DEVICE_LIMITS.rows]!.line, message: `Tệp có ${data.length} dòng; mỗi lần nhập tối đa ${DEVICE_LIMITS.rows} thiết bị.` });
    return result;
  }
  const cellOf = (r: SheetRow, c: Column) => (col[c] === undefined ? '' : (r.cells[col[c]] ?? '').normalize('NFC').replace(BLANKS, ' ').trim());
  const serialLines = new Map<string, number>();
  for (const r of data) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    result.rows++;
    const problems: string[] = [];
    const kindCell = cellOf(r, 'kind');
    const kind = parseKind(kindCell);
    if (!kindCell) problems.push('thiếu loại thiết bị («Cụm loa» hoặc «Bảng tin điện tử»)');
    else if (!kind) problems.push(`loại «${kindCell.slice(0, 40)}» không rõ (ghi «Cụm loa» hoặc «Bảng tin điện tử»)`);
    const text = (c: keyof typeof MAX_TEXT, label: string) => {
      const v = cellOf(r, c);
      if (v.length > MAX_TEXT[c]) problems.push(`${label} dài quá ${MAX_TEXT[c]} ký tự`);
      return v || null;
    };
    const vendor = text('vendor', 'hãng');
    const model = text('model', 'model');
    const serial = text('serial', 'số sê-ri');
    const village = text('village', 'tên thôn');
    const name = text('name', 'tên');
    const simCell = cellOf(r, 'sim');
    const simNumber = simCell ? normalisePhone(simCell) : null;
    if (simCell && !simNumber) problems.push(`số SIM «${simCell.slice(0, 20)}» không phải số di động Việt Nam`);
    const latCell = cellOf(r, 'lat');
    const lonCell = cellOf(r, 'lon');
    const lat = parseCoordinate(latCell);
    const lon = parseCoordinate(lonCell);
    if (latCell && (lat === null || lat < -90 || lat > 90)) problems.push(`vĩ độ «${latCell.slice(0, 20)}» phải là số từ -90 đến 90`);
    if (lonCell && (lon === null || lon < -180 || lon > 180)) problems.push(`kinh độ «${lonCell.slice(0, 20)}» phải là số từ -180 đến 180`);
    if ((latCell === '') !== (lonCell === '')) problems.push('cần cả vĩ độ và kinh độ, hoặc bỏ trống cả hai');
    const dayCell = cellOf(r, 'installed');
    const installedOn = dayCell ? parseDay(dayCell) : null;
    if (dayCell && !installedOn) problems.push(`ngày lắp đặt «${dayCell.slice(0, 30)}» phải có dạng ngày/tháng/năm (15/03/2026)`);
    const statusCell = cellOf(r, 'status');
    const status = parseStatus(statusCell);
    if (!status) problems.push(`trạng thái «${statusCell.slice(0, 30)}» không rõ (Đang hoạt động, Đang bảo trì, Ngừng sử dụng)`);
    if (serial) {
      const key = `${vendor ?? ''}\u0000${serial}`;
      const earlier = serialLines.get(key);
      if (earlier !== undefined) problems.push(`số sê-ri ${serial} trùng với dòng ${earlier}`);
      else serialLines.set(key, r.line);
    }
    if (problems.length > 0 || !kind || !status) {
      result.errors.push({ line: r.line, message: `Dòng ${r.line}: ${problems.join('; ')}.` });
      continue;
    }
    result.devices.push({
      line: r.line,
      kind,
      name: name ?? `${DEVICE_KIND_LABELS[kind]} ${village ?? serial ?? `dòng ${r.line}`}`,
      vendor,
      model,
      serial,
      simNumber,
      village,
      lat: latCell ? lat : null,
      lon: lonCell ? lon : null,
      installedOn,
      status,
    });
  }
  if (result.rows === 0 && result.errors.length === 0) result.errors.push({ line: header.line, message: `Dòng ${header.line}: không có dòng dữ liệu nào dưới dòng tiêu đề.` });
  return result;
}
