import type { CellMark } from '../../../src/core/workbook-port';
import { WorkbookMarkError } from '../../../src/hosts/xlsx/errors';
import { patchCells } from '../../../src/hosts/xlsx/ooxml/cells';
import { plainXlsx } from '../../../src/hosts/xlsx/ooxml/plain-workbook';
import { applyEdits } from '../../../src/hosts/xlsx/ooxml/xml-text';
import { markXlsxBytes } from '../../../src/hosts/xlsx/patch-marks';

// The marked cells' `s` set in a sheet's XML, and the extent measured in the same walk: only the style's value
// changes (or `s` is added after the last attribute), and the cells after a row's last mark still count.

/** The sheet with cells (row, column) marked: a cell's style s becomes s + 100. */
function patch(rows: string, cells: [number, number][], everyRow = true) {
  const xml = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
  const planned = cells.map(([row, column]) => ({ row, column, severity: 'error' as const, notes: [] }));
  const result = patchCells(xml, planned, (s) => s + 100, everyRow);
  const out = applyEdits(xml, result.edits!);
  return {
    rows: out.slice(out.indexOf('<sheetData>') + 11, out.indexOf('</sheetData>')),
    extent: [result.lastRow, result.lastColumn],
    exact: result.exact,
  };
}

test.each([
  [
    'a style in single quotes keeps its quotes',
    `<row r="1"><c r="A1" s='3' t="s"><v>0</v></c></row>`,
    [[1, 1]],
    `<row r="1"><c r="A1" s='103' t="s"><v>0</v></c></row>`,
    [1, 1],
  ],
  [
    'a cell without a style gets one after its last attribute (white space before the end dropped)',
    '<row r="1"><c r="A1" t="s" ><v>0</v></c><c r="B1"\n/></row>',
    [
      [1, 1],
      [1, 2],
    ],
    '<row r="1"><c r="A1" t="s" s="100"><v>0</v></c><c r="B1" s="100"/></row>',
    [1, 2],
  ],
  [
    'cells after the last mark of a row still make the extent',
    '<row r="1"><c r="A1"/><c r="B1"><v>1</v></c><c r="C1"/><c r="H1"><v>2</v></c></row><row r="2"><c r="C2"/></row>',
    [[1, 2]],
    '<row r="1"><c r="A1"/><c r="B1" s="100"><v>1</v></c><c r="C1"/><c r="H1"><v>2</v></c></row><row r="2"><c r="C2"/></row>',
    [2, 8],
  ],
  [
    'cells without references after the last mark are counted one by one',
    '<row r="3"><c r="A3"/><c><v>1</v></c><c/><c/></row>',
    [[3, 1]],
    '<row r="3"><c r="A3" s="100"/><c><v>1</v></c><c/><c/></row>',
    [3, 4],
  ],
  [
    'a missing cell after the last one is inserted before the end of its row',
    '<row r="1" spans="1:2"><c r="A1"/><c r="B1"/></row>',
    [
      [1, 1],
      [1, 4],
    ],
    '<row r="1" spans="1:4"><c r="A1" s="100"/><c r="B1"/><c r="D1" s="100"/></row>',
    [1, 2],
  ],
  [
    'a missing cell in a row with its own format takes the row style',
    '<row r="2" s="7" customFormat="1"><c r="A2"/></row>',
    [[2, 3]],
    '<row r="2" s="7" customFormat="1"><c r="A2"/><c r="C2" s="107"/></row>',
    [2, 1],
  ],
] as [string, string, [number, number][], string, [number, number]][])(
  '%s',
  (_, rows, cells, expected, extent) => {
    const out = patch(rows, cells);
    expect(out.rows).toBe(expected);
    expect(out.extent).toEqual(extent);
    expect(out.exact).toBe(true);
    // Read only as far as the marked rows, where every marked cell is written `<c r="REF"`: the same edits, and
    // an extent that holds every marked cell.
    const fast = patch(rows, cells, false);
    expect(fast.rows).toBe(expected);
    if (!fast.exact) {
      expect(fast.extent[0]).toBeLessThanOrEqual(extent[0]);
      expect(fast.extent[1]).toBeLessThanOrEqual(extent[1]);
      for (const [row, column] of cells) {
        expect(row).toBeLessThanOrEqual(fast.extent[0]!);
        expect(column).toBeLessThanOrEqual(fast.extent[1]!);
      }
    }
  },
);

test.each([
  [
    'marked rows out of order',
    '<row r="2"><c r="A2"/></row><row r="1"><c r="A1"/></row>',
    [
      [1, 1],
      [2, 1],
    ],
    [2, 1],
  ],
  ['a cell referred to otherwise', `<row r="1"><c s="1" r="A1"/></row>`, [[1, 1]], [1, 1]],
  ['a comment among the rows', '<row r="1"><!-- <c r="A1"/> --><c r="A1"/></row>', [[1, 1]], [1, 1]],
  ['a marked cell missing', '<row r="1"><c r="A1"/></row>', [[1, 2]], [1, 1]],
  ['a marked row missing', '<row r="1"><c r="A1"/></row>', [[2, 1]], [1, 1]],
] as [string, string, [number, number][], [number, number]][])(
  'every row is read for %s',
  (_, rows, cells, extent) => {
    const out = patch(rows, cells, false);
    expect(out.exact).toBe(true);
    expect(out.extent).toEqual(extent);
    expect(out).toEqual(patch(rows, cells));
  },
);

test('rows without marks are not read when every marked cell is written by its reference', () => {
  const rows = '<row r="1"><c r="A1"/><c r="B1"/></row><row r="2"><c r="A2"/><c r="F2"/></row>';
  expect(patch(rows, [[1, 2]], false)).toEqual({
    rows: '<row r="1"><c r="A1"/><c r="B1" s="100"/></row><row r="2"><c r="A2"/><c r="F2"/></row>',
    extent: [2, 2],
    exact: false,
  });
  expect(patch(rows, [[1, 2]]).extent).toEqual([2, 6]);
});

describe('a mark refused by a sheet read only as far as its marks', () => {
  // Row 1 holds A1:B1, row 2 A2:F2; the marked A1 is written, so row 2 is not read to patch the sheet.
  const source = plainXlsx({
    name: '清单',
    rows: [
      ['名称', '类别'],
      ['a', 'b', 'c', 'd', 'e', 'f'],
    ],
  });
  const good: CellMark = { sheet: '清单', row: 1, column: 1, severity: 'error', note: '名称不能为空' };
  /** Marking with the good mark and another: settles with the error, or undefined when nothing is refused. */
  const refusal = (bad: CellMark) =>
    Promise.resolve()
      .then(() => markXlsxBytes(source, [good, bad], 'list.xlsx'))
      .then(
        () => undefined,
        (e: unknown) => e,
      );

  it('is refused by the whole sheet and names its extent', async () => {
    const e = await refusal({ ...good, column: 7 });
    expect(e).toBeInstanceOf(WorkbookMarkError);
    expect(e).toMatchObject({
      code: 'mark/outside-sheet',
      params: { cell: 'G1', lastRow: 2, lastColumn: 6 },
    });
    expect(await refusal({ ...good, column: 0 })).toMatchObject({ params: { lastRow: 2, lastColumn: 6 } });
  });

  it('is not refused when the cell is inside the whole sheet', async () => {
    expect(await refusal({ ...good, column: 5 })).toBeUndefined();
  });
});
