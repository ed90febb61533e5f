import { runRowRule } from '../../../test/helpers/rule-tester';
import { consistentRule } from './consistent.rule';

describe('consistent rule', () => {
  const run = (codes: string[]) =>
    runRowRule(
      consistentRule,
      { fields: ['agencyCode'] },
      codes.map((agencyCode) => ({ texts: { agencyCode } })),
    ).map((f) => ({ row: f.row, field: f.field, id: f.id, params: f.params }));

  test.each<[string, string[], Array<{ row: number; first: string; firstRow: number }>]>([
    ['the same code on every row passes', ['11360700MB1234567X', '11360700MB1234567X'], []],
    ['spaces and case do not count', ['11360700mb1234567x', ' 11360700 MB1234567X'], []],
    ['blank rows are skipped', ['', '11360700MB1234567X', '', '11360700MB1234567X'], []],
    [
      'a different code names the first row',
      ['', 'A1', 'A1', 'B2', 'A1'],
      [{ row: 5, first: 'A1', firstRow: 3 }],
    ],
  ])('%s', (_, codes, expected) => {
    expect(run(codes)).toEqual(
      expected.map((e) => ({
        row: e.row,
        field: 'agencyCode',
        id: 'differs',
        params: { first: e.first, firstRow: e.firstRow },
      })),
    );
  });
});
