import { type CellValue, isCellError } from './grid';

// Whitespace a clerk cannot see: NBSP, the ideographic space, zero-width and BOM characters, in-cell line breaks.
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF\t\r\n\v\f]/g;

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
// Anything normaliseText would change; most cells have none, and skipping them keeps 50k-row sheets fast.
const NEEDS_WORK = /[\uFF01-\uFF5E\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF\t\r\n\v\f]| {2}|^ | $/;

/** Full-width ASCII (ＡＢＣ１２３％，；：（）) → half-width; the ideographic space → a space. Nothing else changes. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Half-width, odd spaces as plain spaces, runs of spaces collapsed, trimmed. */
export function normaliseText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return toHalfWidth(text).replace(ODD_SPACE, ' ').replace(/ {2,}/g, ' ').trim();
}

/** A header label reduced for matching: half-width, no spaces or line breaks, no brackets, stars or colons. */
export function normaliseLabel(text: string): string {
  return toHalfWidth(text)
    .replace(ODD_SPACE, '')
    .replace(/[\s*※:：()（）【】[\]<>《》"“”'‘’]/g, '')
    .toLowerCase();
}

/** True when a number format shows a percentage. */
export function isPercentFormat(format: string | undefined): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"|\\./g, ''));
}

/** True when a number format shows a date (y, m with d, or a Chinese date pattern). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  if (f === 'general' || f === '@') return false;
  return /y/.test(f) || (/d/.test(f) && /m/.test(f)) || /年|月|日/.test(format);
}

/** Rounds away binary noise (0.05 * 100 = 5.000000000000001). */
export function roundNoise(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/** Excel 1900-system serial → UTC date (serial 60 is the fictitious 1900-02-29). */
export function excelSerialToDate(serial: number): Date {
  const days = serial > 60 ? serial - 25569 : serial - 25568;
  return new Date(Math.round(days * 86400000));
}

/** ISO yyyy-mm-dd of a UTC date. */
export function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The text a person reads in a cell: normalised; a number with a % format as the same text with % (0.05 → "5%");
 * a date (value or serial with a date format) as yyyy-mm-dd; an error as its code (#N/A).
 */
export function cellText(value: CellValue, format?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return normaliseText(value);
  if (typeof value === 'number') {
    if (isPercentFormat(format)) return `${roundNoise(value * 100)}%`;
    if (isDateFormat(format) && value > 0 && value < 2958466) return isoDate(excelSerialToDate(value));
    // Long whole numbers (registration numbers, phone numbers typed as numbers) keep every digit.
    return Number.isInteger(value) ? String(value) : String(roundNoise(value));
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  if (isCellError(value)) return value.error;
  return '';
}

/** True when a cell shows nothing (empty, or only spaces). */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return normaliseText(value) === '';
  return false;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

/**
 * Chinese numeral → number: 五 → 5, 十二 → 12, 二十 → 20, 一百零五 → 105, 二〇二〇 → 2020 (digit by digit),
 * 两 → 2. Returns undefined for anything else. Arabic digits pass through (12 → 12).
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (![...s].every((ch) => ch in CN_DIGITS || ch in CN_UNITS)) return undefined;
  // A run of digits without units (二〇二〇) is read digit by digit.
  if (![...s].some((ch) => ch in CN_UNITS)) {
    if (s.length === 1) return CN_DIGITS[s];
    return Number([...s].map((ch) => CN_DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    const unit = CN_UNITS[ch];
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
    } else if (unit !== undefined) {
      if (unit === 10000) {
        total += (section + (digit ?? 0)) * unit;
        section = 0;
      } else {
        section += (digit ?? 1) * unit;
      }
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

// What may follow a lone numeral character for it to be a number (一次, 三月, 五家); 一般, 一并, 统一 are words.
const COUNTERS = '次年个季月半周星旬日天号时分秒家户批件所处座辆轮类级档倍成条款项章节人名届%‰-~至到';

/**
 * Replaces Chinese numerals inside text by Arabic digits (每年两次 → 每年2次, 百分之五 → 5%, 第一百一十条 → 第110条).
 * A lone numeral character is a number only before a counter or after 第 / 每 (一般, 一并, 统一 stay words).
 */
export function replaceChineseNumbers(text: string): string {
  return text
    .replace(/百分之([零〇一二两三四五六七八九十百\d.]+)/g, (whole, n: string) => {
      const v = parseChineseNumber(n);
      return v === undefined ? whole : `${v}%`;
    })
    .replace(/[零〇一二两三四五六七八九十百千]+/g, (run: string, at: number, all: string) => {
      const before = all.charAt(at - 1);
      const after = all.charAt(at + 1);
      const lone =
        run.length === 1 &&
        !(before !== '' && '第每'.includes(before)) &&
        !(after !== '' && COUNTERS.includes(after));
      const v = lone ? undefined : parseChineseNumber(run);
      return v === undefined ? run : String(v);
    });
}

/** A calendar date read from text or a serial, or undefined when it is not a real date. */
export function parseDate(
  value: CellValue,
  format?: string,
): { year: number; month: number; day: number } | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value === 'number') {
    if (!(value > 0 && value < 2958466)) return undefined;
    void format;
    return parseDate(excelSerialToDate(value));
  }
  if (typeof value !== 'string') return undefined;
  const t = normaliseText(value).replace(/\s/g, '');
  const m = /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Width of text in Excel's character units: a Chinese (or any full-width) character counts two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Removes spaces except between two digits ("=1 0%" must not read as =10%); no lookbehind (ES2017 hosts). */
export function dropInnerSpaces(text: string): string {
  return text.replace(/\s+/g, (run, at: number, all: string) =>
    /\d/.test(all.charAt(at - 1)) && /\d/.test(all.charAt(at + run.length)) ? run : '',
  );
}

// Text that is its own duplicate key: Chinese and printable ASCII without spaces, quotes or lower-case letters.
const OWN_KEY = /^[!#-&(-`{-~\u3001-\u9fff]*$/;

/** The comparison key for duplicates: normalised, no spaces or quotes, ASCII letters upper-cased. */
export function uniqueKey(text: string): string {
  if (OWN_KEY.test(text)) return text;
  return normaliseText(text)
    .replace(/[\s“”"‘’']/g, '')
    .toUpperCase();
}
