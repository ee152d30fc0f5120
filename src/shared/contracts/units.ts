// Shapes of the units API shared by the server and the admin UI.

/** A unit on the other side of a 2025 → 2026 history link ("Hình thành từ …" / "Nay thuộc …"). */
export interface HistoryRef {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  edition: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Only part of the predecessor went into the successor (a split unit). */
  partial: boolean;
}

/** Kinds of units. Administrative kinds come from the GSO lists; the others are organisations. */
export const ADMINISTRATIVE_KINDS = ['nation', 'province', 'district', 'commune', 'village'] as const;
export const ORGANISATION_KINDS = [
  'department',
  'office',
  'peoples_committee',
  'press',
  'radio_tv',
  'commune_radio',
  'telco',
  'post',
  'police',
  'border_guard',
  'army',
  'health',
  'school',
  'business_association',
  'party_body',
  'mass_organisation',
  'other',
] as const;
export const UNIT_KINDS = [...ADMINISTRATIVE_KINDS, ...ORGANISATION_KINDS] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  nation: { vi: 'Quốc gia', en: 'Nation' },
  province: { vi: 'Tỉnh/Thành phố', en: 'Province/City' },
  district: { vi: 'Quận/Huyện', en: 'District' },
  commune: { vi: 'Xã/Phường/Thị trấn', en: 'Commune/Ward/Town' },
  village: { vi: 'Thôn/Bản/Tổ dân phố', en: 'Village/Hamlet' },
  department: { vi: 'Sở', en: 'Provincial department' },
  office: { vi: 'Phòng', en: 'District office' },
  peoples_committee: { vi: 'UBND', en: "People's Committee" },
  press: { vi: 'Cơ quan báo chí', en: 'Press' },
  radio_tv: { vi: 'Đài PT-TH', en: 'Radio-TV station' },
  commune_radio: { vi: 'Đài truyền thanh cơ sở', en: 'Commune radio station' },
  telco: { vi: 'Doanh nghiệp viễn thông', en: 'Telecom operator' },
  post: { vi: 'Bưu điện', en: 'Post' },
  police: { vi: 'Công an', en: 'Police' },
  border_guard: { vi: 'Bộ đội Biên phòng', en: 'Border guard' },
  army: { vi: 'Quân sự', en: 'Military' },
  health: { vi: 'Y tế', en: 'Health' },
  school: { vi: 'Trường học', en: 'School' },
  business_association: { vi: 'Hiệp hội doanh nghiệp', en: 'Business association' },
  party_body: { vi: 'Cơ quan Đảng', en: 'Party body' },
  mass_organisation: { vi: 'Đoàn thể', en: 'Mass organisation' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Kinds a user may add by hand under an existing unit (administrative levels come from GSO). */
export const ADDABLE_KINDS: readonly UnitKind[] = ['village', ...ORGANISATION_KINDS];

export function isUnitKind(k: string): k is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(k);
}
