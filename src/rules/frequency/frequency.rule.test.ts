import fc from 'fast-check';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { type FrequencyValue, frequencyRule, parseFrequencyText, sameFrequency } from './frequency.rule';

const periodic = (n: number): FrequencyValue => ({ kind: 'exact', perYearLow: n, perYearHigh: n });
const atLeast = (n: number): FrequencyValue => ({ kind: 'atLeast', perYearLow: n });
const range = (lo: number, hi: number): FrequencyValue => ({
  kind: 'range',
  perYearLow: lo,
  perYearHigh: hi,
});

testRule(frequencyRule, {
  valid: [
    { cell: '每年1次', value: periodic(1) },
    { cell: '1次/年', value: periodic(1) },
    { cell: '１次／年', value: periodic(1) },
    { cell: '一年一次', value: periodic(1) },
    { cell: '每年一次', value: periodic(1) },
    { cell: '每年两次', value: periodic(2) },
    { cell: '每年 1 次', value: periodic(1) },
    { cell: '每年1次。', value: periodic(1) },
    { cell: '每年度1次', value: periodic(1) },
    { cell: '每年抽查1次', value: periodic(1) },
    { cell: '全年开展检查2次', value: periodic(2) },
    { cell: '抽查频次:每年1次', value: periodic(1) },
    { cell: '每半年一次', value: periodic(2) },
    { cell: '每两年一次', value: periodic(0.5) },
    { cell: '三年一次', value: periodic(0.333333333333) },
    { cell: '每月一次', value: periodic(12) },
    { cell: '每季度一次', value: periodic(4) },
    { cell: '每季度', value: periodic(4) },
    { cell: '每月', value: periodic(12) },
    { cell: '每年', value: periodic(1) },
    { cell: '每两个月一次', value: periodic(6) },
    { cell: '1次/2年', value: periodic(0.5) },
    // Bounds and ranges.
    { cell: '至少1次', value: atLeast(1) },
    { cell: '不少于1次/年', value: atLeast(1) },
    { cell: '每年不少于1次', value: atLeast(1) },
    { cell: '每年1次以上', value: atLeast(1) },
    { cell: '每年不超过2次', value: { kind: 'atMost', perYearHigh: 2 } },
    { cell: '不超过52次/年', value: { kind: 'atMost', perYearHigh: 52 } },
    { cell: '2-3次每年', value: range(2, 3) },
    { cell: '2-3次/年', value: range(2, 3) },
    { cell: '年均1-2次', value: range(1, 2) },
    // The Jiangxi 双随机 platform's form: times per year.
    { cell: '=1', value: periodic(1) },
    { cell: '>=1', value: atLeast(1) },
    { cell: '≥1', value: atLeast(1) },
    { cell: '1', value: periodic(1) },
    { cell: 1, value: periodic(1) },
    { cell: '1次', value: periodic(1) },
    // Threshold: 12 a year (monthly) is the default maximum, not above it.
    { cell: '每月1次', ctx: { doubleRandom: true }, value: periodic(12) },
    // The frequency of a cell that also gives the ratio.
    { cell: '25%,不少于1次/年', value: atLeast(1) },
    // Alternatives (或者 / 或 / 或是): what any of them allows, not tiers.
    { cell: '每年1次20%；或者每年2次各10%', value: range(1, 2) },
    { cell: '每季度1次;或每年2次', value: range(2, 4) },
    { cell: '每年1次30%;或是每年分批抽查30%', value: atLeast(1) },
    // Accepted with a note.
    {
      cell: '不定期',
      value: { kind: 'irregular' },
      findings: [{ id: 'irregular', params: { received: '不定期' } }],
    },
    {
      cell: '不定期抽查',
      value: { kind: 'irregular' },
      findings: [{ id: 'irregular', params: { received: '不定期抽查' } }],
    },
    {
      cell: '根据监管需要确定',
      value: { kind: 'asNeeded' },
      findings: [{ id: 'as-needed', params: { received: '根据监管需要确定' } }],
    },
    {
      cell: '根据工作需要',
      value: { kind: 'asNeeded' },
      findings: [{ id: 'as-needed', params: { received: '根据工作需要' } }],
    },
    {
      cell: '按需',
      value: { kind: 'asNeeded' },
      findings: [{ id: 'as-needed', params: { received: '按需' } }],
    },
  ],
  invalid: [
    { cell: '每周一次', findings: [{ id: 'too-frequent', params: { perYear: 52, max: 12 } }] },
    { cell: '每日', findings: [{ id: 'too-frequent', params: { perYear: 365, max: 12 } }] },
    { cell: '每天一次', findings: [{ id: 'too-frequent', params: { perYear: 365 } }] },
    { cell: '每月3次', findings: [{ id: 'too-frequent', params: { perYear: 36, max: 12 } }] },
    { cell: '=13', findings: [{ id: 'too-frequent', params: { perYear: 13 } }] },
    {
      cell: '每月一次',
      ctx: { settings: resolveSettings({ frequency: { maxPerYear: 4 } }) },
      findings: [{ id: 'too-frequent', params: { perYear: 12, max: 4 } }],
    },
    { cell: '0次', findings: [{ id: 'zero', params: { value: 0 } }] },
    { cell: '每年0次', findings: [{ id: 'zero' }] },
    { cell: '=0', findings: [{ id: 'zero' }] },
    { cell: 'abc', findings: [{ id: 'invalid', params: { received: 'abc' } }] },
    { cell: '5%', findings: [{ id: 'ratio-only', params: { received: '5%', read: '5%' } }] },
    { cell: '是', findings: [{ id: 'invalid' }] },
    { cell: '年', findings: [{ id: 'invalid' }] },
    { cell: '每', findings: [{ id: 'invalid' }] },
    { cell: '每0年1次', findings: [{ id: 'invalid' }] },
    { cell: '不少于1-2次', findings: [{ id: 'invalid' }] },
    { cell: '每年1次xyz', findings: [{ id: 'invalid' }] },
    { cell: '每年1次;或者xyz', findings: [{ id: 'invalid' }] },
    { cell: '随便查', findings: [{ id: 'invalid' }] },
    { cell: '—', ctx: { doubleRandom: true }, findings: [{ id: 'placeholder' }] },
    { cell: '', findings: [{ id: 'invalid', params: { received: '' } }] },
  ],
});

describe('sameFrequency', () => {
  const read = (text: string) => {
    const r = parseFrequencyText(text);
    if (!r.ok) throw new Error(`no parse: ${text}`);
    return r.value;
  };
  test.each([
    ['每年1次', '1次/年'],
    ['每年1次', '=1'],
    ['每年1次', '一年一次'],
    ['每年1次', '1'],
    ['每季度', '每季度一次'],
    ['每季度', '4次/年'],
    ['每半年一次', '每年两次'],
    ['至少1次', '>=1'],
    ['2-3次每年', '2-3次/年'],
    ['不定期', '不定期抽查'],
  ])('%s = %s', (a, b) => expect(sameFrequency(read(a), read(b))).toBe(true));
  test.each([
    ['至少1次', '每年1次'],
    ['每年1次', '每年2次'],
    ['1-2次/年', '1次/年'],
    ['不定期', '按需'],
  ])('%s ≠ %s', (a, b) => expect(sameFrequency(read(a), read(b))).toBe(false));
});

describe('frequency properties', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({
      unit: fc.constantFrom(...'0123456789.-~/=<>≥一二两三十每年半季度月周日次个不少于至多以上定期根据需要 '),
    }),
  );
  test('parseFrequencyText never throws and always answers', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parseFrequencyText(text);
        // A placeholder (/, 无) on an item that is not 双随机 is as good as blank: no value, nothing to say.
        const placeholder = /^[/\\\-—–~_.。、\s]+$|^(无|暂无|不涉及|不适用|空|未定)$/.test(text.trim());
        expect(r.ok || r.findings.length > 0 || placeholder).toBe(true);
      }),
    );
  });

  const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  const times = fc.integer({ min: 1, max: 12 });
  test('generated spellings parse back to their times per year', () => {
    const spelling = fc.oneof(
      times.map((n) => [`每年${n}次`, periodic(n)] as const),
      times.map((n) => [`每年${CN[n - 1]}次`, periodic(n)] as const),
      times.map((n) => [`${n}次/年`, periodic(n)] as const),
      times.map((n) => [`=${n}`, periodic(n)] as const),
      times.map((n) => [`>=${n}`, atLeast(n)] as const),
      times.map((n) => [`不少于${n}次/年`, atLeast(n)] as const),
      fc.tuple(times, times).map(([a, b]) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return [`${lo}-${hi}次/年`, range(lo, hi)] as const;
      }),
      fc.constant(['每月一次', periodic(12)] as const),
      fc.constant(['每季度一次', periodic(4)] as const),
    );
    fc.assert(
      fc.property(spelling, ([text, value]) => {
        const r = parseFrequencyText(text);
        expect(r.ok && r.value).toEqual(value);
        expect(r.findings).toEqual([]);
      }),
    );
  });
});
