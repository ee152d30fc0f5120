// The công văn of the desk's actions (issue #15 points 3–4), in the Decree 30 layout the directives module drafts,
// renders and issues: a confirmation request to a competent body, the hand-off to the police (or the border guard)
// with the legal bases and the evidence list — the informant named only when a desk lead attached them — and the
// request to the press to carry the correction. Pure: the service passes what it read.
import type { z } from 'zod';
import { RUMOR_VERDICT_LABELS } from '../../../shared/contracts/rumors.ts';
import type { RumorVerdict } from '../../../shared/contracts/rumors.ts';
import { AREA_KINDS, issuerName, issuerSymbol, placeName } from '../directives/index.ts';
import type { CreateDirectiveBody } from '../directives/index.ts';

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);

type DirectiveInput = z.input<typeof CreateDirectiveBody>;
type Runs = { text: string; bold?: boolean; italic?: boolean }[];
type Section = NonNullable<NonNullable<DirectiveInput['body']>['sections']>[number];
type BlockIn = NonNullable<Section['blocks']>[number];

export interface DocUnit {
  id: string;
  name: string;
  kind: string;
  shortName?: string | null;
}

export interface DocCase {
  code: string;
  title: string;
  claim: string;
  firstAppearanceUrl: string | null;
  firstSeenAt: Date | null;
  reportCount: number;
  verdict: string | null;
  verdictSummary: string | null;
}

/** "15/8/2026" in Viet Nam time. */
export function vnDate(at: Date): string {
  const l = new Date(at.getTime() + 7 * 3_600_000);
  return `${l.getUTCDate()}/${l.getUTCMonth() + 1}/${l.getUTCFullYear()}`;
}

const p = (text: string, o: { bold?: boolean; italic?: boolean } = {}) => ({ kind: 'paragraph' as const, runs: [{ text, ...o }] });
const bullets = (items: readonly string[]) => ({ kind: 'bullets' as const, items: items.map((t): Runs => [{ text: t }]) });
const section = (number: string, heading: string, blocks: BlockIn[]): Section => ({ number, heading: [{ text: heading }], addressees: [], blocks });
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

interface Letterhead {
  unit: DocUnit;
  parent: DocUnit | null;
  province: DocUnit | null;
}

function head(l: Letterhead) {
  return {
    issuerUnitId: l.unit.id,
    issuerParent: l.parent && !AREA_KINDS.has(l.unit.kind) && AREA_KINDS.has(l.parent.kind) ? issuerName(l.parent) : null,
    issuer: issuerName(l.unit),
    docType: 'CV' as const,
    symbol: issuerSymbol(l.unit),
    place: placeName(l.province),
  };
}

function claimLines(c: DocCase): string[] {
  return [
    `Nội dung thông tin: “${clip(c.claim || c.title, 1500)}”.`,
    ...(c.firstAppearanceUrl ? [`Nơi xuất hiện đầu tiên: ${c.firstAppearanceUrl}${c.firstSeenAt ? ` (ngày ${vnDate(c.firstSeenAt)})` : ''}.`] : []),
    `Số lượt phản ánh đã tiếp nhận: ${c.reportCount} (vụ việc ${c.code} trên hệ thống Loa).`,
  ];
}

/** A confirmation request to a competent body (e.g. Sở Y tế): what is said, and the question. */
export function confirmationInput(o: Letterhead & { target: DocUnit; kase: DocCase; question: string; answerBy: Date | null }): DirectiveInput {
  const issuer = issuerName(o.unit);
  return {
    ...head(o),
    subject: clip(`Đề nghị xác minh, cung cấp thông tin về ${lowerFirst(o.kase.title)}`, 500),
    addressees: [o.target.name],
    recipients: { units: [o.target.id], groups: [] },
    body: {
      opening: [p(`${issuer} tiếp nhận phản ánh về thông tin được lan truyền trên mạng xã hội, có dấu hiệu sai sự thật, thuộc lĩnh vực quản lý của Quý cơ quan:`)],
      sections: [section('1', 'Thông tin cần xác minh', [bullets(claimLines(o.kase))]), section('2', 'Nội dung đề nghị', [p(o.question)])],
      closing: [
        p(
          `Để kịp thời thông tin chính thống đến Nhân dân, ${issuer} đề nghị Quý cơ quan xác minh và có văn bản trả lời${o.answerBy ? ` trước ngày ${vnDate(o.answerBy)}` : ' trong thời gian sớm nhất'}.`,
        ),
        p('Trân trọng./.'),
      ],
    },
    cc: [{ name: 'Như trên', purpose: null }],
    archive: ['VT'],
  };
}

export interface InformantLine {
  reportCode: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  socialId: string | null;
}

/**
 * The hand-off to the police: legal bases, what was said and where, the evidence list; the informants only when a
 * desk lead attached them (`informants` non-empty), with the request that their identity be kept confidential.
 */
export function policeInput(
  o: Letterhead & {
    target: DocUnit;
    kase: DocCase;
    legalBases: readonly { title: string; excerpt: string }[];
    evidence: readonly { kind: string; title: string; url: string | null; note: string | null }[];
    note: string | null;
    informants: readonly InformantLine[];
  },
): DirectiveInput {
  const issuer = issuerName(o.unit);
  const evidenceLines = o.evidence.length
    ? o.evidence.map((e, i) => `${i + 1}. ${e.title}${e.url ? ` — ${e.url}` : ''}${e.kind === 'note' && e.note ? `: ${clip(e.note, 300)}` : ''}`)
    : ['Chưa có tài liệu kèm theo.'];
  const sections = [
    section('1', 'Căn cứ pháp lý', [bullets(o.legalBases.map((b) => (b.excerpt ? `${b.title}: ${clip(b.excerpt, 600)}` : b.title)))]),
    section('2', 'Nội dung vụ việc', [bullets(claimLines(o.kase)), ...(o.note ? [p(o.note)] : [])]),
    section('3', 'Danh mục tài liệu, chứng cứ kèm theo', [bullets(evidenceLines)]),
  ];
  if (o.informants.length > 0) {
    sections.push(
      section('4', 'Thông tin người cung cấp thông tin', [
        p('Đề nghị Quý cơ quan bảo đảm bí mật tuyệt đối thông tin của người cung cấp thông tin theo quy định.', { italic: true }),
        bullets(
          o.informants.map((i) =>
            [
              `Phản ánh ${i.reportCode}`,
              i.name && `họ tên: ${i.name}`,
              i.phone && `điện thoại: ${i.phone}`,
              i.email && `thư điện tử: ${i.email}`,
              i.socialId && `tài khoản mạng xã hội: ${i.socialId}`,
            ]
              .filter(Boolean)
              .join('; '),
          ),
        ),
      ]),
    );
  }
  return {
    ...head(o),
    subject: clip(`Đề nghị xác minh, xử lý hành vi đăng tải, chia sẻ thông tin sai sự thật về ${lowerFirst(o.kase.title)}`, 500),
    urgency: 'khan',
    addressees: [o.target.name],
    recipients: { units: [o.target.id], groups: [] },
    body: {
      opening: [
        p(`Qua công tác theo dõi, tiếp nhận phản ánh, ${issuer} phát hiện thông tin sai sự thật, gây hoang mang dư luận được đăng tải, chia sẻ trên không gian mạng như sau:`),
      ],
      sections,
      closing: [
        p(`${issuer} đề nghị ${o.target.name} xác minh, xử lý theo thẩm quyền và thông báo kết quả cho ${issuer} để phối hợp tuyên truyền, cảnh báo, răn đe.`),
        p('Trân trọng./.'),
      ],
    },
    cc: [{ name: 'Như trên', purpose: null }],
    archive: ['VT'],
  };
}

/** The press request (seed 004 3(4)): carry the correction at once, "đồng loạt phản ánh để tạo dư luận đúng". */
export function pressInput(
  o: Letterhead & { targets: readonly DocUnit[]; groupIds: readonly string[]; kase: DocCase; correctionUrl: string | null; note: string | null },
): DirectiveInput {
  const issuer = issuerName(o.unit);
  const verdict = o.kase.verdict ? RUMOR_VERDICT_LABELS[o.kase.verdict as RumorVerdict].vi.toLocaleLowerCase('vi-VN') : 'sai sự thật';
  return {
    ...head(o),
    subject: clip(`Đề nghị phản ánh, đính chính thông tin ${verdict} về ${lowerFirst(o.kase.title)}`, 500),
    urgency: 'khan',
    addressees: o.targets.length ? o.targets.map((t) => t.name) : ['Các cơ quan báo chí trên địa bàn tỉnh'],
    recipients: { units: o.targets.map((t) => t.id), groups: [...o.groupIds] },
    body: {
      opening: [p(`Thời gian qua, trên mạng xã hội lan truyền thông tin: “${clip(o.kase.claim || o.kase.title, 1500)}”.`)],
      sections: [
        section('1', 'Kết quả xác minh', [p(`Qua xác minh, ${issuer} kết luận thông tin trên là ${verdict}.${o.kase.verdictSummary ? ` ${o.kase.verdictSummary}` : ''}`)]),
        section('2', 'Đề nghị', [
          p(
            `Đề nghị các cơ quan báo chí đồng loạt phản ánh để tạo dư luận đúng, đăng tải thông tin đính chính${o.correctionUrl ? ` (${o.correctionUrl})` : ''}; tuyệt đối không đăng tải, chia sẻ lại nội dung sai sự thật nêu trên.`,
          ),
          ...(o.note ? [p(o.note)] : []),
        ]),
      ],
      closing: [p('Trân trọng./.')],
    },
    cc: [{ name: 'Như trên', purpose: null }],
    archive: ['VT'],
  };
}
