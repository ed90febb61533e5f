import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { cellMeaning } from '../quantity';
import { splitRatioFrequency } from './split-ratio-frequency';

/** Which parts a combined cell gives: r (ratio), f (frequency). */
const given = (text: string) => {
  const p = splitRatioFrequency(text);
  return `${p.ratio !== undefined ? 'r' : ''}${p.frequency !== undefined ? 'f' : ''}`;
};

describe('splitRatioFrequency', () => {
  test.each<[string, string]>([
    ['25%,不少于1次/年', 'rf'],
    ['3%;2次/年', 'rf'],
    ['1次/年 100%', 'rf'],
    ['矿山企业抽查比例为30%,每年抽查1次', 'rf'],
    [cellText('5%，每年1次'), 'rf'],
    ['不低于5%/每年1次', 'rf'],
    ['10%(20户),每年1次', 'rf'],
    ['5%,不定期抽查', 'rf'],
    ['5%,根据监管需要确定', 'rf'],
    ['5%,=1', 'rf'],
    ['0.05,每年1次', 'rf'],
    ['5,=1', 'rf'],
    ['每季度抽查5%', 'rf'], // a quarterly ratio is sampled four times a year
    ['5%', 'r'],
    ['8%/年', 'r'],
    ['企业抽查比例为15%', 'r'],
    ['5', 'r'],
    ['每年1次', 'f'],
    ['=1', 'f'],
    ['不定期', 'f'],
    ['根据实际情况确定', 'rf'], // prose alone answers both
    ['abc', 'r'], // unreadable: one finding, on the ratio
    ['待定xyz', 'r'],
    ['', ''],
    ['  ', ''],
  ])('%j gives %s', (text, parts) => expect(given(text)).toBe(parts));

  test('each part is the whole cell, for its reader to take its own quantities from', () => {
    expect(splitRatioFrequency('定期抽查每年不少于1次,抽查比例不低于5%')).toEqual({
      ratio: '定期抽查每年不少于1次,抽查比例不低于5%',
      frequency: '定期抽查每年不少于1次,抽查比例不低于5%',
    });
  });
});

describe('splitRatioFrequency properties', () => {
  test('never throws', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...'0123456789.%-~/=≥,;、 每年月次不低于比例频次为(户)') }),
    );
    fc.assert(fc.property(anyText, (text) => expect(() => splitRatioFrequency(text)).not.toThrow()));
  });

  test('a generated ratio and frequency joined by any separator read back as both', () => {
    const percent = fc.integer({ min: 1, max: 10000 }).map((n) => n / 100);
    const times = fc.integer({ min: 1, max: 12 });
    const ratio = fc.oneof(
      percent.map((v) => [`${v}%`, `=${v}%`] as const),
      percent.map((v) => [`不低于${v}%`, `>=${v}%`] as const),
      percent.map((v) => [`≥${v}%`, `>=${v}%`] as const),
      fc.tuple(percent, percent).map(([a, b]) => [`${a}%-${b}%`, `${a}%..${b}%`] as const),
    );
    const frequency = fc.oneof(
      times.map((n) => [`每年${n}次`, `=${n}/y`] as const),
      times.map((n) => [`${n}次/年`, `=${n}/y`] as const),
      times.map((n) => [`不少于${n}次/年`, `>=${n}/y`] as const),
      times.map((n) => [`=${n}`, `=${n}/y`] as const),
      fc.constant(['每月一次', '=12/y'] as const),
      fc.constant(['不定期', 'irregular'] as const),
    );
    const separator = fc.constantFrom(',', ';', '、', ' ', '/', ', ', ' / ');
    fc.assert(
      fc.property(ratio, frequency, separator, fc.boolean(), ([r, rm], [f, fm], sep, ratioFirst) => {
        const text = ratioFirst ? `${r}${sep}${f}` : `${f}${sep}${r}`;
        expect(given(text)).toBe('rf');
        expect(cellMeaning(text, 'combined')).toBe(`ratio: ${rm} | frequency: ${fm}`);
      }),
    );
  });
});
