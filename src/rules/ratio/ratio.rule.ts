import type { Finding } from '../../core/issue';
import type { MessageTable } from '../../core/locale';
import { dropInnerSpaces, normaliseText, replaceChineseNumbers, roundNoise } from '../../core/normalise';
import { type ParseResult, type Rule, type RuleContext, fail, ok } from '../../core/rule';

/** A 检查比例 in percent units (5% is 5): exact low = high, atLeast low, atMost high, range low–high. */
export interface RatioValue {
  kind: 'exact' | 'atLeast' | 'atMost' | 'range' | 'count' | 'prose';
  /** Lower bound in percent; for kind count, a number of enterprises (60-70家 → 60). */
  low?: number;
  /** Upper bound in percent; for kind count, a number of enterprises (60-70家 → 70). */
  high?: number;
  /** The unit of a count: 家, 户… (kind count, or beside a ratio with `count`). */
  countUnit?: string;
  /** A count written beside a ratio, 10%(20户) → 20; not part of the ratio's meaning. */
  count?: number;
}

/** Messages of the `ratio` rule. */
export const ratioMessages: MessageTable = {
  'zh-CN': {
    'bare-number': '比例“{received}”缺少百分号,已按 {read} 理解;请写成带 % 的比例,如 5%',
    count: '“{received}”是检查户数,不是比例;请填写抽查比例(如 5%),户数可写在括号里,如 10%(20户)',
    'out-of-range': '比例超出范围:{value}%,应在 0%–100% 之间',
    'inverted-range': '比例范围上下限颠倒:{low}%–{high}%,应小值在前,如 {high}%–{low}%',
    zero: '抽查比例仅 {value}%,会形成监管盲区;应高于 {threshold}%',
    disturb: '抽查比例达 {value}%(不低于 {threshold}%),易造成执法扰企;请确认确有必要,或降低比例',
    prose: '比例“{received}”未写明数值;请填写具体比例,如 5% 或 不低于5%',
    invalid: '无法识别的比例“{received}”;应为百分比,如 5%、不低于5%、5%-10%',
  },
  'en-US': {
    'bare-number': 'Ratio "{received}" has no percent sign and was read as {read}; write it with %, e.g. 5%',
    count:
      '"{received}" is a number of enterprises, not a ratio; give a percentage (e.g. 5%), the count may follow in brackets, e.g. 10%(20户)',
    'out-of-range': 'Ratio out of range: {value}%; it must be between 0% and 100%',
    'inverted-range':
      'Ratio range is upside down: {low}%–{high}%; put the smaller value first, e.g. {high}%–{low}%',
    zero: 'A ratio of only {value}% leaves a blind spot in supervision; it must be above {threshold}%',
    disturb:
      'A ratio of {value}% (at or above {threshold}%) risks disturbing enterprises; confirm it is needed or lower it',
    prose: 'Ratio "{received}" gives no number; give a percentage, e.g. 5% or 不低于5%',
    invalid: 'Unrecognised ratio "{received}"; expected a percentage such as 5%, 不低于5%, 5%-10%',
  },
};

const NUM = String.raw`\d+(?:\.\d+)?`;
// One number or a range, each side with an optional %; a leading minus only on a single number (-5%).
const CORE = new RegExp(String.raw`(-?${NUM})(%?)(?:(?:-|~|至|到|—|–)(${NUM})(%?))?`);
// A full stop or comma left at the end of a cell: 每年1次。
const TRAILING_STOP = /[。.,;、]+$/;
type Bound = 'exact' | 'atLeast' | 'atMost';
// A bound written just before the number; strict > and < are read as inclusive (a list fixes no finer step).
const BOUND_BEFORE: Array<[RegExp, Bound]> = [
  [/(?:不低于|不少于|不小于|大于等于|至少|最少|最低|>=|≥|≧|>)$/, 'atLeast'],
  [/(?:不超过|不高于|不大于|不多于|小于等于|至多|最多|最高|<=|≤|≦|<)$/, 'atMost'],
  [/=$/, 'exact'],
];
const SUFFIX_OP = /^(以上|以下|以内|左右)/;
const COUNT_UNIT = /^(家次|户次|批次|家|户|个|人|处|所|座|辆|件|批)/;
// A count noted in brackets beside a ratio: 10%(20户).
const COUNT_NOTE = /\((\d+)(家次|户次|家|户|个|处|所)\)/;
// Words around a number that do not change it: 矿山企业抽查比例为30%, 100%全覆盖.
const PROSE_AROUND = /^[\u4e00-\u9fff:,.()、]*$/;
// Text that fixes no number but is a deliberate answer, not a typo.
const PROSE_WORDS = /根据|依据|按照|按需|视|酌情|情况|需要|实际|确定|而定|另行|动态/;

/** A bare number without %: ≤ 1 is a fraction (0.05 → 5), above 1 already a percent (5 → 5). */
function barePercent(n: number, all: number[]): number {
  return all.every((x) => x >= 0 && x <= 1) ? roundNoise(n * 100) : n;
}

/** How a ratio reads back, for messages: 5%, ≥5%, 2%–5%. */
function showRatio(v: RatioValue): string {
  if (v.kind === 'atLeast') return `≥${v.low}%`;
  if (v.kind === 'atMost') return `≤${v.high}%`;
  if (v.kind === 'range') return `${v.low}%–${v.high}%`;
  return `${v.low}%`;
}

/**
 * Parses ratio text (any spelling: 5%, 不低于5%, ≥10%, 5%-10%, 10-20%, 百分之五, 10%(20户), 2-5, 60-70家,
 * 根据实际情况确定). Bare numbers, counts and prose parse with a note finding; anything else fails `invalid`.
 */
export function parseRatioText(text: string): ParseResult<RatioValue> {
  const received = normaliseText(text);
  let t = dropInnerSpaces(replaceChineseNumbers(received)).replace(TRAILING_STOP, '').replace(/−/g, '-');
  if (t === '全覆盖') return ok({ kind: 'exact', low: 100, high: 100 });

  const note = COUNT_NOTE.exec(t);
  if (note) t = t.replace(note[0], '');

  const m = CORE.exec(t);
  if (!m) {
    if (!note && /[\u4e00-\u9fff]/.test(t) && PROSE_WORDS.test(t))
      return ok({ kind: 'prose' }, { id: 'prose', params: { received } });
    return fail('invalid', { received });
  }
  let before = t.slice(0, m.index);
  let after = t.slice(m.index + m[0].length);
  const isRange = m[3] !== undefined;
  const hasPercent = m[2] === '%' || m[4] === '%';

  let op: Bound | undefined;
  for (const [re, kind] of BOUND_BEFORE) {
    if (re.test(before)) {
      op = kind;
      before = before.replace(re, '');
      break;
    }
  }

  const unit = hasPercent ? undefined : COUNT_UNIT.exec(after)?.[1];
  if (unit) after = after.slice(unit.length);
  const suffix = SUFFIX_OP.exec(after)?.[1];
  if (suffix) {
    after = after.slice(suffix.length);
    op ??= suffix === '以上' ? 'atLeast' : suffix === '左右' ? 'exact' : 'atMost';
  }
  // Other numbers, % signs or Latin letters around the ratio make it unreadable (5%%x, 2020年5%).
  if (!PROSE_AROUND.test(before) || !PROSE_AROUND.test(after)) return fail('invalid', { received });
  // A bare number stands alone (2-5, 0.05); with words around it it is something else (每年1次).
  if (!hasPercent && !unit && before + after !== '') return fail('invalid', { received });
  // 不低于5%-10% fixes nothing a reader can rely on.
  if (isRange && op && op !== 'exact') return fail('invalid', { received });
  const kind: RatioValue['kind'] = isRange ? 'range' : (op ?? 'exact');

  const a = Number(m[1]);
  const b = isRange ? Number(m[3]) : a;
  if (unit) {
    const value: RatioValue = { kind: 'count', countUnit: unit };
    if (kind !== 'atMost') value.low = a;
    if (kind !== 'atLeast') value.high = b;
    return ok(value, { id: 'count', params: { received, unit } });
  }
  const findings: Finding[] = [];
  const [low, high] = hasPercent ? [a, b] : [barePercent(a, [a, b]), barePercent(b, [a, b])];
  const value: RatioValue = { kind };
  if (kind !== 'atMost') value.low = low;
  if (kind !== 'atLeast') value.high = high;
  if (note) Object.assign(value, { count: Number(note[1]), countUnit: note[2] });
  if (!hasPercent)
    findings.push({ id: 'bare-number', params: { received, read: showRatio(value), value: low } });
  return ok(value, ...findings);
}

/**
 * Range checks on a parsed ratio. Blind spot (`zero`): the most the text allows (high, else low) is at or below
 * settings.ratio.blindSpotAtOrBelow — on a 双随机 item always, on any item when it is 0% or less, because a
 * written 0% says "never inspected" whatever the method. 扰企 (`disturb`): the least it requires (low) is at or
 * above settings.ratio.disturbAtOrAbove, on 双随机 items only.
 */
function checkRatio(v: RatioValue, ctx: RuleContext): Finding[] {
  if (v.kind === 'count' || v.kind === 'prose') return [];
  const bad = [v.low, v.high].find((n) => n !== undefined && (n < 0 || n > 100));
  if (bad !== undefined) return [{ id: 'out-of-range', params: { value: bad } }];
  if (v.kind === 'range' && (v.low as number) > (v.high as number)) {
    return [{ id: 'inverted-range', params: { low: v.low as number, high: v.high as number } }];
  }
  const { blindSpotAtOrBelow, disturbAtOrAbove } = ctx.settings.ratio;
  const reach = (v.high ?? v.low) as number;
  if (reach <= blindSpotAtOrBelow && (ctx.doubleRandom || reach <= 0)) {
    return [{ id: 'zero', params: { value: reach, threshold: blindSpotAtOrBelow } }];
  }
  if (ctx.doubleRandom && v.low !== undefined && v.low >= disturbAtOrAbove) {
    return [{ id: 'disturb', params: { value: v.low, threshold: disturbAtOrAbove } }];
  }
  return [];
}

/** True when two ratios mean the same: same kind and bounds (5% = 0.05 with a % format = 百分之五; 不低于5% ≠ 5%). */
export function sameRatio(a: RatioValue, b: RatioValue): boolean {
  const eq = (x?: number, y?: number) =>
    x === undefined || y === undefined ? x === y : roundNoise(x) === roundNoise(y);
  if (a.kind !== b.kind || !eq(a.low, b.low) || !eq(a.high, b.high)) return false;
  return a.kind !== 'count' || a.countUnit === b.countUnit;
}

/** 检查比例 / 抽查比例: a percentage, a bound or a range; flags blind spots (盲区) and 扰企. */
export const ratioRule: Rule<RatioValue> = {
  id: 'ratio',
  messages: ratioMessages,
  parse: ({ text }) => parseRatioText(text),
  check: checkRatio,
};
