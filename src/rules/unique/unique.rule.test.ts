import fc from 'fast-check';
import { LOCALES, fillTemplate } from '../../core/locale';
import { uniqueKey } from '../../core/normalise';
import { runRowRule } from '../../../test/helpers/rule-tester';
import { uniqueRule } from './unique.rule';

describe('unique rule', () => {
  const options = { fields: ['itemName', 'object'], mark: 'itemName' };
  test.each<[string, Array<Record<string, string>>, Array<{ row: number; firstRow: number; name: string }>]>([
    [
      'distinct rows pass',
      [
        { itemName: '甲', object: 'A' },
        { itemName: '乙', object: 'A' },
      ],
      [],
    ],
    [
      'a repeat names the first row',
      [{ itemName: '甲', object: 'A' }, { itemName: '乙' }, { itemName: '甲', object: 'A' }],
      [{ row: 4, firstRow: 2, name: '甲' }],
    ],
    [
      'spelling variants are the same key',
      [{ itemName: '对（食品）生产者的检查' }, { itemName: '对(食品)生产者的 检查' }],
      [{ row: 3, firstRow: 2, name: '对(食品)生产者的 检查' }],
    ],
    [
      'same name, other object is no duplicate',
      [
        { itemName: '甲', object: 'A' },
        { itemName: '甲', object: 'B' },
      ],
      [],
    ],
    [
      'rows without a name are skipped',
      [
        { itemName: '', object: 'A' },
        { itemName: '', object: 'A' },
      ],
      [],
    ],
    [
      'a third copy still points at the first',
      [{ itemName: '甲' }, { itemName: '甲' }, { itemName: '甲' }],
      [
        { row: 3, firstRow: 2, name: '甲' },
        { row: 4, firstRow: 2, name: '甲' },
      ],
    ],
  ])('%s', (_, rows, expected) => {
    const found = runRowRule(
      uniqueRule,
      options,
      rows.map((texts) => ({ texts })),
    );
    expect(found.map((f) => ({ row: f.row, field: f.field, id: f.id }))).toEqual(
      expected.map((e) => ({ row: e.row, field: 'itemName', id: 'duplicate' })),
    );
    expect(found.map((f) => f.params)).toEqual(expected.map((e) => ({ firstRow: e.firstRow, name: e.name })));
  });
});

test('rows under a name merged down over them are the named item, never its duplicate', () => {
  const found = runRowRule(uniqueRule, { fields: ['itemName'], mark: 'itemName' }, [
    { texts: { itemName: '甲' } },
    { texts: { itemName: '甲' }, borrowed: ['itemName'] },
    { texts: { itemName: '甲' } },
  ]);
  expect(found.map((f) => [f.row, f.params])).toEqual([[4, { firstRow: 2, name: '甲' }]]);
});

describe('unique messages', () => {
  test('duplicate fills {name} and {firstRow} in every locale', () => {
    for (const locale of LOCALES) {
      const text = fillTemplate(uniqueRule.messages[locale].duplicate!, {
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
  test('a name of spaces alone is neither flagged nor a first row', () => {
    const found = runRowRule(
      uniqueRule,
      { fields: ['itemName'], mark: 'itemName' },
      ['', ' ', '\u3000', ' '].map((n) => ({ texts: { itemName: n } })),
    );
    expect(found).toEqual([]);
  });

  test('a pass never throws and flags a row only when an earlier named row has its key', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 20 }), (names) => {
        const found = runRowRule(
          uniqueRule,
          { fields: ['itemName'], mark: 'itemName' },
          names.map((n) => ({ texts: { itemName: n } })),
        );
        const keys = names.map((n) => uniqueKey(n));
        const named = (i: number) => names[i]!.trim() !== '';
        const expected = names
          .map((_, i) => (named(i) && keys.some((k, j) => j < i && named(j) && k === keys[i]) ? i + 2 : 0))
          .filter((r) => r > 0);
        expect(found.map((f) => f.row)).toEqual(expected);
        for (const n of names) expect(uniqueKey(uniqueKey(n))).toBe(uniqueKey(n));
      }),
    );
  });
});
