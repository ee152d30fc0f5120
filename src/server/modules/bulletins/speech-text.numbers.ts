/**
 * Vietnamese number words for the speech text (speech-text.ts): integers as read aloud ("hai mươi mốt",
 * "một trăm linh năm", "hai nghìn không trăm hai mươi mốt"), decimals with "phẩy", digit strings one by one.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
/** Scale of each group of three digits, from the right (up to nghìn tỷ: 10^15 − 1). */
const SCALES = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ'] as const;

const digit = (d: number): string => DIGITS[d] ?? '';

/** The units digit after "mươi": 1 → mốt, 4 → tư, 5 → lăm. */
function afterTens(u: number): string[] {
  if (u === 0) return [];
  if (u === 1) return ['mốt'];
  if (u === 4) return ['tư'];
  if (u === 5) return ['lăm'];
  return [digit(u)];
}

/** One group of three digits; `full`: a group after a higher one, read with its hundreds ("không trăm", "linh"). */
function group(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) out.push(...(out.length > 0 ? ['linh', digit(u)] : [digit(u)]));
  } else if (t === 1) {
    out.push('mười', ...(u === 0 ? [] : [u === 5 ? 'lăm' : digit(u)]));
  } else {
    out.push(digit(t), 'mươi', ...afterTens(u));
  }
  return out;
}

/** Digit by digit: "0912" → "không chín một hai". */
export function digitsWords(digits: string): string {
  return [...digits].map((d) => digit(Number(d))).join(' ');
}

/** An integer written with digits only (leading zeros ignored); longer than 15 digits: digit by digit. */
export function integerWords(digits: string): string {
  const s = digits.replace(/^0+(?=\d)/, '');
  if (s.length > 15) return digitsWords(s);
  const n = Number(s);
  if (n === 0) return digit(0);
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const out: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] ?? 0;
    const scale = SCALES[i] ?? '';
    if (g > 0) out.push(...group(g, i < groups.length - 1), ...(scale ? [scale] : []));
  }
  return out.join(' ');
}

/** "2,5" → "hai phẩy năm", "0,05" → "không phẩy không năm": the fraction's leading zeros one by one. */
export function decimalWords(intDigits: string, fracDigits: string): string {
  const zeros = /^0*/.exec(fracDigits)?.[0] ?? '';
  const rest = fracDigits.slice(zeros.length);
  const frac = [...(zeros ? [digitsWords(zeros)] : []), ...(rest ? [integerWords(rest)] : [])];
  return `${integerWords(intDigits)} phẩy ${frac.join(' ')}`;
}

/** A month: 4 → "tư", otherwise the number ("tháng một", "tháng mười hai"). */
export function monthWords(n: number): string {
  return n === 4 ? 'tư' : integerWords(String(n));
}

/** After "thứ": 1 → "nhất", 4 → "tư" (thứ tư, lần thứ nhất), otherwise the number. */
export function ordinalWords(n: number): string {
  if (n === 1) return 'nhất';
  return n === 4 ? 'tư' : integerWords(String(n));
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** A Roman numeral (I–CXC) as a number, or null when the letters are not one written the usual way. */
export function romanValue(s: string): number | null {
  if (!/^(?:C{0,1})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || s === '') return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i] ?? ''] ?? 0;
    n += v < (ROMAN[s[i + 1] ?? ''] ?? 0) ? -v : v;
  }
  return n;
}
