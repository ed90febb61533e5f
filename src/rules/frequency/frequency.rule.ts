import type { Finding } from '../../core/issue';
import type { MessageTable } from '../../core/locale';
import { normaliseText } from '../../core/normalise';
import { type FrequencyValue, frequencyReading, ratioReading, readFrequency } from '../quantity';
import { type ParseResult, type Rule, type RuleContext, fail, ok } from '../../core/rule';

export { type FrequencyValue, sameFrequency } from '../quantity';

/** Messages of the `frequency` rule. `{read}` / `{readEn}`: the value as read; `{tier}`: the tier a check is about. */
export const frequencyMessages: MessageTable = {
  'zh-CN': {
    'too-frequent':
      '{tier}抽查频次过高:每年 {perYear} 次,超过每年 {max} 次,易造成执法扰企;请确认确有必要,或降低频次',
    zero: '{tier}抽查频次为 0 次,会形成监管盲区;请填写大于 0 的频次,如 每年1次',
    hedged: '频次“{received}”带有“原则上”“一般”等限定词:已按“{read}”理解',
    tiered: '频次按层级或类别分别规定:已按“{read}”理解,并逐项检查',
    'per-validity': '频次按许可有效期计算:已按“{read}”理解',
    irregular: '频次为“{received}”,未写明具体次数:已接受;如可能,请写明频次,如 每年1次',
    'as-needed': '频次为“{received}”,未写明具体次数:已接受;如可能,请写明频次,如 每年1次',
    prose: '频次“{received}”未写明次数;请填写具体频次,如 每年1次 或 不少于1次/年',
    'ratio-only': '频次栏“{received}”只写了抽查比例(已按“{read}”理解),没有写检查频次;请填写频次,如 每年1次',
    absent: '“{received}”中没有写检查频次;请补写频次,如 每年1次',
    placeholder: '频次为“{received}”,但该事项纳入双随机抽查,应填写检查频次,如 每年1次',
    invalid: '无法识别的频次“{received}”;应写成 每年1次、1次/年、每季度、不少于1次/年、不定期 等',
  },
  'en-US': {
    'too-frequent':
      '{tier}Too frequent: {perYear} inspections a year, more than {max}, which risks disturbing enterprises; confirm it is needed or lower it',
    zero: '{tier}A frequency of 0 leaves a blind spot in supervision; give a frequency above 0, e.g. 每年1次',
    hedged: 'Frequency "{received}" is hedged (原则上, 一般 …): read as "{readEn}"',
    tiered: 'The frequency differs by level or class: read as "{readEn}", each tier checked',
    'per-validity': 'The frequency counts over a licence\'s validity: read as "{readEn}"',
    irregular: 'Frequency "{received}" gives no number: accepted; if possible state one, e.g. 每年1次',
    'as-needed': 'Frequency "{received}" gives no number: accepted; if possible state one, e.g. 每年1次',
    prose: 'Frequency "{received}" gives no number; state one, e.g. 每年1次 or 不少于1次/年',
    'ratio-only':
      'The frequency cell "{received}" gives only a ratio (read as "{readEn}") and no frequency; give one, e.g. 每年1次',
    absent: '"{received}" gives no frequency; add one, e.g. 每年1次',
    placeholder: 'The frequency is "{received}" but the item is a double-random one; give one, e.g. 每年1次',
    invalid: 'Unrecognised frequency "{received}"; write e.g. 每年1次, 1次/年, 每季度, 不少于1次/年, 不定期',
  },
};

const read = (v: FrequencyValue) => ({
  read: frequencyReading(v, 'zh-CN'),
  readEn: frequencyReading(v, 'en-US'),
});

/**
 * Parses frequency text into times per year (每年1次, 1次/年, 一年一次, 1次/季度, 每季度各抽查1次, 每半年一次,
 * 每2年不超过1次, 至少1次, 2-3次/年, 年均1-2次, 抽查1次, =1, >=1, 1) or over a licence's validity (许可有效期内不超过2次);
 * tiers (市局每年1次;县局每季度1次) each with its scope. Hedged, tiered and validity values, 不定期, 根据监管需要确定
 * and prose parse with a note saying what was read; anything else fails.
 */
export function parseFrequencyText(text: string, ctx?: RuleContext): ParseResult<FrequencyValue> {
  const received = normaliseText(text);
  const r = readFrequency(received);
  if (!r.ok) {
    if (r.why === 'placeholder')
      return ctx?.doubleRandom ? fail('placeholder', { received }) : { ok: false, findings: [] };
    if (r.why === 'other-part' && r.other)
      return fail('ratio-only', {
        received,
        read: ratioReading(r.other, 'zh-CN'),
        readEn: ratioReading(r.other, 'en-US'),
      });
    return fail('invalid', { received });
  }
  const v = r.value;
  const note = (id: string): Finding => ({ id, params: { received, ...read(v) } });
  if (v.kind === 'irregular') return ok(v, note('irregular'));
  if (v.kind === 'asNeeded') return ok(v, note('as-needed'));
  if (v.kind === 'prose') return ok(v, note('prose'));
  if (v.kind === 'tiered') return ok(v, note('tiered'));
  if (v.validity) return ok(v, note('per-validity'));
  if (v.hedged) return ok(v, note('hedged'));
  return ok(v);
}

/**
 * 扰企 (`too-frequent`): the least the text requires is above settings.frequency.maxPerYear; `zero`: at most 0.
 * Each tier of a tiered frequency is checked on its own.
 */
function checkFrequency(v: FrequencyValue, ctx: RuleContext, tier = ''): Finding[] {
  if (v.kind === 'tiered') {
    const out: Finding[] = [];
    for (const t of v.tiers ?? []) out.push(...checkFrequency(t.value, ctx, `[${t.scope}] `));
    return out;
  }
  const max = ctx.settings.frequency.maxPerYear;
  if (v.perYearLow !== undefined && v.perYearLow > max)
    return [{ id: 'too-frequent', params: { perYear: v.perYearLow, max, tier } }];
  const reach = v.validity ? (v.validity.high ?? v.validity.low) : (v.perYearHigh ?? v.perYearLow);
  if (reach !== undefined && reach <= 0) return [{ id: 'zero', params: { value: reach, tier } }];
  return [];
}

/** 检查频次 / 抽查频次 / 抽查周期: times per year or per validity; flags 扰企 (too frequent) and 0 次 in each tier. */
export const frequencyRule: Rule<FrequencyValue> = {
  id: 'frequency',
  messages: frequencyMessages,
  severities: {
    invalid: 'error',
    placeholder: 'error',
    prose: 'warning',
    'ratio-only': 'warning',
    absent: 'warning',
    hedged: 'info',
    tiered: 'info',
    'per-validity': 'info',
    'too-frequent': 'warning',
    zero: 'warning',
    irregular: 'info',
    'as-needed': 'info',
  },
  parse: ({ text }, ctx) => parseFrequencyText(text, ctx),
  check: (v, ctx) => checkFrequency(v, ctx),
};
