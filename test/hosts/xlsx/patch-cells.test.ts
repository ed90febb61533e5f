import { patchCells } from '../../../src/hosts/xlsx/ooxml/cells';
import { applyEdits } from '../../../src/hosts/xlsx/ooxml/xml-text';

// The marked cells' `s` set in a sheet's XML, and the extent measured in the same walk: only the style's value
// changes (or `s` is added after the last attribute), and the cells after a row's last mark still count.

/** The sheet with cells (row, column) marked: a cell's style s becomes s + 100. */
function patch(rows: string, cells: [number, number][]) {
  const xml = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
  const planned = cells.map(([row, column]) => ({ row, column, severity: 'error' as const, notes: [] }));
  const result = patchCells(xml, planned, (s) => s + 100);
  const out = applyEdits(xml, result.edits!);
  return {
    rows: out.slice(out.indexOf('<sheetData>') + 11, out.indexOf('</sheetData>')),
    extent: [result.lastRow, result.lastColumn],
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
  },
);
