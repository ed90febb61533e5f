import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { SaxesParser } from 'saxes';
import { MARK_COLOURS, type CellMark } from '../../../src/core/workbook-port';
import { WorkbookMarkError } from '../../../src/hosts/xlsx/errors';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';
import { escapeXml } from '../../../src/hosts/xlsx/ooxml/xml-text';
import { markXlsxBytes } from '../../../src/hosts/xlsx/patch-marks';
import { XlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';

const SHEET = '清单';
const PLAIN = '说明';
const EXISTING_NOTE = '原有批注:请以营业执照为准';
const IMAGE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 250, 251, 252]);
const CUSTOM_XML =
  '<?xml version="1.0" encoding="UTF-8"?><root xmlns="urn:drc:test"><item>不要改动 &amp; 保留</item></root>';
const SPECIAL = `符号 & < > " ' 控制\u0001字符 _x0041_ 结束`;

/**
 * Sheet `清单`: A1:D1 merged title; row 2 header; rows 3, 5, 6 data (row 4 missing, C3 missing: row 3 has A3, B3,
 * D3); B5:B6 merged; C5 has a note. Sheet `说明`: two cells, no notes. Plus parts exceljs does not write: an image
 * and a custom XML part (with their content types), to prove untouched parts are kept byte for byte.
 */
async function buildSource(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell('A1').value = '抽查事项清单';
  ws.mergeCells('A1:D1');
  ['序号', '类别', '名称', '信用代码'].forEach((v, i) => (ws.getCell(2, i + 1).value = v));
  ws.getCell('A3').value = 1;
  ws.getCell('B3').value = '食品';
  ws.getCell('D3').value = '91360731MA35A1B2C3';
  ws.getCell('A5').value = 2;
  ws.getCell('B5').value = '特种设备';
  ws.getCell('C5').value = '于都县宏发机械制造有限公司';
  ws.getCell('C5').note = EXISTING_NOTE;
  ws.getCell('D5').value = { formula: 'LEN(C5)', result: 13 };
  ws.getCell('D5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  ws.getCell('D5').numFmt = '0.00';
  ws.mergeCells('B5:B6');
  ws.getCell('A6').value = 3;
  ws.getCell('C6').value = '于都县长征电器有限公司';
  ws.getCell('D6').value = '91360731MA35N4P5Q6';
  ws.getColumn(3).width = 30;
  const plain = wb.addWorksheet(PLAIN);
  plain.getCell('A1').value = '版本';
  plain.getCell('B1').value = 4;
  const files = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  files['xl/media/image1.png'] = IMAGE;
  files['customXml/item1.xml'] = strToU8(CUSTOM_XML);
  files['[Content_Types].xml'] = strToU8(
    strFromU8(files['[Content_Types].xml']!).replace(
      '</Types>',
      '<Default Extension="png" ContentType="image/png"/></Types>',
    ),
  );
  return zipSync(files as Zippable);
}

const MARKS: CellMark[] = [
  { sheet: SHEET, row: 5, column: 3, severity: 'warning', note: '名称与登记不一致' }, // existing cell with a note
  { sheet: SHEET, row: 3, column: 3, severity: 'error', note: '名称不能为空' }, // missing cell in a row
  { sheet: SHEET, row: 4, column: 2, severity: 'info', note: '整行为空' }, // missing row
  { sheet: SHEET, row: 6, column: 2, severity: 'warning', note: '类别沿用合并单元格' }, // follower of B5:B6
  { sheet: SHEET, row: 5, column: 4, severity: 'info', note: SPECIAL }, // existing fill and number format
  { sheet: SHEET, row: 5, column: 4, severity: 'error', note: '信用代码校验位错误' },
  { sheet: PLAIN, row: 1, column: 2, severity: 'error', note: '版本号请填 5' }, // a sheet without notes
];

/** A note as plain text (exceljs gives a string or `{texts: [...]}`). */
function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Entry names in zip order, from the central directory (unzipSync keeps that order). */
const entries = (bytes: Uint8Array) => Object.keys(unzipSync(bytes));

/** Parses XML strictly (namespaces checked); throws on the first error. */
function parseStrict(xml: string, name: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw new Error(`${name}: ${e.message}`);
  });
  parser.write(xml).close();
}

let source: Uint8Array;
let marked: Uint8Array;
let before: Record<string, Uint8Array>;
let after: Record<string, Uint8Array>;

beforeAll(async () => {
  source = await buildSource();
  marked = markXlsxBytes(source, MARKS, 'source.xlsx');
  before = unzipSync(source);
  after = unzipSync(marked);
});

describe('markXlsxBytes', () => {
  it('keeps every part it does not need to change byte for byte, in the same order, and adds parts at the end', () => {
    const changed = Object.keys(before).filter(
      (n) => !after[n] || Buffer.compare(Buffer.from(before[n]!), Buffer.from(after[n])) !== 0,
    );
    expect(changed.sort()).toEqual(
      [
        '[Content_Types].xml',
        'xl/comments1.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/styles.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    expect(after['xl/media/image1.png']).toEqual(IMAGE);
    expect(strFromU8(after['customXml/item1.xml']!)).toBe(CUSTOM_XML);
    const names = entries(marked);
    expect(names.slice(0, Object.keys(before).length)).toEqual(Object.keys(before));
    expect(names.slice(Object.keys(before).length).sort()).toEqual(
      ['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/worksheets/_rels/sheet2.xml.rels'].sort(),
    );
  });

  it('writes only well-formed, namespace-correct XML', () => {
    for (const name of Object.keys(after)) {
      if (!/\.(xml|rels|vml)$/.test(name)) continue;
      expect(() => parseStrict(strFromU8(after[name]!), name)).not.toThrow();
    }
  });

  it('fills and notes the marked cells as exceljs reads them, and changes no value, format or merge', async () => {
    const wb = await load(marked);
    const original = await load(source);
    const ws = wb.getWorksheet(SHEET)!;
    const fill = (address: string) =>
      (ws.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill('C5')).toBe(MARK_COLOURS.warning);
    expect(fill('C3')).toBe(MARK_COLOURS.error);
    expect(fill('B4')).toBe(MARK_COLOURS.info);
    expect(fill('B5')).toBe(MARK_COLOURS.warning);
    expect(fill('D5')).toBe(MARK_COLOURS.error);
    expect(fill('D6')).toBeUndefined();
    expect(noteText(ws.getCell('C5').note)).toBe(`${EXISTING_NOTE}\n名称与登记不一致`);
    expect(noteText(ws.getCell('C3').note)).toBe('名称不能为空');
    expect(noteText(ws.getCell('B4').note)).toBe('整行为空');
    expect(noteText(ws.getCell('B5').note)).toBe('类别沿用合并单元格');
    expect(ws.getCell('B6').note).toBeUndefined();
    expect(noteText(ws.getCell('D5').note)).toContain('信用代码校验位错误');
    expect(ws.getCell('D5').numFmt).toBe('0.00');
    expect(ws.getCell('D5').value).toEqual({ formula: 'LEN(C5)', result: 13 });
    expect(ws.getCell('B6').isMerged).toBe(true);
    expect(ws.model.merges.slice().sort()).toEqual(original.getWorksheet(SHEET)!.model.merges.slice().sort());
    expect(ws.getColumn(3).width).toBe(30);
    const plain = wb.getWorksheet(PLAIN)!;
    expect((plain.getCell('B1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_COLOURS.error);
    expect(noteText(plain.getCell('B1').note)).toBe('版本号请填 5');
    expect(plain.getCell('B1').value).toBe(4);
    // Our reader sees the same values before and after.
    expect(readXlsxGrids(marked).map((g) => g.values)).toEqual(readXlsxGrids(source).map((g) => g.values));
  });

  it('escapes note text: entities, control characters and literal _xHHHH_', () => {
    expect(escapeXml(SPECIAL)).toBe('符号 &amp; &lt; &gt; &quot; &apos; 控制_x0001_字符 _x005F_x0041_ 结束');
    expect(strFromU8(after['xl/comments1.xml']!)).toContain(escapeXml(SPECIAL));
    expect(escapeXml('\t\n\r 😀 \uD800 \uFFFF')).toBe('\t\n_x000D_ 😀 _xD800_ _xFFFF_');
  });

  it('writes comments and VML as Excel does: rels, legacyDrawing in schema order, content types', () => {
    const sheet2 = strFromU8(after['xl/worksheets/sheet2.xml']!);
    const legacy = sheet2.indexOf('<legacyDrawing ');
    expect(legacy).toBeGreaterThan(sheet2.indexOf('<pageMargins'));
    expect(legacy).toBeGreaterThan(sheet2.indexOf('</sheetData>'));
    const ext = sheet2.indexOf('<extLst');
    if (ext >= 0) expect(legacy).toBeLessThan(ext);
    const rels = strFromU8(after['xl/worksheets/_rels/sheet2.xml.rels']!);
    expect(rels).toMatch(/Type="[^"]*\/comments" Target="\.\.\/comments2\.xml"/);
    expect(rels).toMatch(/Type="[^"]*\/vmlDrawing" Target="\.\.\/drawings\/vmlDrawing2\.vml"/);
    const types = strFromU8(after['[Content_Types].xml']!);
    expect(types).toContain('PartName="/xl/comments2.xml"');
    expect(types).toMatch(/<Default Extension="vml"/);
    const vml = strFromU8(after['xl/drawings/vmlDrawing2.vml']!);
    expect(vml).toContain('<x:ClientData ObjectType="Note">');
    expect(vml).toContain('<x:Row>0</x:Row><x:Column>1</x:Column>');
    // New shapes on sheet 1 keep ids unique across drawings.
    const ids = [...Object.keys(after)]
      .filter((n) => n.endsWith('.vml'))
      .flatMap((n) => [...strFromU8(after[n]!).matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    const vml1 = strFromU8(after['xl/drawings/vmlDrawing1.vml']!);
    expect(vml1).toContain('<x:Row>2</x:Row><x:Column>2</x:Column>'); // C3
    expect(vml1).toContain('<x:Row>3</x:Row><x:Column>1</x:Column>'); // B4
    const sheet1 = strFromU8(after['xl/worksheets/sheet1.xml']!);
    expect(sheet1.match(/<legacyDrawing\b/g)).toHaveLength(1);
    expect(sheet1).toMatch(/<row r="3"[^>]*>.*<c r="B3"[^>]*>.*<\/c><c r="C3" s="\d+"\/><c r="D3"/);
    expect(sheet1).toMatch(/<\/row><row r="4"><c r="B4" s="\d+"\/><\/row><row r="5"/);
  });

  it('is idempotent: marking the marked copy again adds no note, fill or format', async () => {
    const again = markXlsxBytes(marked, MARKS, 'copy.xlsx');
    const twice = unzipSync(again);
    for (const name of [
      'xl/styles.xml',
      'xl/comments1.xml',
      'xl/comments2.xml',
      'xl/worksheets/sheet1.xml',
    ]) {
      expect([name, strFromU8(twice[name]!)]).toEqual([name, strFromU8(after[name]!)]);
    }
    const ws = (await load(again)).getWorksheet(SHEET)!;
    expect(noteText(ws.getCell('C5').note)).toBe(`${EXISTING_NOTE}\n名称与登记不一致`);
  });

  it('refuses an unknown sheet or a cell outside the sheet before writing anything', () => {
    const good = MARKS[0]!;
    const refused = (bad: CellMark) => {
      try {
        markXlsxBytes(source, [good, bad], 'a.xlsx');
      } catch (e) {
        return e;
      }
      return undefined;
    };
    expect(refused({ ...good, sheet: '不存在' })).toMatchObject({ code: 'mark/unknown-sheet' });
    expect(refused({ ...good, row: 7 })).toMatchObject({ code: 'mark/outside-sheet' });
    expect(refused({ ...good, column: 5 })).toMatchObject({ code: 'mark/outside-sheet' });
    expect(refused({ ...good, row: 0 })).toBeInstanceOf(WorkbookMarkError);
  });

  it('is what XlsxWorkbook writes for a workbook loaded from bytes', async () => {
    const wb = await XlsxWorkbook.load(source, 'source.xlsx');
    await wb.applyMarks(MARKS);
    const out = unzipSync(await wb.toBuffer());
    expect(Object.keys(out)).toEqual(Object.keys(after));
    for (const name of Object.keys(after))
      expect([name, strFromU8(out[name]!)]).toEqual([name, strFromU8(after[name]!)]);
  });
});

describe('markXlsxBytes on rows Excel writes without cells', () => {
  it('fills a self-closing row with a row format: cells inserted in order, format copied, spans widened', () => {
    const files = unzipSync(source);
    const xml = strFromU8(files['xl/worksheets/sheet2.xml']!).replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      '<sheetData><row r="1" spans="1:2"><c r="A1"/><c r="B1"/></row>' +
        '<row r="2" s="1" customFormat="1" spans="1:1"/>' +
        '<row r="3"><c r="C3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    );
    files['xl/worksheets/sheet2.xml'] = strToU8(xml);
    const out = unzipSync(
      markXlsxBytes(
        zipSync(files as Zippable),
        [
          { sheet: PLAIN, row: 2, column: 3, severity: 'error', note: '' },
          { sheet: PLAIN, row: 2, column: 2, severity: 'error', note: '' },
        ],
        'rows.xlsx',
      ),
    );
    const sheet = strFromU8(out['xl/worksheets/sheet2.xml']!);
    const m =
      /<row r="2" s="1" customFormat="1" spans="1:3"><c r="B2" s="(\d+)"\/><c r="C2" s="(\d+)"\/><\/row>/.exec(
        sheet,
      );
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    const xfs = [
      ...strFromU8(out['xl/styles.xml']!).matchAll(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/g),
    ][0]![1]!;
    const list = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((x) => x[0]);
    const strip = (x: string) => x.replace(/ fillId="\d+"| applyFill="1"/g, '');
    expect(strip(list[Number(m![1])]!)).toBe(strip(list[1]!));
    expect(sheet).not.toContain('<legacyDrawing'); // no note, no drawing
    expect(out['xl/worksheets/_rels/sheet2.xml.rels']).toBeUndefined();
  });
});

describe('markXlsxBytes edits an ASCII sheet in its bytes and any other sheet as text, alike', () => {
  it('gives the same sheet whether the sheet holds only ASCII or also Chinese text', () => {
    const chinese = (xml: string) => xml.replace('</sheetData>', '</sheetData><!-- 中文注释 -->');
    const files = unzipSync(source);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect([...sheet].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    files['xl/worksheets/sheet1.xml'] = strToU8(chinese(sheet));
    const variant = unzipSync(markXlsxBytes(zipSync(files as Zippable), MARKS, 'chinese.xlsx'));
    const plain = strFromU8(after['xl/worksheets/sheet1.xml']!);
    expect(plain).not.toBe(sheet);
    expect(strFromU8(variant['xl/worksheets/sheet1.xml']!)).toBe(chinese(plain));
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));

(soffice ? describe : describe.skip)('LibreOffice opens the marked copy', () => {
  let dir: string;
  let file: string;
  const convert = (to: string, out: string) =>
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        out,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'drc-patch-'));
    file = path.join(dir, 'marked.xlsx');
    writeFileSync(file, marked);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts it to PDF headless', () => {
    convert('pdf', dir);
    expect(existsSync(path.join(dir, 'marked.pdf'))).toBe(true);
  }, 150_000);

  it('reads our notes and fills (saved back as .xlsx by LibreOffice, then read with exceljs)', async () => {
    const out = path.join(dir, 'lo');
    convert('xlsx:Calc MS Excel 2007 XML', out);
    const wb = await load(new Uint8Array(readFileSync(path.join(out, 'marked.xlsx'))));
    const ws = wb.getWorksheet(SHEET)!;
    expect(noteText(ws.getCell('C5').note)).toBe(`${EXISTING_NOTE}\n名称与登记不一致`);
    expect(noteText(ws.getCell('B4').note)).toBe('整行为空');
    expect((ws.getCell('C3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_COLOURS.error);
    expect(noteText(wb.getWorksheet(PLAIN)!.getCell('B1').note)).toBe('版本号请填 5');
  }, 150_000);
});
