import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { SCALE, scaleRule } from './scale.rule';
import { matchEnum } from '../enum/enum.rule';

testRule(scaleRule, {
  valid: [
    { cell: '中型', value: '中型' },
    { cell: '小型', value: '小型' },
    { cell: '微型', value: '微型' },
    { cell: ' 小型 ', value: '小型' },
    { cell: '小 型', value: '小型' },
    { cell: '小型企业', value: '小型' },
    { cell: '微型企业', value: '微型' },
    { cell: '中型企业', value: '中型' },
    { cell: '小', value: '小型' },
    { cell: '微', value: '微型' },
    { cell: '小型(工业)', value: '小型' },
    { cell: '微型（服务业）', value: '微型' },
  ],
  invalid: [
    // 大型 is read (the tally excludes it) and rejected: not a 中小微企业.
    { cell: '大型', findings: [{ id: 'not-eligible' }] },
    { cell: '大型企业', findings: [{ id: 'not-eligible' }] },
    { cell: '大', findings: [{ id: 'not-eligible' }] },
    { cell: '小微', findings: [{ id: 'invalid', params: { received: '小微' } }] },
    { cell: '小微企业', findings: [{ id: 'invalid' }] },
    { cell: '中小型', findings: [{ id: 'invalid' }] },
    { cell: '大中型', findings: [{ id: 'invalid' }] },
    { cell: '个体工商户', findings: [{ id: 'invalid', params: { received: '个体工商户' } }] },
    { cell: '规上企业', findings: [{ id: 'invalid' }] },
    { cell: 3, findings: [{ id: 'invalid', params: { received: '3' } }] },
  ],
});

describe('scale', () => {
  const settings = resolveSettings();
  test('大型 parses to 大型, so the tally can exclude it', () => {
    const r = scaleRule.parse({ text: '大型企业', value: '大型企业' }, { settings });
    expect(r).toEqual({ ok: true, value: '大型', findings: [] });
  });
  test('every alias maps to a value of the table', () => {
    for (const [alias, value] of Object.entries(SCALE.aliases ?? {}))
      expect(matchEnum(alias, SCALE)).toBe(value);
  });
  test('parse never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        const r = scaleRule.parse({ text: cellText(s), value: s }, { settings });
        if (r.ok) expect(SCALE.values).toContain(r.value);
      }),
    );
  });
});
