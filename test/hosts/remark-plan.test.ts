import type { MergeRange } from '../../src/core/grid';
import type { Severity } from '../../src/core/issue';
import type { CellMark } from '../../src/core/workbook-port';
import {
  groupTargets,
  masterLookup,
  type MarkedCell,
  planRemark,
  type Target,
} from '../../src/hosts/remark-plan';

const mark = (row: number, column: number, severity: Severity = 'error', note = ''): CellMark => ({
  sheet: '清单',
  row,
  column,
  severity,
  note,
});

/** Targets as `A1 error [notes]`, in the order planned. */
const shown = (targets: readonly Target[]) =>
  targets.map(
    (t) =>
      `${String.fromCharCode(64 + t.column)}${t.row} ${t.severity}${t.notes.length ? ` ${t.notes.join('|')}` : ''}`,
  );

class Outside extends Error {}

const plan = (marks: CellMark[], merges: MergeRange[] = []) =>
  shown(groupTargets(marks, masterLookup(merges), (cell) => new Outside(cell)));

describe('which cell each mark goes on', () => {
  const merged: MergeRange = { top: 2, left: 2, bottom: 4, right: 3 }; // B2:C4

  test.each<[string, CellMark[], MergeRange[], string[]]>([
    ['one mark, one cell', [mark(2, 1, 'error', '必填')], [], ['A2 error 必填']],
    [
      'a merged follower: the merge’s top-left cell',
      [mark(4, 3, 'warning', '格式')],
      [merged],
      ['B2 warning 格式'],
    ],
    [
      'marks on one merge: one target, the worst severity, every distinct note in order',
      [mark(3, 2, 'info', '甲'), mark(2, 2, 'error', '乙'), mark(4, 3, 'warning', '甲')],
      [merged],
      ['B2 error 甲|乙'],
    ],
    [
      'a huge merge (a whole column) is found by range',
      [mark(900_000, 5, 'info', '空')],
      [{ top: 1, left: 5, bottom: 1_048_576, right: 5 }],
      ['E1 info 空'],
    ],
    ['a mark with no note: a target with none', [mark(5, 4, 'warning')], [], ['D5 warning']],
    [
      'cells in first-seen order',
      [mark(9, 1), mark(2, 2), mark(9, 1, 'info', 'x')],
      [],
      ['A9 error x', 'B2 error'],
    ],
  ])('%s', (_, marks, merges, targets) => {
    expect(plan(marks, merges)).toEqual(targets);
  });

  test.each<[string, CellMark, string]>([
    ['row 0', mark(0, 1), 'R0C1'],
    ['column 0', mark(1, 0), 'R1C0'],
    ['a fractional row', mark(1.5, 1), 'R1.5C1'],
    ['no row at all', mark(Number.NaN, 2), 'RNaNC2'],
    ['a row past the sheet', mark(1_048_577, 1), 'A1048577'],
    ['a column past XFD', mark(1, 16_385), 'XFE1'],
  ])('a mark on a cell no sheet has is refused before anything: %s', (_, bad, cell) => {
    const marks = [mark(2, 1), bad];
    expect(() => groupTargets(marks, masterLookup([]), (c) => new Outside(c))).toThrow(new Outside(cell));
  });
});

interface Rec extends MarkedCell {
  id: string;
}

describe('what marking a sheet again does with its cells and records', () => {
  const rec = (id: string, r: number, c: number): Rec => ({ id, r, c });
  const target = (row: number, column: number): Target => ({ row, column, severity: 'error', notes: [] });

  /** The plan as `target←record` (`new` when the cell had none) and the records dropped. */
  function planned(records: Rec[], targets: Target[], reset?: number[]) {
    const p = planRemark(records, targets, reset ? new Set(reset) : undefined);
    return {
      marks: p.marks.map((m) => `R${m.target.row}C${m.target.column}←${m.rec?.id ?? 'new'}`),
      dropped: p.dropped.map((r) => r.id),
    };
  }

  test.each<[string, Rec[], Target[], number[] | undefined, string[], string[]]>([
    [
      'first marking: every cell new',
      [],
      [target(2, 1), target(3, 2)],
      undefined,
      ['R2C1←new', 'R3C2←new'],
      [],
    ],
    [
      'a cell marked again keeps its record (its first original)',
      [rec('a', 2, 1)],
      [target(2, 1), target(2, 2)],
      undefined,
      ['R2C1←a', 'R2C2←new'],
      [],
    ],
    [
      'marks only added: an old mark the targets miss stays',
      [rec('a', 2, 1), rec('b', 5, 1)],
      [target(2, 1)],
      undefined,
      ['R2C1←a'],
      [],
    ],
    [
      'a re-checked row: its old mark no longer given is dropped',
      [rec('a', 2, 1), rec('b', 2, 3)],
      [target(2, 1)],
      [2],
      ['R2C1←a'],
      ['b'],
    ],
    [
      'a re-checked row with no problem left: every mark on it dropped',
      [rec('a', 2, 1), rec('b', 2, 3), rec('c', 7, 1)],
      [],
      [2],
      [],
      ['a', 'b'],
    ],
    [
      'rows not re-checked keep their marks, even when no target names them',
      [rec('a', 2, 1), rec('c', 7, 1)],
      [target(2, 1)],
      [2, 3],
      ['R2C1←a'],
      [],
    ],
    [
      'a target on a row not re-checked still finds its record',
      [rec('c', 7, 1)],
      [target(7, 1)],
      [2],
      ['R7C1←c'],
      [],
    ],
    [
      'the same column on another row is another cell',
      [rec('a', 2, 1)],
      [target(3, 1)],
      [2, 3],
      ['R3C1←new'],
      ['a'],
    ],
  ])('%s', (_, records, targets, reset, marks, dropped) => {
    expect(planned(records, targets, reset)).toEqual({ marks, dropped });
  });
});
