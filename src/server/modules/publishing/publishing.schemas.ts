import type { PostStatus, SituationField } from '../../../shared/contracts/publishing.ts';

// The portal's request and response schemas are the shared contract; the server adds its own words.
export * from '../../../shared/contracts/publishing.ts';

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: 'bản nháp',
  review: 'chờ duyệt',
  scheduled: 'hẹn giờ đăng',
  published: 'đã đăng',
  unpublished: 'đã gỡ',
};

/** The figures of the daily situation update unless a section configures its own. */
export const DEFAULT_SITUATION_FIELDS: readonly SituationField[] = [
  { key: 'cases', label: 'Số ca mắc' },
  { key: 'underTreatment', label: 'Đang điều trị' },
  { key: 'recovered', label: 'Đã khỏi bệnh' },
  { key: 'deaths', label: 'Tử vong' },
  { key: 'quarantined', label: 'Đang cách ly' },
  { key: 'tested', label: 'Đã xét nghiệm' },
];
