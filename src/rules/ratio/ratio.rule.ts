import type { Finding } from '../../core/issue';
import type { MessageTable } from '../../core/locale';
import { normaliseText } from '../../core/normalise';
import { frequencyReading, ratioReading, readRatio, type RatioValue } from '../quantity';
import { type ParseResult, type Rule, type RuleContext, fail, ok } from '../../core/rule';

export { type RatioValue, sameRatio } from '../quantity';

/** Messages of the `ratio` rule. `{read}` / `{readEn}`: the value as read; `{tier}`: the tier a check is about. */
export const ratioMessages: MessageTable = {
  'zh-CN': {
    'bare-number': '比例“{received}”缺少百分号,已按“{read}”理解;请写成带 % 的比例,如 5%',
    count:
      '“{received}”是检查户数,不是比例:已按“{read}”理解;请填写抽查比例(如 5%),户数可写在括号里,如 10%(20户)',
    hedged: '比例“{received}”带有“原则上”“一般”等限定词:已按“{read}”理解',
    tiered: '比例按层级或类别分别规定:已按“{read}”理解,并逐项检查',
    'officer-ratio':
      '“{received}”是执法人员与检查对象的配比,不是抽查比例:已按“{read}”理解;如可能,请同时写明抽查比例,如 5%',
    'out-of-range': '{tier}比例超出范围:{value}%,应在 0%–100% 之间',
    'inverted-range': '{tier}比例范围上下限颠倒:{low}%–{high}%,应小值在前,如 {high}%–{low}%',
    zero: '{tier}抽查比例仅 {value}%,会形成监管盲区;应高于 {threshold}%',
    disturb: '{tier}抽查比例达 {value}%(不低于 {threshold}%),易造成执法扰企;请确认确有必要,或降低比例',
    prose: '比例“{received}”未写明数值;请填写具体比例,如 5% 或 不低于5%',
    'frequency-only': '比例栏“{received}”只写了检查频次(已按“{read}”理解),没有写抽查比例;请填写比例,如 5%',
    absent: '“{received}”中没有写抽查比例;请补写比例,如 5%',
    placeholder: '比例为“{received}”,但该事项纳入双随机抽查,应填写抽查比例,如 5%',
    invalid: '无法识别的比例“{received}”;应为百分比,如 5%、不低于5%、5%-10%',
  },
  'en-US': {
    'bare-number':
      'Ratio "{received}" has no percent sign and was read as "{readEn}"; write it with %, e.g. 5%',
    count:
      '"{received}" is a number of enterprises, not a ratio: read as "{readEn}"; give a percentage (e.g. 5%), the count may follow in brackets, e.g. 10%(20户)',
    hedged: 'Ratio "{received}" is hedged (原则上, 一般 …): read as "{readEn}"',
    tiered: 'The ratio differs by level or class: read as "{readEn}", each tier checked',
    'officer-ratio':
      '"{received}" gives officers to objects, not a ratio: read as "{readEn}"; if possible give the ratio as well, e.g. 5%',
    'out-of-range': '{tier}Ratio out of range: {value}%; it must be between 0% and 100%',
    'inverted-range':
      '{tier}Ratio range is upside down: {low}%–{high}%; put the smaller value first, e.g. {high}%–{low}%',
    zero: '{tier}A ratio of only {value}% leaves a blind spot in supervision; it must be above {threshold}%',
    disturb:
      '{tier}A ratio of {value}% (at or above {threshold}%) risks disturbing enterprises; confirm it is needed or lower it',
    prose: 'Ratio "{received}" gives no number; give a percentage, e.g. 5% or 不低于5%',
    'frequency-only':
      'The ratio cell "{received}" gives only a frequency (read as "{readEn}") and no ratio; give a percentage, e.g. 5%',
    absent: '"{received}" gives no ratio; add one, e.g. 5%',
    placeholder: 'The ratio is "{received}" but the item is a double-random one; give a ratio, e.g. 5%',
    invalid: 'Unrecognised ratio "{received}"; expected a percentage such as 5%, 不低于5%, 5%-10%',
  },
};

const read = (v: RatioValue) => ({ read: ratioReading(v, 'zh-CN'), readEn: ratioReading(v, 'en-US') });

/**
 * Parses ratio text (any spelling: 5%, 不低于5%, 原则上不得低于全部监管对象的3%, ≥10%, 5%-10%, 10-20%, 百分之五, 3‰,
 * 10%(20户), 市级3% 县级8%, 按1:8的比例, 2-5, 60-70家, 根据实际情况确定). Bare numbers, counts, hedged, tiered and
 * officer-ratio values and prose parse with a note saying what was read; anything else fails.
 */
export function parseRatioText(text: string, ctx?: RuleContext): ParseResult<RatioValue> {
  const received = normaliseText(text);
  const r = readRatio(received);
  if (!r.ok) {
    if (r.why === 'placeholder')
      return ctx?.doubleRandom ? fail('placeholder', { received }) : { ok: false, findings: [] };
    if (r.why === 'other-part' && r.other)
      return fail('frequency-only', {
        received,
        read: frequencyReading(r.other, 'zh-CN'),
        readEn: frequencyReading(r.other, 'en-US'),
      });
    return fail('invalid', { received });
  }
  const v = r.value;
  const notes: Finding[] = [];
  if (r.bare)
    notes.push({ id: 'bare-number', params: { received, ...read(v), value: v.low ?? v.high ?? 0 } });
  else if (v.kind === 'count')
    notes.push({ id: 'count', params: { received, unit: v.countUnit ?? '', ...read(v) } });
  else if (v.kind === 'prose') notes.push({ id: 'prose', params: { received } });
  else if (v.kind === 'officerRatio') notes.push({ id: 'officer-ratio', params: { received, ...read(v) } });
  else if (v.kind === 'tiered') notes.push({ id: 'tiered', params: { received, ...read(v) } });
  else if (v.hedged) notes.push({ id: 'hedged', params: { received, ...read(v) } });
  return ok(v, ...notes);
}

/**
 * Range checks on a parsed ratio, each tier of a tiered one on its own. Blind spot (`zero`): the most the text
 * allows (high, else low) is at or below settings.ratio.blindSpotAtOrBelow — on a 双随机 item always, on any
 * item when it is 0% or less, because a written 0% says "never inspected" whatever the method. 扰企
 * (`disturb`): the least it requires (low) is at or above settings.ratio.disturbAtOrAbove, on 双随机 items only.
 */
function checkRatio(v: RatioValue, ctx: RuleContext, tier = ''): Finding[] {
  if (v.kind === 'tiered') {
    const out: Finding[] = [];
    for (const t of v.tiers ?? []) out.push(...checkRatio(t.value, ctx, `[${t.scope}] `));
    return out;
  }
  if (v.kind === 'count' || v.kind === 'prose' || v.kind === 'officerRatio') return [];
  const bad = [v.low, v.high].find((n) => n !== undefined && (n < 0 || n > 100));
  if (bad !== undefined) return [{ id: 'out-of-range', params: { value: bad, tier } }];
  if (v.kind === 'range' && (v.low as number) > (v.high as number)) {
    return [{ id: 'inverted-range', params: { low: v.low as number, high: v.high as number, tier } }];
  }
  const { blindSpotAtOrBelow, disturbAtOrAbove } = ctx.settings.ratio;
  const reach = (v.high ?? v.low) as number;
  if (reach <= blindSpotAtOrBelow && (ctx.doubleRandom || reach <= 0)) {
    return [{ id: 'zero', params: { value: reach, threshold: blindSpotAtOrBelow, tier } }];
  }
  if (ctx.doubleRandom && v.low !== undefined && v.low >= disturbAtOrAbove) {
    return [{ id: 'disturb', params: { value: v.low, threshold: disturbAtOrAbove, tier } }];
  }
  return [];
}

/** 检查比例 / 抽查比例: a percentage, a bound, a range or tiers; flags blind spots (盲区) and 扰企 in each tier. */
export const ratioRule: Rule<RatioValue> = {
  id: 'ratio',
  messages: ratioMessages,
  // Ratio and frequency (README "Severity policy"): an error only where the cell states nothing usable and is
  // not deliberate prose; a warning where a number, or a part of a combined cell, is missing; an info where a
  // hedged, tiered, officer-ratio or per-validity value was read.
  severities: {
    invalid: 'error',
    placeholder: 'error',
    'out-of-range': 'error',
    'inverted-range': 'error',
    'bare-number': 'warning',
    count: 'warning',
    zero: 'warning',
    disturb: 'warning',
    prose: 'warning',
    'frequency-only': 'warning',
    absent: 'warning',
    hedged: 'info',
    tiered: 'info',
    'officer-ratio': 'info',
  },
  parse: ({ text }, ctx) => parseRatioText(text, ctx),
  check: (v, ctx) => checkRatio(v, ctx),
};
