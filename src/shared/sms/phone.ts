/**
 * Vietnamese mobile numbers: one stored form (`0xxxxxxxxx`, 10 digits), the telco guessed from the
 * prefix, and the masked form shown to staff who may not read full numbers. Pure: used by the
 * subscriber import on the server and by the admin page.
 */

export const TELCOS = ['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile', 'itelecom', 'reddi', 'unknown'] as const;
export type Telco = (typeof TELCOS)[number];

export const TELCO_LABELS: Record<Telco, string> = {
  viettel: 'Viettel',
  vinaphone: 'VinaPhone',
  mobifone: 'MobiFone',
  vietnamobile: 'Vietnamobile',
  gmobile: 'Gmobile',
  itelecom: 'iTel',
  reddi: 'Reddi',
  unknown: 'Không rõ',
};

/**
 * Three-digit mobile prefixes after the 2018 conversion from 11-digit numbers (current table).
 * Number portability (chuyển mạng giữ số, since 2018) means a prefix is only a guess: a subscriber may
 * have moved to another telco keeping the number, until a delivery report says otherwise.
 */
const PREFIXES: Record<Exclude<Telco, 'unknown'>, readonly string[]> = {
  viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
  vinaphone: ['081', '082', '083', '084', '085', '088', '091', '094'],
  mobifone: ['070', '076', '077', '078', '079', '089', '090', '093'],
  vietnamobile: ['052', '056', '058', '092'],
  gmobile: ['059', '099'],
  itelecom: ['087'],
  reddi: ['055'],
};

const PREFIX_TO_TELCO: ReadonlyMap<string, Telco> = new Map(Object.entries(PREFIXES).flatMap(([telco, prefixes]) => prefixes.map((p) => [p, telco as Telco] as const)));

/** The first digits a Vietnamese mobile number may have after its leading 0 (03, 05, 07, 08, 09). */
const MOBILE = /^0[35789]\d{8}$/;

/**
 * One form for a mobile number: `0xxxxxxxxx` (10 digits), or null when it is not a Vietnamese mobile
 * number. Accepts +84 / 84 / 0084 / 0 prefixes and spaces, dots, dashes and parentheses between digits
 * (`+84 912.345.678`, `(091) 234-5678`, `84912345678`). Landlines (02x…) and short codes are refused.
 */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.normalize('NFKC').trim();
  if (!/^\+?[\d\s.\-()]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+84')) return null;
    digits = `0${digits.slice(3)}`;
  } else if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  else if (!digits.startsWith('0') && digits.length === 9) digits = `0${digits}`; // a spreadsheet dropped the leading 0
  return MOBILE.test(digits) ? digits : null;
}

/** The telco a normalised number probably belongs to (a guess: see PREFIXES). */
export function telcoOf(phone: string): Telco {
  return PREFIX_TO_TELCO.get(phone.slice(0, 3)) ?? 'unknown';
}

/** `0912345678` → `091****678`: the prefix (telco) and the last three digits stay readable. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 6)}${phone.slice(-3)}`;
}
