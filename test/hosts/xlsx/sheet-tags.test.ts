import * as tags from '../../../src/hosts/xlsx/ooxml/sheet-tags';

const { attrIn, CELL, cellRef, lastCellIn, REF, ROW, ROW_END, SHEET_DATA_END, SheetTags } = tags;

// The tag walker of sheet XML that the marks writer (and its extent) relies on: rows, cells, row ends and the end
// of the sheet data, and nothing else, whatever else the sheet holds.

const NAMES: Record<number, string> = {
  [ROW]: 'row',
  [CELL]: 'c',
  [ROW_END]: '/row',
  [SHEET_DATA_END]: '/sheetData',
};

/** The tags found, as `name attrs` (or `name/` for an empty element). */
function walk(xml: string): string[] {
  const out: string[] = [];
  const tags = new SheetTags(xml);
  for (let kind = tags.next(); kind; kind = tags.next()) {
    expect(xml[tags.start]).toBe('<');
    expect(xml[tags.end - 1]).toBe('>');
    out.push(`${NAMES[kind]}${xml.slice(tags.attrsStart, tags.attrsEnd)}${tags.empty ? '/' : ''}`);
  }
  return out;
}

test.each([
  [
    'a row with cells',
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row></sheetData>',
    ['row r="1"', 'c r="A1" t="s"', 'c r="B1"/', '/row', '/sheetData'],
  ],
  [
    'an empty row, white space in end tags',
    '<row r="2" spans="1:3"/><row\tr="3"></row ></sheetData >',
    ['row r="2" spans="1:3"/', 'row\tr="3"', '/row', '/sheetData'],
  ],
  [
    'elements whose names start alike are not rows or cells',
    '<rowBreaks count="1"><brk id="3"/></rowBreaks><cols><col min="1"/></cols><cfRule/><rows/></rows>',
    [],
  ],
  [
    'comments, CDATA and processing instructions are stepped over',
    '<!-- <row r="9"> --><?pi <c r="Z9"/> ?><t><![CDATA[<c r="Y1"/>]]></t><c r="A2"></c>',
    ['c r="A2"'],
  ],
  [
    'inline strings and formulas inside cells',
    '<c r="C4" t="inlineStr"><is><r><t>甲&lt;乙</t></r></is></c><c r="D4"><f>SUM(A1:A3)</f><v>6</v></c>',
    ['c r="C4" t="inlineStr"', 'c r="D4"'],
  ],
  [
    'single quotes and cells without a reference',
    "<row r='5'><c s='2'/><c/></row>",
    ["row r='5'", "c s='2'/", 'c/', '/row'],
  ],
])('%s', (_name, xml, expected) => {
  expect(walk(xml)).toEqual(expected);
});

test.each([
  ['A1', 1, 1],
  ['Z9', 9, 26],
  ['AA10', 10, 27],
  ['XFD1048576', 1048576, 16384],
  ['a1', 0, 0],
  ['$A$1', 0, 0],
  ['A', 0, 0],
  ['12', 0, 0],
  ['A1B', 0, 0],
  ['', 0, 0],
])('cell reference %s', (ref, row, column) => {
  const xml = `r="${ref}"`;
  expect(cellRef(xml, 3, 3 + ref.length)).toBe(row > 0);
  expect(REF).toEqual({ row, column });
});

test.each([
  [' r="A1" s="3" t="s"', 's', '3'],
  [" r='A1' s = '4'", 's', '4'],
  [' ss="9" s="5"', 's', '5'],
  [' xs="1"', 's', undefined],
  [' t="s" s="&amp;"', 's', '&amp;'],
])('attribute in %s', (attrs, name, value) => {
  expect(attrIn(attrs, 0, attrs.length, name)).toBe(value);
});

test.each([
  ['<row r="1"><c r="A1"/><c r="B1"><v>2</v></c></row>', '<c r="B1">'],
  ['<row r="1"><c r="A1"><f>C1</f></c><cx/></row>', '<c r="A1">'],
  ['<row r="1"></row>', undefined],
  ['<c r="Z1"/><row r="1"><col/></row>', undefined],
])('the last cell of %s', (xml, expected) => {
  const from = xml.indexOf('<row');
  const at = lastCellIn(xml, xml.indexOf('>', from) + 1, xml.indexOf('</row>'));
  expect(at < 0 ? undefined : xml.slice(at, xml.indexOf('>', at) + 1)).toBe(expected);
});
