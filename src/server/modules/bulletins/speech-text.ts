/**
 * A bulletin's text written out for the synthesiser: espeak-ng's `vi` voice reads digits and capitals
 * poorly ("15h00" as "mười lăm hát không không", "UBND" as an English word), so numbers, dates, times,
 * phone numbers, units, addresses and abbreviations become the words an announcer would say. Pure; NFC
 * in and out; line breaks kept (they are pauses).
 *
 * Known guesses: "3/4" is read as a date (ngày ba tháng tư), as in bulletins it nearly always is; a
 * comma between digits is a decimal comma ("2,5" → "hai phẩy năm"); a dot between groups of three
 * digits is a thousands separator ("1.234").
 */
import { ABBREVIATIONS, SPECIAL_ABBREVIATIONS, UNITS, isSyllable, spellLetters } from './speech-text.abbreviations.ts';
import { decimalWords, digitsWords, integerWords, monthWords, ordinalWords, romanValue } from './speech-text.numbers.ts';

/** Not a letter or digit before / after: whole words, with Vietnamese letters (JS `\b` is ASCII only). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const re = (source: string, flags = 'gu'): RegExp => new RegExp(source, flags);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const int = (digits: string): string => integerWords(digits);
const validDay = (d: string): boolean => Number(d) >= 1 && Number(d) <= 31;
const validMonth = (m: string): boolean => Number(m) >= 1 && Number(m) <= 12;

/** Markdown emphasis, the "./." that ends a dispatch, angle brackets around addresses. */
function stripMarkup(s: string): string {
  return s
    .replace(/\*\*|__|`/g, '')
    .replace(/\.\/\./g, '.')
    .replace(/<((?:https?:\/\/|www\.)[^\s<>]+|[^\s<>@]+@[^\s<>]+)>/g, '$1');
}

/** An address read aloud: "bluezone.gov.vn/tai-lieu" → "bluezone chấm gov chấm vn gạch chéo tai gạch ngang lieu". */
function spokenAddress(s: string): string {
  return s
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '')
    .replace(/\./g, ' chấm ')
    .replace(/\//g, ' gạch chéo ')
    .replace(/-/g, ' gạch ngang ')
    .replace(/_/g, ' gạch dưới ')
    .replace(/@/g, ' a còng ');
}

function addresses(s: string): string {
  return s.replace(/(?:https?:\/\/|www\.)[^\s<>]+?(?=[.,;:!?)]*(?:\s|$))/g, (m) => spokenAddress(m)).replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (m) => spokenAddress(m));
}

function specialAbbreviations(s: string): string {
  return SPECIAL_ABBREVIATIONS.reduce((acc, [pattern, spoken]) => acc.replace(pattern, spoken), s);
}

/** A day or a range of days before a month: "05" → "ngày năm", "15-16" → "ngày mười lăm đến mười sáu". */
const DAYS = '(?:([Nn]gày)\\s+)?(?:(\\d{1,2})\\s?[-–]\\s?)?(\\d{1,2})';
const days = (ngay: string | undefined, from: string | undefined, d: string): string => `${ngay ?? 'ngày'} ${from ? `${int(from)} đến ` : ''}${int(d)}`;
const validDays = (from: string | undefined, d: string): boolean => validDay(d) && (from === undefined || validDay(from));

/**
 * dd/mm/yyyy (also with - or .), mm/yyyy, dd/mm, and day ranges ("15-16/02"); an existing "ngày" / "tháng"
 * before it is not repeated.
 */
function dates(s: string): string {
  type Day = [ngay: string | undefined, from: string | undefined, d: string];
  return s
    .replace(re(`${B}${DAYS}([/.-])(\\d{1,2})\\4(\\d{4})${E}`), (m, ...g: [...Day, string, string, string]) => {
      const [ngay, from, d, , mo, y] = g;
      return validDays(from, d) && validMonth(mo) ? `${days(ngay, from, d)} tháng ${monthWords(Number(mo))} năm ${int(y)}` : m;
    })
    .replace(re(`${B}(?:([Tt]háng)\\s+)?(\\d{1,2})[/.-](\\d{4})${E}`), (m, thang: string | undefined, mo: string, y: string) =>
      validMonth(mo) ? `${thang ?? 'tháng'} ${monthWords(Number(mo))} năm ${int(y)}` : m,
    )
    .replace(re(`(?<![\\p{L}\\p{N}/.,])${DAYS}\\/(\\d{1,2})(?![\\p{L}\\p{N}/])`), (m, ...g: [...Day, string]) => {
      const [ngay, from, d, mo] = g;
      return validDays(from, d) && validMonth(mo) ? `${days(ngay, from, d)} tháng ${monthWords(Number(mo))}` : m;
    });
}

/** Groups of digits, comma-separated so they are read with a pause: "0912 345 678". */
function digitGroups(groups: string[]): string {
  return groups.map(digitsWords).join(', ');
}

/**
 * Phone numbers digit by digit: 0… or +84… with 9–11 digits (spaces or dots between groups allowed), and
 * short numbers after "đường dây nóng", "hotline", "điện thoại", and the emergency numbers 111–116 after
 * "gọi" or "số" ("gọi 114").
 */
function phones(s: string): string {
  return s
    .replace(re(`${B}(\\+84 ?|0)(\\d{1,4}(?:[ .]?\\d{2,4}){1,4})${E}`), (m, lead: string, rest: string) => {
      const prefix = lead.trim();
      const national = `${prefix === '0' ? '0' : ''}${rest.replace(/\D/g, '')}`;
      const count = prefix === '0' ? national.length : national.length + 1;
      if (count < 9 || count > 11) return m;
      const groups = rest.split(/[ .]/);
      if (prefix === '0') groups[0] = `0${groups[0] ?? ''}`;
      const split = groups.length > 1 ? groups : [national.slice(0, -6), national.slice(-6, -3), national.slice(-3)];
      return `${prefix === '+84' ? 'cộng tám bốn, ' : ''}${digitGroups(split.filter(Boolean))}`;
    })
    .replace(
      re(`(${B}(?:[Đđ]ường dây nóng|[Hh]otline|[Đđ]iện thoại|SĐT|ĐT)\\s*:?\\s*)(\\d{3,5})(?![\\p{L}\\p{N}]|[.,]\\d)`),
      (_m, lead: string, n: string) => `${lead}${digitsWords(n)}`,
    )
    .replace(re(`(${B}(?:[Gg]ọi|[Ss]ố)\\s+)(11[1-6])${E}`), (_m, lead: string, n: string) => `${lead}${digitsWords(n)}`);
}

/** "5-7", "15h00-16h00", "7h – 11h": "đến" between them; "24/24" (not a date): "trên". */
function ranges(s: string): string {
  return s.replace(/(\d(?:h\d{0,2}'?)?)\s?[-–]\s?(?=\d)/g, '$1 đến ').replace(/(\d)\s?\/\s?(?=\d)/g, '$1 trên ');
}

/** "15h00", "16h 00'", "7h30", "7 giờ 30", "15:30": hours and minutes; ":00" and "h00" say the hour only. */
function times(s: string): string {
  const spoken = (h: string, m: string | undefined): string => `${int(h)} giờ${m && Number(m) > 0 ? ` ${int(m)} phút` : ''}`;
  return s
    .replace(re(`${B}([01]?\\d|2[0-4])\\s?(?:h|giờ)(?:\\s?([0-5]\\d)\\s?(?:'|’|phút${E})?)?${E}`), (_m, h: string, m: string | undefined) => spoken(h, m))
    .replace(re(`${B}([01]?\\d|2[0-4]):([0-5]\\d)${E}`), (_m, h: string, m: string) => spoken(h, m));
}

const UNIT_PATTERN = re(`(\\d)\\s?(${UNITS.map(([u]) => escape(u)).join('|')})${E}`);
const UNIT_WORDS = new Map(UNITS);

/** "15%" → "15 phần trăm", "5km" → "5 ki lô mét" (the digits are read next). */
function unitsAndPercent(s: string): string {
  return s.replace(/(\d)\s?%/g, '$1 phần trăm').replace(UNIT_PATTERN, (_m, d: string, unit: string) => `${d} ${UNIT_WORDS.get(unit) ?? unit}`);
}

/** "thứ 4" → "thứ tư", "lần thứ 1" → "lần thứ nhất", "tháng 4" → "tháng tư", "quý IV" → "quý bốn". */
function ordinals(s: string): string {
  return s
    .replace(re(`${B}([Tt]hứ)\\s+(\\d{1,2})(?![\\p{L}\\p{N}]|[.,]\\d)`), (_m, w: string, n: string) => `${w} ${ordinalWords(Number(n))}`)
    .replace(re(`${B}([Tt]háng)\\s+(\\d{1,2})(?![\\p{L}\\p{N}]|[.,]\\d)`), (m, w: string, n: string) => (validMonth(n) ? `${w} ${monthWords(Number(n))}` : m))
    .replace(re(`${B}([Kk]hóa|[Kk]hoá|[Qq]uý|[Pp]hần|[Cc]hương|[Mm]ục|[Kk]ỳ|[Đđ]ợt|[Gg]iai đoạn)\\s+([IVXLC]+)${E}`), (m, w: string, r: string) => {
      const n = romanValue(r);
      return n === null ? m : `${w} ${int(String(n))}`;
    });
}

/** Every number left: 1.234,5 (thousands dot, decimal comma), 1.2 (section: "chấm"), 05, 007, 2021. */
function numbers(s: string): string {
  const plain = (d: string): string => (d.length > 2 && d.startsWith('0') ? digitsWords(d) : int(d));
  return s
    .replace(
      /(?<![\d.,])(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?(?![\d]|[.,]\d)/g,
      (_m, i: string, f: string | undefined) => ` ${f ? decimalWords(i.replace(/\./g, ''), f) : int(i.replace(/\./g, ''))} `,
    )
    .replace(/(?<![\d.,])\d+(?:\.\d+)+(?![\d]|[.,]\d)/g, (m) => ` ${m.split('.').map(plain).join(' chấm ')} `)
    .replace(/(?<![\d.,])(\d+),(\d+)(?![\d]|[.,]\d)/g, (_m, i: string, f: string) => ` ${decimalWords(i, f)} `)
    .replace(/\d+/g, (d) => ` ${plain(d)} `);
}

const ABBREVIATION_PATTERN = re(
  `${B}(${Object.keys(ABBREVIATIONS)
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})${E}`,
);

/** A run of listed abbreviations written together ("BCVTCNTT" → BCVT + CNTT), or null. */
function compound(s: string): string[] | null {
  if (s === '') return [];
  for (let n = Math.min(s.length, 6); n >= 2; n--) {
    const head = ABBREVIATIONS[s.slice(0, n)];
    const rest = head ? compound(s.slice(n)) : null;
    if (head && rest) return [head, ...rest];
  }
  return null;
}

/**
 * Listed abbreviations as words; other all-capital words: a run of listed ones, a syllable read as it is
 * ("BAN"), else spelt ("VT" → "vê tê").
 */
function abbreviations(s: string): string {
  return s.replace(ABBREVIATION_PATTERN, (m) => ABBREVIATIONS[m] ?? m).replace(re(`${B}[A-ZĐ]{2,}${E}`), (m) => (isSyllable(m) ? m : (compound(m)?.join(' ') ?? spellLetters(m))));
}

/** Signs the voice would read aloud or stumble on, dashes as pauses, spaces tidied; one line per paragraph. */
function punctuation(s: string): string {
  return s
    .replace(/&/g, ' và ')
    .replace(/^[ \t]*[-–—•*+][ \t]+/gmu, '')
    .replace(/[ \t]+[-–—][ \t]+/g, ', ')
    .replace(/[/\\*_~^|<>#=+]/g, ' ')
    .replace(/(?<=\p{L})[-.](?=\p{L})/gu, ' ')
    .split('\n')
    .map((line) =>
      line
        .replace(/\s+/g, ' ')
        .replace(/\s+([,.;:!?)])/g, '$1')
        .replace(/\(\s+/g, '(')
        .replace(/([,;:])(?=[^\s\d])/g, '$1 ')
        .trim()
        .replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
    )
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** The text the synthesiser reads for a bulletin's text. */
export function toSpokenVietnamese(text: string): string {
  const steps = [stripMarkup, addresses, specialAbbreviations, dates, phones, ranges, times, unitsAndPercent, ordinals, numbers, abbreviations, punctuation];
  return steps.reduce((acc, step) => step(acc), text.normalize('NFC').replace(/\r\n?/g, '\n')).normalize('NFC');
}
