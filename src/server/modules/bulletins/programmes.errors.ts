import { defineErrors } from '../../platform/errors.ts';

/** The error codes of programmes and the commune bulletin queue. */
export const PROGRAMMES_ERRORS = defineErrors({
  PROGRAMME_CONFLICT: {
    status: 409,
    vi: 'Trùng giờ với chương trình «{other}» ({day}, {start}–{end}). Chọn giờ hoặc ngày khác.',
    en: 'Overlaps programme "{other}" ({day}, {start}–{end}). Choose another time or day.',
  },
  PROGRAMME_UNIT_NOT_COMMUNE: {
    status: 422,
    vi: 'Chương trình phát thanh chỉ lập cho xã, phường, đặc khu (đài truyền thanh cơ sở).',
    en: 'Broadcast programmes belong to a commune (its local radio station).',
  },
  PROGRAMME_NOT_IN_QUEUE: {
    status: 422,
    vi: 'Bản tin không có trong hàng chờ của xã hoặc đã bị bỏ qua; chỉ xếp được bản tin đã phát hành tới xã.',
    en: "The bulletin is not in the commune's queue (or was dismissed); only bulletins published to the commune can be placed.",
  },
  PROGRAMME_BULLETIN_NOT_PLAYABLE: {
    status: 422,
    vi: 'Bản tin «{title}» không còn phát được (chưa phát hành, đã hủy hoặc đã hết hiệu lực).',
    en: 'Bulletin "{title}" cannot be played (not published, cancelled or expired).',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof PROGRAMMES_ERRORS, true> {}
}
