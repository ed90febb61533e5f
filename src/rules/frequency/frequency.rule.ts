import type { Finding } from '../../core/issue';
import type { MessageTable } from '../../core/locale';
import { dropInnerSpaces, normaliseText, replaceChineseNumbers, roundNoise } from '../../core/normalise';
import { type ParseResult, type Rule, type RuleContext, fail, ok } from '../../core/rule';

/** A 检查频次 in inspections per year; irregular (不定期) and asNeeded (根据监管需要确定) carry no number. */
export interface FrequencyValue {
  kind: 'periodic' | 'atLeast' | 'atMost' | 'range' | 'irregular' | 'asNeeded';
  /** Least times per year (periodic, atLeast, range). */
  perYearLow?: number;
  /** Most times per year (periodic, atMost, range). */
  perYearHigh?: number;
}

/** Messages of the `frequency` rule. */
export const frequencyMessages: MessageTable = {
  'zh-CN': {
    'too-frequent':
      '抽查频次过高:每年 {perYear} 次,超过每年 {max} 次,易造成执法扰企;请确认确有必要,或降低频次',
    zero: '抽查频次为 0 次,会形成监管盲区;请填写大于 0 的频次,如 每年1次',
    irregular: '频次为“{received}”,未写明具体次数:已接受;如可能,请写明频次,如 每年1次',
    'as-needed': '频次为“{received}”,未写明具体次数:已接受;如可能,请写明频次,如 每年1次',
    invalid: '无法识别的频次“{received}”;应写成 每年1次、1次/年、每季度、不少于1次/年、不定期 等',
  },
  'en-US': {
    'too-frequent':
      'Too frequent: {perYear} inspections a year, more than {max}, which risks disturbing enterprises; confirm it is needed or lower it',
    zero: 'A frequency of 0 leaves a blind spot in supervision; give a frequency above 0, e.g. 每年1次',
    irregular: 'Frequency "{received}" gives no number: accepted; if possible state one, e.g. 每年1次',
    'as-needed': 'Frequency "{received}" gives no number: accepted; if possible state one, e.g. 每年1次',
    invalid: 'Unrecognised frequency "{received}"; write e.g. 每年1次, 1次/年, 每季度, 不少于1次/年, 不定期',
  },
};

// A full stop or comma left at the end of a cell: 每年1次。
const TRAILING_STOP = /[。.,;、]+$/;
type Bound = 'periodic' | 'atLeast' | 'atMost';

const N = String.raw`\d+(?:\.\d+)?`;
const OP = String.raw`(不少于|不低于|至少|最少|不超过|不多于|不高于|至多|最多|>=|≥|≧|<=|≤|≦|>|<|=)?`;
const TIMES = String.raw`(${N})(?:(?:-|~|至|到|—|–)(${N}))?次(以上|以下|以内)?`;
const PERIOD = String.raw`(\d+)?个?(半年|季度|季|年|月|周|星期|日|天)`;
// "Conduct a check" words between the period and the count: 每年抽查1次, 全年开展检查2次.
const VERB = '(?:开展|进行|实施|组织)?(?:随机|监督)?(?:抽查|检查|抽检|巡查)?';

// 每年1次, 一年一次 (1年1次), 每半年1次, 每2年1次, 年均1-2次, 每年不少于1次, 每年抽查1次.
const PERIOD_FIRST = new RegExp(String.raw`^(?:每|全)?${PERIOD}(?:均|度)?${VERB}${OP}${TIMES}$`);
// 1次/年, 2-3次每年, 不少于1次/年, 1次/2年.
const TIMES_FIRST = new RegExp(String.raw`^${OP}${TIMES}(?:/|每)${PERIOD}(?:度)?$`);
// 每季度, 每月, 每年: once per period.
const PERIOD_ONLY = new RegExp(String.raw`^每${PERIOD}(?:度)?${VERB}$`);
// 至少1次, 2次: per year.
const TIMES_ONLY = new RegExp(String.raw`^${OP}${TIMES}$`);
// The Jiangxi 双随机 platform's form, times per year: =1, >=1, ≥1, 1, 2-3.
const PLATFORM = new RegExp(String.raw`^${OP}(${N})(?:(?:-|~|至|到|—|–)(${N}))?$`);

const PER_YEAR: Record<string, number> = {
  半年: 2,
  季度: 4,
  季: 4,
  年: 1,
  月: 12,
  周: 52,
  星期: 52,
  日: 365,
  天: 365,
};
// Bound words; strict > and < read as inclusive, like the platform's >=.
const AT_LEAST = new Set(['不少于', '不低于', '至少', '最少', '>=', '≥', '≧', '>', '以上']);
const AT_MOST = new Set(['不超过', '不多于', '不高于', '至多', '最多', '<=', '≤', '≦', '<', '以下', '以内']);
const LABEL = /^(?:抽查|检查)?(?:频次|频率|周期)(?:为|:)?/;
const AS_NEEDED = /根据|依据|按需|视|酌情|需要|随时/;

/** Builds a value from a bound, the times (one number or a range) and how many periods make a year. */
function build(
  op: string | undefined,
  suffixOp: string | undefined,
  lo: string,
  hi: string | undefined,
  perYear: number,
) {
  const word = op ?? suffixOp ?? '';
  const bound: Bound = AT_LEAST.has(word) ? 'atLeast' : AT_MOST.has(word) ? 'atMost' : 'periodic';
  if (!Number.isFinite(perYear)) return undefined;
  const low = roundNoise(Number(lo) * perYear);
  if (hi !== undefined)
    return bound === 'periodic'
      ? ({ kind: 'range', perYearLow: low, perYearHigh: roundNoise(Number(hi) * perYear) } as const)
      : undefined;
  if (bound === 'atLeast') return { kind: 'atLeast', perYearLow: low } as const;
  if (bound === 'atMost') return { kind: 'atMost', perYearHigh: low } as const;
  return { kind: 'periodic', perYearLow: low, perYearHigh: low } as const;
}

/** Periods per year of 年, 半年, 季度, 2年, 3个月…: 每2年 → 0.5. */
function periodsPerYear(count: string | undefined, unit: string): number {
  return PER_YEAR[unit] / Number(count ?? 1);
}

/** The numeric reading of a frequency, or undefined. */
function readNumeric(t: string): FrequencyValue | undefined {
  let m = PERIOD_FIRST.exec(t);
  if (m) return build(m[3], m[6], m[4], m[5], periodsPerYear(m[1], m[2]));
  m = TIMES_FIRST.exec(t);
  if (m) return build(m[1], m[4], m[2], m[3], periodsPerYear(m[5], m[6]));
  m = PERIOD_ONLY.exec(t);
  if (m) return build(undefined, undefined, '1', undefined, periodsPerYear(m[1], m[2]));
  m = TIMES_ONLY.exec(t) ?? PLATFORM.exec(t);
  if (m) return build(m[1], m[4], m[2], m[3], 1);
  return undefined;
}

/**
 * Parses frequency text into times per year (每年1次, 1次/年, 一年一次, 每半年一次, 每季度, 至少1次, 2-3次/年,
 * 年均1-2次, =1, >=1, 1); 不定期 and 根据监管需要确定 parse with an info note; anything else fails `invalid`.
 */
export function parseFrequencyText(text: string): ParseResult<FrequencyValue> {
  const received = normaliseText(text);
  const t = dropInnerSpaces(replaceChineseNumbers(received)).replace(TRAILING_STOP, '').replace(LABEL, '');
  const value = readNumeric(t);
  if (value) return ok(value);
  // Words only: a number or % beside them (不定期/5%) is a combined cell, not a frequency.
  if (!/[\d%]/.test(t) && /不定期/.test(t))
    return ok({ kind: 'irregular' }, { id: 'irregular', params: { received } });
  if (!/[\d%]/.test(t) && AS_NEEDED.test(t))
    return ok({ kind: 'asNeeded' }, { id: 'as-needed', params: { received } });
  return fail('invalid', { received });
}

/** 扰企 (`too-frequent`): the least the text requires is above settings.frequency.maxPerYear; `zero`: at most 0. */
function checkFrequency(v: FrequencyValue, ctx: RuleContext): Finding[] {
  const max = ctx.settings.frequency.maxPerYear;
  if (v.perYearLow !== undefined && v.perYearLow > max)
    return [{ id: 'too-frequent', params: { perYear: v.perYearLow, max } }];
  const reach = v.perYearHigh ?? v.perYearLow;
  if (reach !== undefined && reach <= 0) return [{ id: 'zero', params: { value: reach } }];
  return [];
}

/** True when two frequencies mean the same (每年1次 = 1次/年 = =1 = 一年一次; 至少1次 ≠ 每年1次). */
export function sameFrequency(a: FrequencyValue, b: FrequencyValue): boolean {
  const eq = (x?: number, y?: number) =>
    x === undefined || y === undefined ? x === y : roundNoise(x) === roundNoise(y);
  return a.kind === b.kind && eq(a.perYearLow, b.perYearLow) && eq(a.perYearHigh, b.perYearHigh);
}

/** 检查频次 / 抽查频次 / 抽查周期: times per year; flags 扰企 (too frequent) and 0 次. */
export const frequencyRule: Rule<FrequencyValue> = {
  id: 'frequency',
  messages: frequencyMessages,
  parse: ({ text }) => parseFrequencyText(text),
  check: checkFrequency,
};
