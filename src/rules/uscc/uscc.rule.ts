import type { MessageTable } from '../../core/locale';
import { type Rule, fail, ok } from '../../core/rule';

// GB 32100-2015: 31 characters (no I, O, S, V, Z); a character's value is its index.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Weight of position i (1-based) is 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Messages of the `uscc` rule. */
export const usccMessages: MessageTable = {
  'zh-CN': {
    length: '统一社会信用代码应为18位,实际为{length}位',
    charset: '统一社会信用代码含有非法字符“{char}”(只能是数字和除I、O、S、V、Z以外的大写字母)',
    checksum: '统一社会信用代码校验位错误:应为“{expected}”,实际为“{actual}”',
    legacy: '这是15位旧工商注册号,不是18位统一社会信用代码;如已换发,请填写统一社会信用代码',
  },
  'en-US': {
    length: 'A unified social credit code has 18 characters; this one has {length}',
    charset:
      'Character "{char}" is not allowed in a unified social credit code (digits and capital letters except I, O, S, V, Z)',
    checksum: 'Wrong check character: expected "{expected}", found "{actual}"',
    legacy:
      'This is an old 15-digit registration number, not an 18-character unified social credit code; use the new code if one was issued',
  },
};

/** The GB 32100-2015 check character for the first 17 characters, or undefined when they are not 17 valid ones. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) {
    const v = CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return undefined;
    sum += v * weight;
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** True when a code is 18 valid characters with the right check character (upper case, no spaces). */
export function isValidUscc(code: string): boolean {
  return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}

/** 统一社会信用代码 (GB 32100-2015); a 15-digit old registration number passes with a `legacy` note. */
export const usccRule: Rule<string> = {
  id: 'uscc',
  messages: usccMessages,
  severities: { length: 'error', charset: 'error', checksum: 'error', legacy: 'warning' },
  parse({ text, value }) {
    // Why the raw number: cellText rounds to 12 significant digits, which corrupts a 15-digit number cell.
    const raw = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : text;
    const code = raw.replace(/\s/g, '').toUpperCase();
    if (/^\d{15}$/.test(code)) return ok(code, { id: 'legacy' });
    if (code.length !== 18) return fail('length', { length: code.length });
    const bad = [...code].find((ch) => !CHARSET.includes(ch));
    if (bad !== undefined) return fail('charset', { char: bad });
    const expected = usccCheckChar(code.slice(0, 17)) as string;
    const actual = code.charAt(17);
    if (expected !== actual) return fail('checksum', { expected, actual });
    return ok(code);
  },
};
