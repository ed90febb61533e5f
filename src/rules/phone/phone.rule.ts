import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import cnMetadata from './cn-metadata.json';
import type { Finding } from '../../core/issue';
import { itemAt } from '../../core/item-at';
import type { MessageTable } from '../../core/locale';
import type { Rule } from '../../core/rule';

/** What kind of number a cell holds: mobile, landline with area code, service (400/800/95xxx/12xxx), or a bare local number. */
export type PhoneKind = 'mobile' | 'fixed' | 'service' | 'local';

/** One telephone number read from a cell. */
export interface PhoneNumber {
  /** The number as written in the cell. */
  text: string;
  kind: PhoneKind;
  /** E.164 (+8615070167658, +867976222222) for mobile and fixed numbers; the digits for service and local ones. */
  number: string;
  extension?: string;
}

/** Messages of the `phone` rule. */
export const phoneMessages: MessageTable = {
  'zh-CN': {
    invalid:
      '“{number}”不是有效的电话号码(应为11位手机号、带区号的固定电话如0797-6222222,或400/95xxx服务号码)',
    'no-area-code': '固定电话“{number}”缺少区号(应写成0797-6222222这样的形式)',
    'mobile-length': '手机号码“{number}”为{length}位,应为11位',
  },
  'en-US': {
    invalid:
      '"{number}" is not a valid phone number (expected an 11-digit mobile, a landline with area code such as 0797-6222222, or a 400/95xxx service number)',
    'no-area-code': 'Landline "{number}" has no area code (write it as 0797-6222222)',
    'mobile-length': 'Mobile number "{number}" has {length} digits; it should have 11',
  },
};

// Short service numbers libphonenumber does not know: 10xxx/12xxx hotlines (12345, 12315), 95xxx, 95xxxxxx, 96xxx.
const SERVICE = /^(?:1[02]\d{3}|9[56]\d{3}|95\d{6})$/;
// +86, 0086, (+86), or 86 standing apart (86 15070167658, 86-0797-6222222).
const COUNTRY_CODE = /^(?:(?:\+|00)86|86(?=[\s-]|$)|\(\+?86\))/;

/** Digits of the main number (no extension) with a +86 / 0086 / 86 country code removed. */
function nationalDigits(candidate: string): string {
  const [main = ''] = candidate.split('#');
  const digits = main.replace(/\D/g, '');
  if (COUNTRY_CODE.test(main.trim())) return digits.replace(/^(?:00)?86/, '');
  if (/^86(?:1\d{10}|0\d{9,11})$/.test(digits)) return digits.slice(2);
  return digits;
}

/** How many national digits a number that starts like this needs at least and may have at most. */
function lengthBounds(candidate: string): [number, number] {
  const n = nationalDigits(candidate);
  const withCountryCode = COUNTRY_CODE.test(candidate.trim());
  if (n === '') return [1, 13];
  if (SERVICE.test(n)) return [0, n.length];
  if (n[0] === '1') return [11, 11];
  if (n[0] === '0') return [11, 12];
  if (/^[48]00/.test(n) || (n.length < 3 && /^[48]/.test(n))) return [10, 10];
  return withCountryCode ? [10, 11] : [7, 8];
}

/** Cell text → number candidates: split on 、 , ; / 或, spaces between numbers; pieces of one number re-joined. */
function candidates(text: string): string[] {
  const marked = text.replace(/\s*(?:转|分机号?|ext\.?)\s*(\d{1,6})/gi, '#$1');
  const out: string[] = [];
  for (const rawPart of marked.split(/[/、,;]|或/)) {
    const part = rawPart
      .replace(/^[^\d+(:]*:\s*/, '') // a label: 手机:, 办公室:
      .replace(/\([^\d)]*\)\s*$/, '') // a trailing note: (办), (手机)
      .trim();
    const tokens = part.split(' ').filter((t) => t !== '');
    for (let i = 0; i < tokens.length; i++) {
      let current = itemAt(tokens, i);
      // Why the bounds: "0797 6222222" and "150 7016 7658" are one number, "15070167658 15079732716" two.
      while (i + 1 < tokens.length && !current.includes('#')) {
        const [min, max] = lengthBounds(current);
        const joined = `${current} ${itemAt(tokens, i + 1)}`;
        if (nationalDigits(current).length >= min || nationalDigits(joined).length > max) break;
        current = joined;
        i++;
      }
      out.push(current);
    }
  }
  return out;
}

/**
 * libphonenumber's full ("max") metadata for China only (scripts/make-phone-metadata.cjs): the rule reads Chinese
 * numbers alone, and the whole world's metadata costs about 40 KB gzipped in each Excel bundle.
 */
const CN_METADATA = cnMetadata as unknown as MetadataJson;

/** libphonenumber's reading of a Chinese number, if it is valid. */
function libraryParse(main: string): { kind: PhoneKind; number: string; extension?: string } | undefined {
  const parsed = parsePhoneNumberFromString(main, 'CN', CN_METADATA);
  if (!parsed || !parsed.isValid() || parsed.countryCallingCode !== '86') return undefined;
  const type = parsed.getType();
  const kind: PhoneKind =
    type === 'MOBILE'
      ? 'mobile'
      : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE'
        ? 'fixed'
        : 'service';
  return { kind, number: parsed.number, extension: parsed.ext };
}

/** One candidate → a number, or the finding that says what is wrong with it. */
function readNumber(candidate: string): { phone?: PhoneNumber; finding?: Finding } {
  const [main = '', extension] = candidate.split('#');
  const text = main.trim();
  const shown = extension ? `${text}转${extension}` : text;
  const phone = (kind: PhoneKind, number: string, ext?: string): PhoneNumber =>
    ext ? { text, kind, number, extension: ext } : { text, kind, number };
  const n = nationalDigits(candidate);
  const invalid = { finding: { id: 'invalid', params: { number: shown } } };
  if (n === '' || /[^\d\s+().-]/.test(main)) return invalid;
  if (SERVICE.test(n)) return { phone: phone('service', n, extension) };
  if (n[0] === '1') {
    if (n.length !== 11)
      return { finding: { id: 'mobile-length', params: { number: shown, length: n.length } } };
    const lib = libraryParse(n);
    return lib?.kind === 'mobile' ? { phone: phone('mobile', lib.number) } : invalid;
  }
  if (/^[2-9]\d{6,7}$/.test(n) && !/^[48]00/.test(n) && !COUNTRY_CODE.test(text)) {
    return {
      phone: phone('local', n, extension),
      finding: { id: 'no-area-code', params: { number: shown } },
    };
  }
  let lib = libraryParse(main);
  let ext = extension ?? lib?.extension;
  // 0797-6222222-801: a third hyphen group is an extension when the number without it is valid.
  const hyphenExt = /^(.*\d)-(\d{1,5})$/.exec(text);
  const [, withoutExt, hyphenExtension] = hyphenExt ?? [];
  if (!lib && !extension && withoutExt && /-.*-/.test(text)) {
    lib = libraryParse(withoutExt);
    ext = hyphenExtension;
  }
  return lib ? { phone: phone(lib.kind, lib.number, ext) } : invalid;
}

/** 联系电话: one or more mobile, landline or service numbers; each is checked. */
export const phoneRule: Rule<PhoneNumber[]> = {
  id: 'phone',
  messages: phoneMessages,
  severities: { invalid: 'error', 'no-area-code': 'warning', 'mobile-length': 'error' },
  parse({ text, value }) {
    // Why the raw number: cellText rounds to 12 significant digits (8615070167658 would change).
    const source = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : text;
    const numbers: PhoneNumber[] = [];
    const findings: Finding[] = [];
    let failed = false;
    for (const candidate of candidates(source)) {
      const { phone, finding } = readNumber(candidate);
      if (phone) numbers.push(phone);
      if (finding) findings.push(finding);
      if (!phone) failed = true;
    }
    return failed ? { ok: false, findings } : { ok: true, value: numbers, findings };
  },
};
