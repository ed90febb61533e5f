import fc from 'fast-check';
import { cellKey, SHEET_COLUMNS, SHEET_ROWS } from '../../src/core/cell-key';

describe('the one cell key', () => {
  const cell = fc.record({
    row: fc.integer({ min: 1, max: SHEET_ROWS }),
    column: fc.integer({ min: 1, max: SHEET_COLUMNS }),
  });

  test('two different cells never share a key, at the edges of a sheet too', () => {
    const edges = [
      { row: 1, column: 1 },
      { row: 1, column: SHEET_COLUMNS },
      { row: 2, column: 1 },
      { row: SHEET_ROWS, column: SHEET_COLUMNS },
      { row: SHEET_ROWS - 1, column: SHEET_COLUMNS },
    ];
    expect(new Set(edges.map((c) => cellKey(c.row, c.column))).size).toBe(edges.length);
    fc.assert(
      fc.property(cell, cell, (a, b) => {
        const same = a.row === b.row && a.column === b.column;
        expect(cellKey(a.row, a.column) === cellKey(b.row, b.column)).toBe(same);
      }),
    );
  });

  test('keys are exact integers and order cells row by row', () => {
    expect(Number.isSafeInteger(cellKey(SHEET_ROWS, SHEET_COLUMNS))).toBe(true);
    expect(cellKey(3, SHEET_COLUMNS)).toBeLessThan(cellKey(4, 1));
    expect(cellKey(3, 2)).toBeLessThan(cellKey(3, 3));
  });
});
