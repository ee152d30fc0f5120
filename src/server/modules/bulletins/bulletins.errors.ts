import { defineErrors } from '../../platform/errors.ts';

export const BULLETINS_ERRORS = defineErrors({
  BULLETIN_BAD_STATUS: {
    status: 409,
    vi: 'Bản tin đang ở trạng thái "{status}", không thể thực hiện thao tác này.',
    en: 'The bulletin is "{status}"; this step is not possible.',
  },
  BULLETIN_NOT_EMERGENCY: { status: 409, vi: 'Chỉ bản tin khẩn cấp mới được phát hành một bước.', en: 'Only an emergency (khẩn cấp) bulletin may be published in one step.' },
  BULLETIN_NO_MEDIA: {
    status: 409,
    vi: 'Bản tin chưa có nội dung phát: cần văn bản để đọc, tệp âm thanh hoặc địa chỉ tiếp sóng.',
    en: 'The bulletin has nothing to play yet: text to read, an audio file or a relay URL.',
  },
  BULLETIN_BAD_TARGET: { status: 400, vi: 'Nơi nhận phải là xã, phường, thị trấn trong địa bàn của đơn vị.', en: 'Targets must be communes in the issuing unit’s area.' },
  BULLETIN_NO_TARGET: {
    status: 400,
    vi: 'Địa bàn của đơn vị không có xã, phường, thị trấn nào để nhận bản tin.',
    en: 'The issuing unit’s area has no commune to receive the bulletin.',
  },
  BULLETIN_BAD_AUDIO: { status: 415, vi: 'Tệp không phải âm thanh MP3, WAV hoặc OGG đọc được.', en: 'The file is not a readable MP3, WAV or OGG audio file.' },
  BULLETIN_AUDIO_TOO_LARGE: { status: 413, vi: 'Tệp âm thanh vượt quá {maxMb} MB.', en: 'The audio file is larger than {maxMb} MB.' },
  BULLETIN_TTS_FAILED: { status: 503, vi: 'Không tạo được giọng đọc: {message}', en: 'Text-to-speech failed: {message}' },
  BULLETIN_IDEMPOTENCY_MISMATCH: {
    status: 409,
    vi: 'Khóa Idempotency-Key này đã được dùng cho một thao tác khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
} as const);

declare module '../../platform/errors.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof BULLETINS_ERRORS, true> {}
}
