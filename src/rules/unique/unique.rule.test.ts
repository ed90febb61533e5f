import fc from 'fast-check';
import { LOCALES, fillTemplate } from '../../core/locale';
import { cellText, uniqueKey } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { uniqueRule } from './unique.rule';

testRule(uniqueRule, {
  valid: [
    { cell: '对食品生产经营者的监督检查', value: '对食品生产经营者的监督检查' },
    { cell: ' 对药品经营企业的监督检查 ', value: '对药品经营企业的监督检查' },
  ],
  invalid: [],
});

describe('unique messages', () => {
  test('duplicate fills {name} and {firstRow} in every locale', () => {
    for (const locale of LOCALES) {
      const text = fillTemplate(uniqueRule.messages[locale].duplicate, {
        name: '对食品生产经营者的监督检查',
        firstRow: 5,
      });
      expect(text).toContain('对食品生产经营者的监督检查');
      expect(text).toContain('5');
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('uniqueKey', () => {
  test.each([
    ['对食品生产经营者的监督检查', '对食品生产经营者的 监督检查'],
    ['对“双随机”事项的检查', '对"双随机"事项的检查'],
    ['ISO认证机构检查', 'iso认证机构检查'],
    ['对（食品）生产者的检查', '对(食品)生产者的检查'],
  ])('%s ≡ %s', (a, b) => expect(uniqueKey(a)).toBe(uniqueKey(b)));

  test('different names stay different', () => {
    expect(uniqueKey('对食品生产者的检查')).not.toBe(uniqueKey('对食品经营者的检查'));
  });
});

describe('unique properties', () => {
  const settings = resolveSettings();
  test('parse never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        expect(uniqueRule.parse({ text: cellText(s), value: s }, { settings }).ok).toBe(true);
        expect(uniqueKey(uniqueKey(s))).toBe(uniqueKey(s));
      }),
    );
  });
});
