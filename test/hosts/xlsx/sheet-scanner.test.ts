import { strToU8, zipSync } from 'fflate';
import type { CellValue } from '../../../src/core/grid';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';
import { editPart, prefixed, strict } from '../../fixtures/package-variants';

// The reader's scan of sheet XML, case by case: each row is a sheet's cells as some writer writes them, and the
// grid the reader must give (values only; `formats` for the cells that have a number format). Every case is also
// read prefixed (`<x:c>`), in Strict OOXML, and cut into 1,000-byte segments, with the same grid.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A package of one sheet `表` whose sheetData holds `rows`, with shared strings `strings` (raw <si> bodies). */
function workbook(rows: string, strings: string[] = [], extra = ''): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${extra}</worksheet>`,
    ),
  };
  return zipSync(files);
}

const LONG = '长'.repeat(40_000) + 'x'.repeat(40_000);

type Case = [string, string, string[], (CellValue | undefined)[][], string?];
const cases: Case[] = [
  [
    'numbers, integers and exponents',
    '<row r="1"><c r="A1"><v>12</v></c><c r="B1"><v>-0.5</v></c><c r="C1"><v>1.5E-3</v></c></row>',
    [],
    [[12, -0.5, 0.0015]],
  ],
  [
    'shared strings with entities and _xHHHH_',
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
    ['<t>A&amp;B &lt;c&gt; &quot;d&quot; &#x4E2D;&#25991;</t>', '<t>第一行_x000D_第二行</t>'],
    [['A&B <c> "d" 中文', '第一行\r第二行']],
  ],
  [
    'rich text runs, xml:space and phonetic runs left out',
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    [
      '<r><rPr><b/></rPr><t xml:space="preserve"> 重点 </t></r><r><t>检查</t></r><rPh sb="0" eb="2"><t>ジュウテン</t></rPh><phoneticPr fontId="1"/>',
    ],
    [[' 重点 检查']],
  ],
  [
    'inline strings, plain and in runs',
    '<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c><c r="B1" t="inlineStr"><is><r><t>甲</t></r><r><t xml:space="preserve"> 乙</t></r></is></c></row>',
    [],
    [['内联', '甲 乙']],
  ],
  [
    'booleans, errors, formulas with cached results',
    '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><f>NA()</f><v>#N/A</v></c><c r="D1"><f>1+1</f><v>2</v></c><c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
    [],
    [[true, false, { error: '#N/A' }, 2, 'ab']],
  ],
  [
    'a formula without a cached value, empty cells and a cell of attributes only',
    '<row r="1"><c r="A1"><f>A2</f></c><c r="B1" s="0"/><c r="C1"></c><c r="D1"><v>4</v></c></row>',
    [],
    [[null, null, null, 4]],
  ],
  [
    'cells and rows without references follow the one before',
    '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>',
    [],
    [
      [1, 2],
      [null, null, 3, 4],
    ],
  ],
  [
    'rows left out, far columns and single-quoted attributes',
    "<row r='3'><c r='AB3' t='s'><v>0</v></c></row>",
    ['<t>远</t>'],
    [[], [], [...Array(27).fill(null), '远']],
  ],
  [
    'surrogate pairs and very long strings',
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
    ['<t>𠮷野家 😀</t>', `<t>${LONG}</t>`],
    [['𠮷野家 😀', LONG]],
  ],
  [
    'dates and percentages keep their formats',
    '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>0.25</v></c></row>',
    [],
    [[45000, 0.25]],
  ],
  [
    'comments between cells and white space in tags',
    '<row r="1" ><!-- <c r="Z1"><v>9</v></c> --><c r="A1"\n t="s" ><v>0</v></c ></row >',
    ['<t>留</t>'],
    [['留']],
  ],
  [
    'merges after the rows',
    '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"/></row>',
    ['<t>合并</t>'],
    [['合并']],
    '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
  ],
];

describe.each(cases)('%s', (_name, rows, strings, expected, extra) => {
  const bytes = workbook(rows, strings, extra);
  const normal = (values: CellValue[][]) => values.map((r) => r ?? []);

  test('reads the expected grid', () => {
    const [grid] = readXlsxGrids(bytes);
    expect(normal(grid!.values)).toEqual(expected.map((r) => r.map((v) => v ?? null)));
    if (extra) expect(grid!.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
    if (/s="1"/.test(rows)) expect(grid!.numberFormats?.[0]?.slice(0, 2)).toEqual(['yyyy-mm-dd', '0.0%']);
  });

  test('prefixed, Strict and in small segments alike', () => {
    const whole = readXlsxGrids(bytes);
    expect(readXlsxGrids(prefixed(bytes))).toEqual(whole);
    expect(readXlsxGrids(strict(bytes))).toEqual(whole);
    expect(readXlsxGrids(bytes, { segmentBytes: 1000 })).toEqual(whole);
  });
});

test('a cell naming a shared string that is not there is refused, naming the cell', () => {
  expect(() =>
    readXlsxGrids(workbook('<row r="1"><c r="B1" t="s"><v>3</v></c></row>', ['<t>一</t>'])),
  ).toThrow(expect.objectContaining({ reason: 'shared-string', details: { cell: 'B1', index: '3' } }));
});

// The sheet is checked well-formed in the same pass that reads it: every fault of its XML is still refused with
// the part, the problem and the line, whole and in small segments alike.
type Fault = [string, string, Record<string, unknown>];
const faults: Fault[] = [
  [
    'a cell closed by the wrong tag',
    '<row r="1"><c r="A1"><v>1</c></v></row>',
    { problem: 'mismatch', line: 2 },
  ],
  ['a row left open', '<row r="1"><c r="A1"><v>1</v></c>', { problem: 'mismatch', line: 2 }],
  ['an unquoted attribute', '<row r="1"><c r=A1><v>1</v></c></row>', { problem: 'bad-attribute', line: 2 }],
  ['attributes run together', '<row r="1"><c r="A1"t="s"><v>0</v></c></row>', { problem: 'bad-attribute' }],
  [
    'a repeated attribute',
    '<row r="1"><c r="A1" r="B1"><v>1</v></c></row>',
    { problem: 'duplicate-attribute', attribute: 'r' },
  ],
  ['a "<" in a value', '<row r="1"><c r="A<1"><v>1</v></c></row>', { problem: 'bad-attribute' }],
  [
    'an unknown entity in a value',
    '<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>',
    { problem: 'bad-entity' },
  ],
  [
    'an unknown entity in an attribute',
    '<row r="1"><c r="A&x;1"><v>1</v></c></row>',
    { problem: 'bad-entity' },
  ],
  [
    'a control character',
    '<row r="1"><c r="A1" t="str"><v>a\u0001</v></c></row>',
    { problem: 'bad-character' },
  ],
  ['a name that cannot start a tag', '<row r="1"><1c r="A1"/></row>', { problem: 'bad-name' }],
  [
    'a fault on a later line',
    '<row r="1">\n<c r="A1"><v>1</v></c>\n<c r="B1"><v>2</v></b>\n</row>',
    { problem: 'mismatch', line: 4 },
  ],
];

describe.each(faults)('a sheet with %s is refused', (_name, rows, details) => {
  const bytes = workbook(rows);
  test.each([undefined, 1000, 40])('segments of %p bytes', (segmentBytes) => {
    expect(() => readXlsxGrids(bytes, { segmentBytes })).toThrow(
      expect.objectContaining({
        reason: 'xml',
        part: 'xl/worksheets/sheet1.xml',
        details: expect.objectContaining(details),
      }),
    );
  });
});

test('a sheet cut inside a cell is truncated, not read as far as it goes', () => {
  const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>';
  const bytes = editPart(workbook(rows), 'xl/worksheets/sheet1.xml', (xml) =>
    xml.slice(0, xml.indexOf('<c r="B1"') + 6),
  );
  expect(() => readXlsxGrids(bytes)).toThrow(
    expect.objectContaining({ reason: 'truncated', part: 'xl/worksheets/sheet1.xml' }),
  );
});

test('a fault of the XML is named before a missing shared string earlier in the same part', () => {
  const rows = '<row r="1"><c r="A1" t="s"><v>7</v></c></row><row r="2"><c r="A2"><v>1</v></c></row2>';
  expect(() => readXlsxGrids(workbook(rows, ['<t>一</t>']))).toThrow(
    expect.objectContaining({ reason: 'xml', details: expect.objectContaining({ problem: 'mismatch' }) }),
  );
});

test('cells inside comments and CDATA are no cells; text after a cell is not its value', () => {
  const rows =
    '<row r="1"><!-- <c r="A1"><v>9</v></c> --><c r="B1"><v>2</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[<c r="C2"><v>5</v></c>]]></t></is></c><c r="B2"/></row>';
  const [grid] = readXlsxGrids(workbook(rows));
  expect(grid!.values[0]).toEqual([null, 2]);
  expect(grid!.values[1]?.[2]).toBeUndefined();
});
