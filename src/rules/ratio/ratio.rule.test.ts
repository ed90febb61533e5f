import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { type RatioValue, parseRatioText, ratioRule, sameRatio } from './ratio.rule';

const exact = (n: number): RatioValue => ({ kind: 'exact', low: n, high: n });
const range = (low: number, high: number): RatioValue => ({ kind: 'range', low, high });
const doubleRandom = { doubleRandom: true };

testRule(ratioRule, {
  valid: [
    // Plain percentages, typed and as number cells with a % format (5% is 5, never 0.05).
    { cell: '5%', value: exact(5) },
    { cell: '0.5%', value: exact(0.5) },
    { cell: 0.05, format: '0%', value: exact(5) },
    { cell: 0.05, format: '0.00%', value: exact(5) },
    { cell: 0.005, format: '0.0%', value: exact(0.5) },
    { cell: '５％', value: exact(5) },
    { cell: ' 5 % ', value: exact(5) },
    { cell: '5%。', value: exact(5) },
    { cell: '=50%', value: exact(50) },
    { cell: '百分之五', value: exact(5) },
    { cell: '百分之十五', value: exact(15) },
    { cell: '5%', ctx: doubleRandom, value: exact(5) },
    // Lower bounds.
    { cell: '不低于5%', value: { kind: 'atLeast', low: 5 } },
    { cell: '全年抽查比例不低于5%', value: { kind: 'atLeast', low: 5 } },
    { cell: '不低于0.5%', value: { kind: 'atLeast', low: 0.5 } },
    { cell: '≥10%', value: { kind: 'atLeast', low: 10 } },
    { cell: '>=10%', value: { kind: 'atLeast', low: 10 } },
    { cell: '不少于3%', value: { kind: 'atLeast', low: 3 } },
    { cell: '5%以上', value: { kind: 'atLeast', low: 5 } },
    // Upper bounds: not a 扰企 commitment even at 100%.
    { cell: '不超过5%', value: { kind: 'atMost', high: 5 } },
    { cell: '不高于10%', value: { kind: 'atMost', high: 10 } },
    { cell: '≤5%', value: { kind: 'atMost', high: 5 } },
    { cell: '不超过100%', ctx: doubleRandom, value: { kind: 'atMost', high: 100 } },
    // Ranges.
    { cell: '5%-10%', value: range(5, 10) },
    { cell: '5%~10%', value: range(5, 10) },
    { cell: '5%～10%', value: range(5, 10) },
    { cell: '5%至10%', value: range(5, 10) },
    { cell: '10-20%', value: range(10, 20) },
    { cell: '2%-5%', value: range(2, 5) },
    { cell: '0%-5%', ctx: doubleRandom, value: range(0, 5) },
    // Words around one percentage.
    { cell: '矿山企业抽查比例为30%', value: exact(30) },
    { cell: '抽查比例:5%', value: exact(5) },
    { cell: '100%全覆盖', value: exact(100) },
    { cell: '全覆盖', value: exact(100) },
    { cell: '10%(20户)', value: { kind: 'exact', low: 10, high: 10, count: 20, countUnit: '户' } },
    { cell: '10%（20家）', value: { kind: 'exact', low: 10, high: 10, count: 20, countUnit: '家' } },
    // Thresholds from settings: a blind spot only on a 双随机 item unless the ratio is 0.
    { cell: '5%', ctx: { settings: resolveSettings({ ratio: { blindSpotAtOrBelow: 5 } }) }, value: exact(5) },
    { cell: '100%', value: exact(100) },
    // Bare numbers: ≤ 1 a fraction, > 1 already a percent; noted.
    {
      cell: '2-5',
      value: range(2, 5),
      findings: [
        { id: 'bare-number', params: { received: '2-5', read: '2%-5%', readEn: '2%-5%', value: 2 } },
      ],
    },
    {
      cell: '5',
      value: exact(5),
      findings: [{ id: 'bare-number', params: { received: '5', read: '5%', value: 5 } }],
    },
    { cell: 5, value: exact(5), findings: [{ id: 'bare-number', params: { value: 5 } }] },
    {
      cell: '0.05',
      value: exact(5),
      findings: [{ id: 'bare-number', params: { received: '0.05', value: 5 } }],
    },
    {
      cell: 0.05,
      value: exact(5),
      findings: [{ id: 'bare-number', params: { received: '0.05', value: 5 } }],
    },
    { cell: '0.1-0.2', value: range(10, 20), findings: [{ id: 'bare-number', params: { read: '10%-20%' } }] },
    {
      cell: '≥10',
      value: { kind: 'atLeast', low: 10 },
      findings: [{ id: 'bare-number', params: { read: '不低于10%', readEn: 'at least 10%' } }],
    },
    // Counts, not ratios.
    {
      cell: '60-70家',
      value: { kind: 'count', low: 60, high: 70, countUnit: '家' },
      findings: [{ id: 'count', params: { received: '60-70家', unit: '家' } }],
    },
    {
      cell: '1户',
      value: { kind: 'count', low: 1, high: 1, countUnit: '户' },
      findings: [{ id: 'count', params: { received: '1户', unit: '户' } }],
    },
    {
      cell: '20家',
      value: { kind: 'count', low: 20, high: 20, countUnit: '家' },
      findings: [{ id: 'count', params: { received: '20家', unit: '家' } }],
    },
    { cell: '不少于20家', value: { kind: 'count', low: 20, countUnit: '家' }, findings: [{ id: 'count' }] },
    // Alternatives: what any of them allows (a ratio per inspection counted over the year's inspections).
    { cell: '每年1次20%；或者每年2次各10%', value: exact(20) },
    { cell: '不低于5%;或每年2次各5%', value: { kind: 'atLeast', low: 5 } },
    // A year is not the value; a count alone in brackets is a count.
    { cell: '2020年5%', value: exact(5) },
    {
      cell: '(20户)',
      value: { kind: 'count', low: 20, high: 20, countUnit: '户' },
      findings: [{ id: 'count', params: { read: '20户' } }],
    },
    // Prose that fixes no number.
    {
      cell: '根据实际情况确定',
      value: { kind: 'prose' },
      findings: [{ id: 'prose', params: { received: '根据实际情况确定' } }],
    },
    {
      cell: '按需抽查',
      value: { kind: 'prose' },
      findings: [{ id: 'prose', params: { received: '按需抽查' } }],
    },
    {
      cell: '视情况而定',
      value: { kind: 'prose' },
      findings: [{ id: 'prose', params: { received: '视情况而定' } }],
    },
  ],
  invalid: [
    { cell: '10%;或者xyz', findings: [{ id: 'invalid' }] },
    { cell: '150%', findings: [{ id: 'out-of-range', params: { value: 150 } }] },
    { cell: 1.5, format: '0%', findings: [{ id: 'out-of-range', params: { value: 150 } }] },
    { cell: '-5%', findings: [{ id: 'out-of-range', params: { value: -5 } }] },
    { cell: '50%-120%', findings: [{ id: 'out-of-range', params: { value: 120 } }] },
    { cell: '10%-5%', findings: [{ id: 'inverted-range', params: { low: 10, high: 5 } }] },
    // 0% is a blind spot on any item; a written 0% says "never inspected".
    { cell: '0%', findings: [{ id: 'zero', params: { value: 0, threshold: 0 } }] },
    { cell: '0%', ctx: doubleRandom, findings: [{ id: 'zero', params: { value: 0, threshold: 0 } }] },
    { cell: 0, format: '0%', findings: [{ id: 'zero', params: { value: 0 } }] },
    { cell: '不超过0%', findings: [{ id: 'zero', params: { value: 0 } }] },
    {
      cell: '0',
      findings: [
        { id: 'bare-number', params: { received: '0' } },
        { id: 'zero', params: { value: 0 } },
      ],
    },
    {
      cell: '5%',
      ctx: { doubleRandom: true, settings: resolveSettings({ ratio: { blindSpotAtOrBelow: 5 } }) },
      findings: [{ id: 'zero', params: { value: 5, threshold: 5 } }],
    },
    // 扰企: only on a 双随机 item, and only what the text requires (its lower bound).
    {
      cell: '100%',
      ctx: doubleRandom,
      findings: [{ id: 'disturb', params: { value: 100, threshold: 100 } }],
    },
    {
      cell: '100%全覆盖',
      ctx: doubleRandom,
      findings: [{ id: 'disturb', params: { value: 100, threshold: 100 } }],
    },
    { cell: '不低于100%', ctx: doubleRandom, findings: [{ id: 'disturb', params: { value: 100 } }] },
    { cell: 1, format: '0%', ctx: doubleRandom, findings: [{ id: 'disturb', params: { value: 100 } }] },
    {
      cell: '50%',
      ctx: { doubleRandom: true, settings: resolveSettings({ ratio: { disturbAtOrAbove: 50 } }) },
      findings: [{ id: 'disturb', params: { value: 50, threshold: 50 } }],
    },
    // Nonsense.
    { cell: 'abc', findings: [{ id: 'invalid', params: { received: 'abc' } }] },
    { cell: '是', findings: [{ id: 'invalid', params: { received: '是' } }] },
    { cell: '5%%x', findings: [{ id: 'invalid', params: { received: '5%%x' } }] },
    { cell: '5%x', findings: [{ id: 'invalid' }] },
    { cell: '', findings: [{ id: 'invalid', params: { received: '' } }] },
    { cell: '5%-10%-20%', findings: [{ id: 'invalid' }] },
    { cell: '不低于5%-10%', findings: [{ id: 'invalid' }] },
    // A frequency alone is the other part: said, with what was read; not an unreadable cell.
    {
      cell: '每年1次',
      findings: [{ id: 'frequency-only', params: { received: '每年1次', read: '每年1次' } }],
    },
    { cell: '5%x', findings: [{ id: 'invalid' }] },
    { cell: 'xyz', findings: [{ id: 'invalid' }] },
    { cell: '/', ctx: doubleRandom, findings: [{ id: 'placeholder' }] },
  ],
});

describe('parseRatioText', () => {
  test.each<[string, RatioValue]>([
    ['150%', exact(150)],
    ['-5%', exact(-5)],
    ['10%-5%', range(10, 5)],
    ['0%', exact(0)],
    ['0.05', exact(5)],
    ['1', exact(100)],
    ['百分之五', exact(5)],
  ])('%s → %j', (text, value) => {
    const r = parseRatioText(text);
    expect(r.ok && r.value).toEqual(value);
  });
});

describe('sameRatio', () => {
  const read = (text: string) => {
    const r = parseRatioText(text);
    if (!r.ok) throw new Error(`no parse: ${text}`);
    return r.value;
  };
  test.each([
    ['5%', cellText(0.05, '0%')],
    ['5%', '百分之五'],
    ['5%', '=5%'],
    ['5%', '0.05'],
    ['5%-10%', '5%~10%'],
    ['10-20%', '10%至20%'],
    ['不低于5%', '≥5%'],
    ['10%(20户)', '10%'],
    ['60-70家', '60-70家'],
    ['根据实际情况确定', '视情况而定'],
  ])('%s = %s', (a, b) => expect(sameRatio(read(a), read(b))).toBe(true));
  test.each([
    ['不低于5%', '5%'],
    ['不超过5%', '5%'],
    ['5%', '5.5%'],
    ['5%-10%', '5%-20%'],
    ['20家', '20户'],
    ['5%', '5家'],
  ])('%s ≠ %s', (a, b) => expect(sameRatio(read(a), read(b))).toBe(false));
});

describe('ratio properties', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom(...'0123456789.%-~至百分之五十不低于超过≥≤<=>(户家)为比例每年次 ,/') }),
  );
  test('parseRatioText never throws and always answers', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parseRatioText(text);
        // A placeholder (/, 无) on an item that is not 双随机 is as good as blank: no value, nothing to say.
        const placeholder = /^[/\\\-—–~_.。、\s]+$|^(无|暂无|不涉及|不适用|空|未定)$/.test(text.trim());
        expect(r.ok || r.findings.length > 0 || placeholder).toBe(true);
      }),
    );
  });

  // 0–100 with up to 2 decimals; shortest decimal spelling as a person would type it.
  const percent = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
  test('generated spellings parse back to the value that made them', () => {
    const spelling = fc.oneof(
      percent.map((v) => [`${v}%`, exact(v)] as const),
      percent.map((v) => [`不低于${v}%`, { kind: 'atLeast', low: v }] as const),
      percent.map((v) => [`≥${v}%`, { kind: 'atLeast', low: v }] as const),
      percent.map((v) => [`不超过${v}%`, { kind: 'atMost', high: v }] as const),
      fc.tuple(percent, percent).map(([a, b]) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return [`${lo}%-${hi}%`, range(lo, hi)] as const;
      }),
      percent.map((v) => [cellText(v / 100, '0.00%'), exact(v)] as const),
    );
    fc.assert(
      fc.property(spelling, ([text, value]) => {
        const r = parseRatioText(text);
        expect(r.ok && r.value).toEqual(value);
        expect(r.findings).toEqual([]);
      }),
    );
  });
});
