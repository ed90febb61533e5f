import type { ClearReport } from '../../src/core/workbook-port';
import {
  cellsToProbe,
  emptyClearReport,
  placeRecords,
  planClear,
  type RecordedCell,
  rowsMoved,
  sheetGone,
} from '../../src/hosts/mark-clear';

/** A record of a mark at a cell, with its row's fingerprint when marked. */
const rec = (r: number, c: number, k: string): RecordedCell => ({ n: '清单', r, c, k });

/** A sheet now: the fingerprint of each row, by row number (1-based). */
const sheetOf = (rows: string[]) => ({
  keyAt: (row: number) => rows[row - 1],
  rowsWith: (key: string) => rows.flatMap((k, i) => (k === key ? [i + 1] : [])),
});

/** Placements as `R<was>C<column>→<now>` (lost: `R<was>C<column>→?`), in the order decided. */
function placements(recs: RecordedCell[], rows: string[]): string[] {
  const { placed, lost } = placeRecords(recs, sheetOf(rows).keyAt, sheetOf(rows).rowsWith);
  return [...placed.map((p) => `R${p.rec.r}C${p.rec.c}→${p.row}`), ...lost.map((r) => `R${r.r}C${r.c}→?`)];
}

describe('where each recorded mark is now', () => {
  test.each<[string, RecordedCell[], string[], string[]]>([
    [
      'rows unchanged: every mark where it was',
      [rec(2, 1, 'a'), rec(3, 2, 'b')],
      ['h', 'a', 'b'],
      ['R2C1→2', 'R3C2→3'],
    ],
    [
      'a row inserted above: the mark goes down with its row',
      [rec(2, 1, 'a')],
      ['h', 'new', 'a'],
      ['R2C1→3'],
    ],
    ['a row deleted above: the mark goes up with its row', [rec(3, 1, 'b')], ['h', 'b'], ['R3C1→2']],
    [
      'rows sorted: each mark follows its own row',
      [rec(2, 1, 'a'), rec(3, 1, 'b')],
      ['h', 'b', 'a'],
      ['R2C1→3', 'R3C1→2'],
    ],
    [
      'two equal rows moved: each mark takes the nearest, one row each',
      [rec(2, 1, 'd'), rec(4, 1, 'd')],
      ['h', 'x', 'd', 'y', 'd'],
      ['R2C1→3', 'R4C1→5'],
    ],
    [
      'the only row with the fingerprint holds a mark in that column already: lost',
      [rec(2, 1, 'p'), rec(4, 1, 'p')],
      ['h', 'p', 'x', 'q'],
      ['R2C1→2', 'R4C1→?'],
    ],
    [
      'the same row in another column is free: found there',
      [rec(2, 1, 'p'), rec(4, 2, 'p')],
      ['h', 'p', 'x', 'q'],
      ['R2C1→2', 'R4C2→2'],
    ],
    ['the row edited in place (no row has its fingerprint): lost', [rec(2, 1, 'a')], ['h', 'a2'], ['R2C1→?']],
    ['the row deleted at the end of the sheet: lost', [rec(3, 1, 'b')], ['h', 'a'], ['R3C1→?']],
  ])('%s', (_, recs, rows, expected) => {
    expect(placements(recs, rows)).toEqual(expected);
  });

  test('the sheet is searched only when a row no longer matches', () => {
    const recs = [rec(2, 1, 'a'), rec(3, 1, 'b')];
    const { keyAt } = sheetOf(['h', 'a', 'b']);
    expect(rowsMoved(recs, keyAt)).toBe(false);
    expect(
      placeRecords(recs, keyAt, () => {
        throw new Error('searched');
      }).lost,
    ).toEqual([]);
    expect(rowsMoved(recs, sheetOf(['h', 'b', 'a']).keyAt)).toBe(true);
  });
});

describe('what 清除标记 restores, skips and reports', () => {
  /** `ours`: the cells (`R<row>C<column>`) that still have our mark colour. */
  test.each<[string, RecordedCell[], string[], string[], string[], Partial<ClearReport>]>([
    [
      'marks in place, our colour on them: all restored',
      [rec(2, 1, 'a'), rec(3, 1, 'b')],
      ['h', 'a', 'b'],
      ['R2C1', 'R3C1'],
      ['R2C1 fill', 'R3C1 fill'],
      { restored: 2, relocated: 0, skipped: [] },
    ],
    [
      'a mark whose row moved: restored where it is now, counted as relocated',
      [rec(2, 1, 'a')],
      ['h', 'new', 'a'],
      ['R3C1'],
      ['R3C1 fill'],
      { restored: 1, relocated: 1, skipped: [] },
    ],
    [
      'the person changed the fill: the note goes, the fill stays, the cell is named',
      [rec(2, 1, 'a'), rec(3, 1, 'b')],
      ['h', 'a', 'b'],
      ['R3C1'],
      ['R2C1 note only', 'R3C1 fill'],
      { restored: 1, skipped: [{ sheet: '检查实施清单', address: 'A2', reason: 'changed' }] },
    ],
    [
      'the row was edited in place, our colour still there: restored where it was',
      [rec(2, 1, 'a')],
      ['h', 'a edited'],
      ['R2C1'],
      ['R2C1 fill'],
      { restored: 1, relocated: 0, skipped: [] },
    ],
    [
      'the row was edited and recoloured: left alone, reported as moved',
      [rec(2, 3, 'a')],
      ['h', 'a edited'],
      [],
      [],
      { restored: 0, skipped: [{ sheet: '检查实施清单', address: 'C2', reason: 'moved' }] },
    ],
    [
      'a lost mark whose cell another mark was found at: not restored twice',
      [rec(2, 1, 'x'), rec(3, 1, 'a')],
      ['h', 'q', 'x'],
      ['R3C1'],
      ['R3C1 fill'],
      { restored: 1, relocated: 1, skipped: [{ sheet: '检查实施清单', address: 'A3', reason: 'moved' }] },
    ],
  ])('%s', (_, recs, rows, ours, restores, report) => {
    const sheet = sheetOf(rows);
    const placement = placeRecords(recs, sheet.keyAt, sheet.rowsWith);
    const asked = new Set(cellsToProbe(placement).map((p) => `R${p.row}C${p.rec.c}`));
    const out = emptyClearReport();
    const plan = planClear(
      '检查实施清单',
      placement,
      (r, row) => {
        // Every fill the plan asks about is one the adapter was told to probe.
        expect(asked).toContain(`R${row}C${r.c}`);
        return ours.includes(`R${row}C${r.c}`);
      },
      out,
    );
    expect(plan.map((p) => `R${p.row}C${p.rec.c} ${p.fill ? 'fill' : 'note only'}`).sort()).toEqual(restores);
    expect(out).toMatchObject(report);
  });

  test('a mark on a deleted sheet is reported under the name the sheet had', () => {
    const out = emptyClearReport();
    sheetGone(out, { n: '旧表', r: 4, c: 2, k: 'a' });
    expect(out).toEqual({
      restored: 0,
      relocated: 0,
      kept: 0,
      skipped: [{ sheet: '旧表', address: 'B4', reason: 'sheet-deleted' }],
    });
  });
});
