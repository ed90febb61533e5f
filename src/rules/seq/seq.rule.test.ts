import fc from 'fast-check';
import { LOCALES, fillTemplate } from '../../core/locale';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { runRowRule, testRule } from '../../../test/helpers/rule-tester';
import { seqOrderRule, seqRule } from './seq.rule';

testRule(seqRule, {
  valid: [
    { cell: 1, value: 1 },
    { cell: 23, value: 23 },
    { cell: '1', value: 1 },
    { cell: '01', value: 1 },
    { cell: '007', value: 7 },
    { cell: '1.', value: 1 },
    { cell: '1、', value: 1 },
    { cell: '12.', value: 12 },
    { cell: '(1)', value: 1 },
    { cell: '（1）', value: 1 },
    { cell: '１２', value: 12 },
    { cell: ' 3 ', value: 3 },
    { cell: '一', value: 1 },
    { cell: '十二', value: 12 },
    { cell: '（一）', value: 1 },
    { cell: '二十三、', value: 23 },
    { cell: '第5', value: 5 },
  ],
  invalid: [
    { cell: 1.5, findings: [{ id: 'not-integer', params: { received: '1.5' } }] },
    { cell: -1, findings: [{ id: 'not-integer', params: { received: '-1' } }] },
    { cell: '1.5', findings: [{ id: 'not-integer', params: { received: '1.5' } }] },
    { cell: '1.1', findings: [{ id: 'not-integer' }] },
    { cell: '1-2', findings: [{ id: 'not-integer', params: { received: '1-2' } }] },
    { cell: 'a', findings: [{ id: 'not-integer', params: { received: 'a' } }] },
    { cell: '合计', findings: [{ id: 'not-integer', params: { received: '合计' } }] },
    { cell: '序号', findings: [{ id: 'not-integer' }] },
    { cell: '', findings: [{ id: 'not-integer', params: { received: '' } }] },
    { cell: true, findings: [{ id: 'not-integer', params: { received: 'TRUE' } }] },
    { cell: '1（', findings: [{ id: 'not-integer' }] },
  ],
});

describe('seq messages', () => {
  test('not-sequential fills {expected} and {received} in every locale', () => {
    for (const locale of LOCALES) {
      const text = fillTemplate(seqRule.messages[locale]['not-sequential']!, { expected: 4, received: 6 });
      expect(text).toMatch(/4.*6/);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('seq properties', () => {
  const settings = resolveSettings();
  test('parse never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        seqRule.parse({ text: cellText(s), value: s }, { settings });
      }),
    );
  });
  test('every natural number reads back, as a number cell and as text', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100000 }), (n) => {
        expect(seqRule.parse({ text: String(n), value: n }, { settings })).toEqual({
          ok: true,
          value: n,
          findings: [],
        });
        expect(seqRule.parse({ text: `${n}.`, value: `${n}.` }, { settings })).toEqual({
          ok: true,
          value: n,
          findings: [],
        });
      }),
    );
  });
});

describe('seq order rule', () => {
  const run = (rows: Array<{ seq: number | undefined; borrowed?: boolean }>) =>
    runRowRule(
      seqOrderRule,
      { field: 'seq' },
      rows.map((r) => ({
        texts: { seq: r.seq === undefined ? '' : String(r.seq) },
        parsed: { seq: r.seq },
        borrowed: r.borrowed ? ['seq'] : [],
      })),
    ).map((f) => ({ row: f.row, received: f.received, params: f.params }));

  test('numbers counting up by one pass, whatever the first', () => {
    expect(run([{ seq: 3 }, { seq: 4 }, { seq: 5 }])).toEqual([]);
  });
  test('a gap is reported with the number expected, and counting goes on from the number found', () => {
    expect(run([{ seq: 1 }, { seq: 2 }, { seq: 4 }, { seq: 5 }])).toEqual([
      { row: 4, received: '4', params: { expected: 3, received: 4 } },
    ]);
  });
  test('a merged or borrowed 序号, and a cell that is no number, are not counted', () => {
    expect(run([{ seq: 1 }, { seq: 1, borrowed: true }, { seq: undefined }, { seq: 2 }])).toEqual([]);
  });
});
