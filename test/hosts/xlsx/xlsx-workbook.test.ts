import { excelSerialToDate } from '../../../src/core/normalise';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { cellAddress, type Grid } from '../../../src/core/grid';
import type { Severity } from '../../../src/core/issue';
import { MARK_COLOURS, type CellMark } from '../../../src/core/workbook-port';
import { WorkbookMarkError } from '../../../src/hosts/xlsx/errors';
import { openWorkbookFile, readFileBytes } from '../../../src/hosts/xlsx/node-file';
import { XlsxWorkbook } from '../../../src/hosts/xlsx/xlsx-workbook';
import { buildRichWorkbook, RICH } from '../../fixtures/build-rich-workbook';

let dir: string;
let sourcePath: string;
let sourceBytes: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'drc-xlsx-'));
  sourcePath = path.join(dir, '于都县市场监督管理局-抽查事项清单.xlsx');
  writeFileSync(sourcePath, await buildRichWorkbook());
  sourceBytes = await readFileBytes(sourcePath);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Plain exceljs, as a reference reader that owes nothing to the adapter. */
async function plainLoad(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const at = (grid: Grid, row: number, column: number) => grid.values[row - 1]?.[column - 1] ?? null;
const fmt = (grid: Grid, row: number, column: number) => grid.numberFormats?.[row - 1]?.[column - 1];

describe('XlsxWorkbook.readSheets on the rich checklist', () => {
  let grids: Grid[];
  beforeAll(async () => {
    const wb = await openWorkbookFile(sourcePath);
    expect(wb).toBeInstanceOf(XlsxWorkbook);
    grids = await wb.readSheets();
  });

  it('gives every sheet in tab order, from A1', () => {
    expect(grids.map((g) => g.name)).toEqual([RICH.sheet, RICH.secondSheet]);
    expect(grids[0]!.startRow).toBe(1);
    expect(grids[0]!.startColumn).toBe(1);
    expect(grids[0]!.values).toHaveLength(RICH.lastDataRow);
  });

  it('reads title, unit line, header and data values as the host gives them', () => {
    const g = grids[0];
    expect(at(g!, 1, 1)).toBe(RICH.title);
    expect(at(g!, 2, 1)).toBe(RICH.unitLine);
    expect(at(g!, 3, 4)).toBe('检查对象');
    expect(at(g!, 4, 4)).toBe('对象名称');
    expect(at(g!, 4, 5)).toBe('统一社会信用代码');
    RICH.items.forEach((item, k) => {
      const r = RICH.firstDataRow + k;
      expect(at(g!, r, 1)).toBe(k + 1); // =ROW()-4: the cached result
      expect(at(g!, r, 3)).toBe(item[1]);
      expect(at(g!, r, 4)).toBe(item[2]);
      expect(at(g!, r, 5)).toBe(item[3]);
      expect(at(g!, r, 6)).toBe(RICH.ratios[k]);
      expect(fmt(g!, r, 6)).toBe('0%');
      expect(at(g!, r, 8)).toBe(item[5]);
      // Dates come as Excel stores them (and as Office.js gives them): a serial with a date format.
      expect(excelSerialToDate(at(g!, r, 9) as number)).toEqual(RICH.dates[k]);
      expect(fmt(g!, r, 9)).toBe('yyyy-mm-dd');
    });
    expect(excelSerialToDate(at(g!, 2, 9) as number)).toEqual(RICH.filledDate);
    expect(at(g!, 5, 10)).toBe('检查依据'); // hyperlink → its text
    expect(at(g!, 6, 10)).toBe('重点检查'); // rich text joined
    expect(at(g!, 7, 10)).toEqual({ error: '#N/A' }); // =NA() → the error
    expect(at(g!, 8, 10)).toBe('特种设备使用单位监督检查(复查)'); // formula text result
    expect(at(g!, 9, 10)).toBe(true);
    expect(at(g!, 10, 10)).toBeNull();
  });

  it('returns merged followers empty and lists every merge', () => {
    const g = grids[0]!;
    expect(at(g!, 5, 2)).toBe('食品安全');
    expect(at(g!, 6, 2)).toBeNull();
    expect(at(g!, 7, 2)).toBeNull();
    expect(at(g!, 1, 2)).toBeNull();
    expect(at(g!, 3, 5)).toBeNull();
    const key = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`;
    expect(g.merges.map(key).sort()).toEqual([...RICH.merges].sort());
    expect(grids[1]!.merges.map(key)).toEqual(['A1:C1']);
  });

  it('gives General cells no number format and shares format strings', () => {
    const g = grids[0];
    expect(fmt(g!, 5, 3)).toBeUndefined();
    expect(fmt(g!, 1, 1)).toBeUndefined();
    expect(grids[1]!.numberFormats).toBeUndefined();
    expect(at(grids[1]!, 5, 2)).toBe(3);
  });
});

/** The marks of the round trip, and what each marked cell must show afterwards. */
const MARKS: CellMark[] = [
  { sheet: RICH.sheet, row: 6, column: 6, severity: 'error', note: '抽查比例应在 3% 至 5% 之间' }, // F6: shares a filled style
  { sheet: RICH.sheet, row: 6, column: 4, severity: 'warning', note: '对象名称与信用代码不一致' }, // D6: shares a border style
  { sheet: RICH.sheet, row: 5, column: 3, severity: 'info', note: '事项名称与省局目录不一致' }, // C5: has a note already
  { sheet: RICH.sheet, row: 6, column: 2, severity: 'warning', note: '抽查类别沿用合并单元格' }, // B6: follower of B5:B7
  { sheet: RICH.sheet, row: 7, column: 10, severity: 'error', note: '备注公式出错(#N/A)' }, // J7: formula error
  { sheet: RICH.sheet, row: 8, column: 5, severity: 'warning', note: '统一社会信用代码校验位错误' }, // E8: two marks
  { sheet: RICH.sheet, row: 8, column: 5, severity: 'error', note: '统一社会信用代码与名称不符' },
  { sheet: RICH.sheet, row: 8, column: 5, severity: 'info', note: '统一社会信用代码校验位错误' }, // repeated note
  { sheet: RICH.secondSheet, row: 5, column: 2, severity: 'info', note: '版本号请填 4' },
];
const EXPECTED: Record<string, { severity: Severity; note: string }> = {
  [`${RICH.sheet}!F6`]: { severity: 'error', note: '抽查比例应在 3% 至 5% 之间' },
  [`${RICH.sheet}!D6`]: { severity: 'warning', note: '对象名称与信用代码不一致' },
  [`${RICH.sheet}!C5`]: { severity: 'info', note: `${RICH.existingNote}\n事项名称与省局目录不一致` },
  [`${RICH.sheet}!B5`]: { severity: 'warning', note: '抽查类别沿用合并单元格' },
  [`${RICH.sheet}!J7`]: { severity: 'error', note: '备注公式出错(#N/A)' },
  [`${RICH.sheet}!E8`]: { severity: 'error', note: '统一社会信用代码校验位错误\n统一社会信用代码与名称不符' },
  [`${RICH.secondSheet}!B5`]: { severity: 'info', note: '版本号请填 4' },
};

/** A note as plain text (exceljs gives a string or `{texts: [...]}`). */
function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
}

/** The workbook default font exceljs writes as font 0 (how a cell with no style of its own reads back once styled). */
const DEFAULT_FONT = { name: 'Calibri', size: 11, color: { theme: 1 }, family: 2, scheme: 'minor' };

/**
 * A cell's style without its fill, for comparing what marks must not touch. Why the normalising: an unstyled
 * cell reads as `{}`; once it has a fill, exceljs writes an xf pointing at font 0 and border 0, which read back
 * as the default font and `{}` — the same look, another spelling.
 */
function styleWithoutFill(style: Partial<ExcelJS.Style>): object {
  const { fill: _fill, ...rest } = JSON.parse(JSON.stringify(style)) as Partial<ExcelJS.Style>;
  void _fill;
  if (rest.border && Object.keys(rest.border).length === 0) delete rest.border;
  if (rest.font && isDeepStrictEqual(rest.font, DEFAULT_FONT)) delete rest.font;
  return rest;
}

/** What exceljs keeps but does not declare in its types. */
interface SheetInternals {
  dataValidations: { model: Record<string, unknown> };
  conditionalFormattings: unknown[];
}
const internals = (ws: ExcelJS.Worksheet) => ws as unknown as SheetInternals;

/** True when a fill paints nothing (absent, or exceljs's `pattern: 'none'`). */
const isUnfilled = (fill: ExcelJS.Fill | undefined) =>
  !fill || (fill.type === 'pattern' && fill.pattern === 'none');

/**
 * Compares two workbooks cell by cell: everything equal, except that the cells in `marked` carry the mark
 * fill and note (and keep every other style property). Also merges, widths, heights, views, validations,
 * conditional formats, defined names.
 */
function expectSameBesidesMarks(
  before: ExcelJS.Workbook,
  after: ExcelJS.Workbook,
  marked: typeof EXPECTED,
): number {
  expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
  expect(after.definedNames.model).toEqual(before.definedNames.model);
  let checked = 0;
  for (const ws of before.worksheets) {
    const ws2 = after.getWorksheet(ws.name)!;
    expect(ws2.state).toBe(ws.state);
    expect(ws2.views).toEqual(ws.views);
    expect(ws2.model.merges.slice().sort()).toEqual(ws.model.merges.slice().sort());
    expect(ws2.columns?.map((c) => c.width)).toEqual(ws.columns?.map((c) => c.width));
    const [i1, i2] = [internals(ws), internals(ws2)];
    expect(JSON.parse(JSON.stringify(i2.dataValidations.model))).toEqual(
      JSON.parse(JSON.stringify(i1.dataValidations.model)),
    );
    expect(i2.conditionalFormattings).toEqual(i1.conditionalFormattings);
    const rows = Math.max(ws.rowCount, ws2.rowCount);
    const cols = Math.max(ws.columnCount, ws2.columnCount);
    for (let r = 1; r <= rows; r++) {
      expect(ws2.getRow(r).height).toEqual(ws.getRow(r).height);
      for (let c = 1; c <= cols; c++) {
        const a = ws.getCell(r, c);
        const b = ws2.getCell(r, c);
        const where = `${ws.name}!${cellAddress(r, c)}`;
        expect([where, b.type]).toEqual([where, a.type]);
        expect([where, b.value]).toEqual([where, a.value]);
        expect([where, b.formula]).toEqual([where, a.formula]);
        expect([where, b.numFmt]).toEqual([where, a.numFmt]);
        expect([where, b.isMerged]).toEqual([where, a.isMerged]);
        expect([where, styleWithoutFill(b.style)]).toEqual([where, styleWithoutFill(a.style)]);
        const mark = marked[where];
        if (mark) {
          expect([where, b.fill]).toEqual([
            where,
            { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_COLOURS[mark.severity] } },
          ]);
          expect([where, noteText(b.note)]).toEqual([where, mark.note]);
        } else {
          expect([where, JSON.parse(JSON.stringify(b.fill ?? null))]).toEqual([
            where,
            JSON.parse(JSON.stringify(a.fill ?? null)),
          ]);
          expect([where, noteText(b.note)]).toEqual([where, noteText(a.note)]);
        }
        checked++;
      }
    }
  }
  return checked;
}

describe('XlsxWorkbook.applyMarks → toBuffer round trip', () => {
  let original: ExcelJS.Workbook;
  let firstCopy: Uint8Array;
  let marked: ExcelJS.Workbook;

  beforeAll(async () => {
    original = await plainLoad(sourceBytes);
    const wb = await XlsxWorkbook.load(sourceBytes, path.basename(sourcePath));
    await wb.applyMarks(MARKS);
    const copyPath = path.join(dir, '于都县市场监督管理局-抽查事项清单-已标注.xlsx');
    writeFileSync(copyPath, await wb.toBuffer());
    firstCopy = new Uint8Array(readFileSync(copyPath));
    marked = await plainLoad(firstCopy);
  });

  it('changes nothing but the fills and notes of exactly the marked cells', () => {
    const checked = expectSameBesidesMarks(original, marked, EXPECTED);
    expect(checked).toBeGreaterThan(100);
  });

  it('leaves cells that share the marked cells’ styles unfilled (or with their own fill)', () => {
    const ws = marked.getWorksheet(RICH.sheet)!;
    for (const r of [5, 7, 8, 9, 10]) {
      expect((ws.getCell(r, 6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(RICH.ratioFill);
      expect(isUnfilled(ws.getCell(r, 4).fill)).toBe(true);
    }
    expect((ws.getCell('F6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_COLOURS.error);
    expect((ws.getCell('A3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(RICH.headerFill);
    expect(ws.getCell('F6').numFmt).toBe('0%');
    expect(ws.getCell('F6').value).toBe(RICH.ratios[1]);
  });

  it('keeps the values of formulas and the #N/A error, and the merge of the marked follower', () => {
    const ws = marked.getWorksheet(RICH.sheet)!;
    expect(ws.getCell('A6').value).toEqual({ formula: 'ROW()-4', result: 2 });
    expect(ws.getCell('J7').value).toEqual({ formula: 'NA()', result: { error: '#N/A' } });
    expect(ws.getCell('B6').isMerged).toBe(true);
    expect(ws.getCell('B6').master.address).toBe('B5');
    expect(ws.getCell('B6').note).toBeUndefined();
  });

  it('still has the workbook features the comparison covers (so it is not comparing empty lists)', () => {
    const ws = marked.getWorksheet(RICH.sheet)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4, topLeftCell: 'B5' });
    expect(ws.columns.slice(0, RICH.widths.length).map((c) => c.width)).toEqual([...RICH.widths]);
    expect(internals(ws).conditionalFormattings).toEqual([
      expect.objectContaining({
        ref: 'F5:F10',
        rules: [expect.objectContaining({ type: 'cellIs', operator: 'greaterThan', formulae: ['0.5'] })],
      }),
    ]);
    for (let r = RICH.firstDataRow; r <= RICH.lastDataRow; r++) {
      expect(ws.getCell(r, 8).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    }
    expect(marked.definedNames.model).toEqual([
      { name: RICH.definedName, ranges: [`'${RICH.sheet}'!$C$5:$C$10`] },
    ]);
    expect(marked.getWorksheet(RICH.secondSheet)!.getColumn(1).width).toBe(60);
  });

  it('is idempotent: marking the marked copy again gives the same cells, notes not repeated', async () => {
    const again = await XlsxWorkbook.load(firstCopy, 'copy.xlsx');
    await again.applyMarks(MARKS);
    const second = await plainLoad(await again.toBuffer());
    expectSameBesidesMarks(original, second, EXPECTED);
    expectSameBesidesMarks(marked, second, {});
  });

  it('appends a new note after an earlier mark’s note on a second pass', async () => {
    const again = await XlsxWorkbook.load(firstCopy, 'copy.xlsx');
    await again.applyMarks([
      { sheet: RICH.sheet, row: 6, column: 6, severity: 'warning', note: '请核对抽查比例' },
    ]);
    const ws = (await plainLoad(await again.toBuffer())).getWorksheet(RICH.sheet)!;
    expect(noteText(ws.getCell('F6').note)).toBe('抽查比例应在 3% 至 5% 之间\n请核对抽查比例');
    expect((ws.getCell('F6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_COLOURS.warning);
  });
});

describe('XlsxWorkbook.applyMarks refuses bad marks before writing anything', () => {
  const good: CellMark = { sheet: RICH.sheet, row: 5, column: 6, severity: 'error', note: '好' };

  async function expectRefused(bad: CellMark, code: string) {
    const wb = await XlsxWorkbook.load(sourceBytes, 'a.xlsx');
    const err = await wb.applyMarks([good, bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookMarkError);
    expect((err as WorkbookMarkError).code).toBe(code);
    expect((err as WorkbookMarkError).messageIn('en-US')).toContain('no mark was written');
    // Not even the good mark: the bytes are the source's, unpatched.
    expect(Buffer.from(await wb.toBuffer()).equals(Buffer.from(sourceBytes))).toBe(true);
  }

  it('an unknown sheet', () => expectRefused({ ...good, sheet: '不存在' }, 'mark/unknown-sheet'));
  it('a row below the sheet', () =>
    expectRefused({ ...good, row: RICH.lastDataRow + 1 }, 'mark/outside-sheet'));
  it('a column right of the sheet', () =>
    expectRefused({ ...good, column: RICH.lastColumn + 1 }, 'mark/outside-sheet'));
  it('row 0', () => expectRefused({ ...good, row: 0 }, 'mark/outside-sheet'));
  it('a fractional column', () => expectRefused({ ...good, column: 1.5 }, 'mark/outside-sheet'));

  it('clearMarks says it is not supported for files', async () => {
    const wb = await XlsxWorkbook.load(sourceBytes, 'a.xlsx');
    await expect(wb.clearMarks()).rejects.toMatchObject({ code: 'mark/clear-unsupported' });
  });
});

describe('notes written by Excel (rich text with an author line)', () => {
  it('keeps the runs and appends ours once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.getCell('A1').value = '名称';
    ws.getCell('A2').value = '于都县红旗食品有限公司';
    const authored = {
      texts: [
        { font: { bold: true, size: 9, name: '宋体' }, text: '张三:' },
        { font: { size: 9, name: '宋体' }, text: '\n请核对营业执照' },
      ],
    };
    ws.getCell('A2').note = authored as ExcelJS.Comment;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const mark: CellMark = {
      sheet: '表1',
      row: 2,
      column: 1,
      severity: 'warning',
      note: '对象名称与登记名称不一致',
    };

    const once = await XlsxWorkbook.load(bytes, 'rich-note.xlsx');
    await once.applyMarks([mark]);
    const twice = await XlsxWorkbook.load(await once.toBuffer(), 'rich-note.xlsx');
    await twice.applyMarks([mark]);
    const cell = (await plainLoad(await twice.toBuffer())).getWorksheet('表1')!.getCell('A2');
    const note = cell.note as unknown as { texts: { text: string; font?: { bold?: boolean } }[] };
    expect(noteText(note)).toBe('张三:\n请核对营业执照\n对象名称与登记名称不一致');
    expect(note.texts[0]!.font?.bold).toBe(true);
    expect(cell.value).toBe('于都县红旗食品有限公司');
  });
});
