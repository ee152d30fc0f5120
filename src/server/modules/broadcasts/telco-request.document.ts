// The công văn of a telco request (issue #12 point 7, seed 001's way): when the authority has no SMS account, the
// approved message becomes a Decree 30 công văn asking the telcos of the province to text it. Pure: the service
// passes the broadcast, its unit and the telco units; the directives module drafts, renders and issues it.
import { segment } from '../../../shared/sms/segments.ts';
import type { Priority } from '../../../shared/contracts/broadcasts.ts';
import { DEFAULT_SMS_SETTINGS } from '../../../shared/contracts/settings.ts';
import { AREA_KINDS, issuerName, issuerSymbol, placeName } from '../directives/index.ts';
import type { CreateDirectiveBody } from '../directives/index.ts';
import type { z } from 'zod';

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);

type DirectiveInput = z.input<typeof CreateDirectiveBody>;

export interface RequestUnit {
  id: string;
  name: string;
  kind: string;
  shortName?: string | null;
}

export interface RequestSource {
  title: string;
  priority: Priority;
  /** What the telcos send, exactly (the unaccented rendition when chosen). */
  text: string;
  scheduleAt: Date | string | null;
  /** A daily window ("07:00"–"21:00", local time) when the broadcast carries one. */
  windowStart?: string | null;
  windowEnd?: string | null;
  /** The SMS settings' quiet hours: ordinary messages go outside them (default 22:00–07:00). */
  quiet?: { quietStartHour: number; quietEndHour: number };
}

export const ENCODING_LINES = { gsm7: 'GSM-7 (không dấu)', ucs2: 'UCS-2 (có dấu)' } as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "08:30 ngày 15/8/2026" in Viet Nam time (UTC+7). */
export function vnDateTime(at: Date): string {
  const l = new Date(at.getTime() + 7 * 3_600_000);
  return `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())} ngày ${l.getUTCDate()}/${l.getUTCMonth() + 1}/${l.getUTCFullYear()}`;
}

/** When the telcos are asked to text it: the start (schedule or on receipt) and the daily window. */
export function timeWindowLine(b: RequestSource): string {
  const start = b.scheduleAt ? `từ ${vnDateTime(new Date(b.scheduleAt))}` : 'ngay khi nhận được công văn này';
  if (b.priority === 'khan_cap') return `Thời gian nhắn tin: ${start}, kể cả ngoài giờ (tin khẩn cấp).`;
  const quiet = b.quiet ?? DEFAULT_SMS_SETTINGS;
  const from = b.windowStart ?? `${pad(quiet.quietEndHour)}:00`;
  const to = b.windowEnd ?? `${pad(quiet.quietStartHour)}:00`;
  return `Thời gian nhắn tin: ${start}, trong khung giờ từ ${from} đến ${to} hằng ngày.`;
}

/** The directive input of the công văn (validated by the directives module's own schema before drafting). */
export function telcoRequestInput(o: {
  broadcastId: string;
  source: RequestSource;
  unit: RequestUnit;
  /** The unit's parent when the unit is an organisation under an area (the "cơ quan chủ quản" line). */
  parent: RequestUnit | null;
  province: RequestUnit | null;
  telcos: readonly RequestUnit[];
  /** Names of the audience units. */
  area: readonly string[];
}): DirectiveInput {
  const s = segment(o.source.text);
  const issuer = issuerName(o.unit);
  const areaText = o.area.length > 0 ? o.area.join('; ') : (o.province?.name ?? o.unit.name);
  const telcoLines = o.telcos.length > 0 ? o.telcos.map((t) => t.name) : ['Các doanh nghiệp viễn thông trên địa bàn tỉnh'];
  const p = (text: string, o2: { bold?: boolean; italic?: boolean } = {}) => ({ kind: 'paragraph' as const, runs: [{ text, ...o2 }] });
  return {
    issuerUnitId: o.unit.id,
    issuerParent: o.parent && !AREA_KINDS.has(o.unit.kind) && AREA_KINDS.has(o.parent.kind) ? issuerName(o.parent) : null,
    issuer,
    docType: 'CV',
    symbol: issuerSymbol(o.unit),
    place: placeName(o.province),
    subject: `Đề nghị nhắn tin ${lowerFirst(o.source.title)}`.slice(0, 500),
    urgency: o.source.priority === 'khan_cap' ? 'khan' : null,
    addressees: telcoLines,
    recipients: { units: o.telcos.map((t) => t.id), groups: [] },
    body: {
      opening: [
        p(
          `Nhằm kịp thời thông tin đến người dân, ${issuer} đề nghị các doanh nghiệp viễn thông trên địa bàn phối hợp nhắn tin đến các thuê bao di động tại khu vực dưới đây với nội dung và yêu cầu như sau:`,
        ),
      ],
      sections: [
        { number: '1', heading: [{ text: 'Nội dung tin nhắn' }], addressees: [], blocks: [p(`“${o.source.text}”`, { italic: true })] },
        {
          number: '2',
          heading: [{ text: 'Yêu cầu kỹ thuật' }],
          addressees: [],
          blocks: [
            {
              kind: 'bullets',
              items: [
                [{ text: `Mã hóa: ${ENCODING_LINES[s.encoding]}.` }],
                [{ text: `Số phần tin: ${s.parts}/tin (${s.characters} ký tự).` }],
                [{ text: 'Giữ nguyên nội dung, không thêm bớt.' }],
              ],
            },
          ],
        },
        {
          number: '3',
          heading: [{ text: 'Khu vực và thời gian' }],
          addressees: [],
          blocks: [{ kind: 'bullets', items: [[{ text: `Khu vực nhắn tin: các thuê bao di động trên địa bàn ${areaText}.` }], [{ text: timeWindowLine(o.source) }]] }],
        },
      ],
      closing: [
        p(`Đề nghị các doanh nghiệp sau khi nhắn tin báo lại kết quả (số thuê bao đã nhắn) cho ${issuer} để tổng hợp (thông điệp ${o.broadcastId} trên hệ thống Loa).`),
        p(`Trân trọng./.`),
      ],
    },
    cc: [{ name: 'Như trên', purpose: null }],
    archive: ['VT'],
  };
}
