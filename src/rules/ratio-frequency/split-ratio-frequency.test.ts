import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { type RatioFrequencyParts, splitRatioFrequency } from './split-ratio-frequency';

describe('splitRatioFrequency', () => {
  test.each<[string, RatioFrequencyParts]>([
    // Real combined cells (抽查比例及频次).
    ['25%,不少于1次/年', { ratio: '25%', frequency: '不少于1次/年' }],
    ['3%;2次/年', { ratio: '3%', frequency: '2次/年' }],
    ['1次/年 100%', { ratio: '100%', frequency: '1次/年' }],
    ['矿山企业抽查比例为30%,每年抽查1次', { ratio: '矿山企业抽查比例为30%', frequency: '每年抽查1次' }],
    [cellText('5%，每年1次'), { ratio: '5%', frequency: '每年1次' }],
    ['5%、每季度一次', { ratio: '5%', frequency: '每季度一次' }],
    ['比例5% 频次每年1次', { ratio: '比例5%', frequency: '频次每年1次' }],
    ['不低于5%/每年1次', { ratio: '不低于5%', frequency: '每年1次' }],
    ['不低于5% / 每年1次', { ratio: '不低于5%', frequency: '每年1次' }],
    ['每年1次/5%', { ratio: '5%', frequency: '每年1次' }],
    ['5%-10%,2-3次/年', { ratio: '5%-10%', frequency: '2-3次/年' }],
    ['10%(20户),每年1次', { ratio: '10%(20户)', frequency: '每年1次' }],
    ['5%,不定期抽查', { ratio: '5%', frequency: '不定期抽查' }],
    ['5%,根据监管需要确定', { ratio: '5%', frequency: '根据监管需要确定' }],
    // A bare number fills the empty slot (the platform's =1 is a frequency beside a ratio).
    ['5%,=1', { ratio: '5%', frequency: '=1' }],
    ['5%/=1', { ratio: '5%', frequency: '=1' }],
    ['0.05,每年1次', { ratio: '0.05', frequency: '每年1次' }],
    // Only one part.
    ['5%', { ratio: '5%' }],
    ['不低于5%', { ratio: '不低于5%' }],
    ['每年1次', { frequency: '每年1次' }],
    ['1次/年', { frequency: '1次/年' }],
    ['1次/2年', { frequency: '1次/2年' }],
    ['每年 1次', { frequency: '每年 1次' }],
    // Two bare numbers: the ratio, then the frequency; prose alone answers both parts.
    ['5,=1', { ratio: '5', frequency: '=1' }],
    ['根据实际情况确定', { ratio: '根据实际情况确定', frequency: '根据实际情况确定' }],
    ['企业抽查比例为15%,检查1次', { ratio: '企业抽查比例为15%', frequency: '检查1次' }],
    ['矿山企业抽查比例为30%每年抽查1次', { ratio: '矿山企业抽查比例为30%', frequency: '每年抽查1次' }],
    ['市级3% 县级8%,每年1次', { ratio: '市级3% 县级8%', frequency: '每年1次' }],
    // Text that is neither part is kept as rest; garbage or nothing readable comes back whole as the ratio.
    ['5%,每年1次,备注见附件', { ratio: '5%', frequency: '每年1次', rest: '备注见附件' }],
    ['abc', { ratio: 'abc' }],
    ['待定xyz', { ratio: '待定xyz' }],
    ['待定', { ratio: '待定' }],
    ['', {}],
    ['  ', {}],
  ])('%j → %j', (text, parts) => expect(splitRatioFrequency(text)).toEqual(parts));
});

describe('splitRatioFrequency properties', () => {
  test('never throws', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...'0123456789.%-~/=≥,;、 每年月次不低于比例频次为(户)') }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(() => splitRatioFrequency(text)).not.toThrow();
      }),
    );
  });

  test('a generated ratio and frequency joined by any separator split back', () => {
    const percent = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);
    const times = fc.integer({ min: 1, max: 12 });
    const ratio = fc.oneof(
      percent.map((v) => `${v}%`),
      percent.map((v) => `不低于${v}%`),
      percent.map((v) => `≥${v}%`),
      fc.tuple(percent, percent).map(([a, b]) => `${a}%-${b}%`),
    );
    const frequency = fc.oneof(
      times.map((n) => `每年${n}次`),
      times.map((n) => `${n}次/年`),
      times.map((n) => `不少于${n}次/年`),
      times.map((n) => `=${n}`),
      fc.constant('每月一次'),
      fc.constant('不定期'),
    );
    const separator = fc.constantFrom(',', ';', '、', ' ', '/', ', ', ' / ');
    fc.assert(
      fc.property(ratio, frequency, separator, fc.boolean(), (r, f, sep, ratioFirst) => {
        const text = ratioFirst ? `${r}${sep}${f}` : `${f}${sep}${r}`;
        expect(splitRatioFrequency(text)).toEqual({ ratio: r, frequency: f });
      }),
    );
  });
});
