import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Grid } from '../../../src/core/grid';
import { MARK_COLOURS } from '../../../src/core/workbook-port';
import { CsvWorkbook, toSheetName } from '../../../src/hosts/xlsx/csv-workbook';
import { WorkbookMarkError } from '../../../src/hosts/xlsx/errors';
import { openWorkbookFile } from '../../../src/hosts/xlsx/node-file';
import { encodeText } from '../../helpers/encode-text';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drc-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a real file, opens it through the node entry point, and returns the CSV workbook and its one grid. */
async function open(name: string, bytes: Uint8Array): Promise<{ wb: CsvWorkbook; grid: Grid }> {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  const wb = await openWorkbookFile(p);
  expect(wb).toBeInstanceOf(CsvWorkbook);
  const grids = await wb.readSheets();
  expect(grids).toHaveLength(1);
  return { wb: wb as CsvWorkbook, grid: grids[0]! };
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const BOM8 = new Uint8Array([0xef, 0xbb, 0xbf]);

/** A checklist export with the usual trouble: quotes, a comma and a line break in a field, numbers as text, blanks. */
const CHECKLIST_ROWS = [
  ['序号', '检查事项名称', '检查对象', '抽查比例', '备注'],
  ['1', '食品生产企业监督检查', '于都县红旗食品有限公司', '5%', ''],
  ['2', '特种设备使用单位监督检查', '于都县宏发机械制造有限公司, 二分厂', '0.03', '含"压力容器"'],
  ['3', '广告发布行为检查', '于都县红土地传媒有限公司', '', '第一行\n第二行'],
];
/** The same rows as a grid reads them: strings, empty fields null, trailing blanks dropped. */
const CHECKLIST_GRID = [
  ['序号', '检查事项名称', '检查对象', '抽查比例', '备注'],
  ['1', '食品生产企业监督检查', '于都县红旗食品有限公司', '5%'],
  ['2', '特种设备使用单位监督检查', '于都县宏发机械制造有限公司, 二分厂', '0.03', '含"压力容器"'],
  ['3', '广告发布行为检查', '于都县红土地传媒有限公司', null, '第一行\n第二行'],
];

function delimited(rows: string[][], delimiter: string, newline: string): string {
  const quote = (f: string) => (/[",\t;\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
}

describe('CsvWorkbook reads text exports', () => {
  it('a GBK CSV (the usual Chinese platform export)', async () => {
    const bytes = encodeText(delimited(CHECKLIST_ROWS, ',', '\r\n'), 'gbk');
    const { wb, grid } = await open('于都县住建局-抽查事项清单(GBK).csv', bytes);
    expect(wb.encoding).toBe('gb18030');
    expect(wb.delimiter).toBe(',');
    expect(grid.name).toBe('于都县住建局-抽查事项清单(GBK)');
    expect(grid.values).toEqual(CHECKLIST_GRID);
    expect(grid.merges).toEqual([]);
    expect(grid.numberFormats).toBeUndefined();
  });

  it('a GB18030-only character survives', async () => {
    const { grid } = await open('生僻字.csv', encodeText('名称\n𠀀字号饭店\n', 'gb18030'));
    expect(grid.values).toEqual([['名称'], ['𠀀字号饭店']]);
  });

  it('a Big5 CSV (traditional characters)', async () => {
    const text =
      '序號,檢查事項名稱,檢查對象\n1,食品生產企業監督檢查,於都縣紅旗食品有限公司\n2,特種設備使用單位監督檢查,於都縣宏發機械製造有限公司\n';
    const { wb, grid } = await open('繁体.csv', encodeText(text, 'big5'));
    expect(wb.encoding).toBe('big5');
    expect(grid.values[2]).toEqual(['2', '特種設備使用單位監督檢查', '於都縣宏發機械製造有限公司']);
  });

  it("a UTF-16 LE TSV with BOM (Excel's “Unicode text”)", async () => {
    const bytes = concat(
      new Uint8Array([0xff, 0xfe]),
      encodeText(delimited(CHECKLIST_ROWS, '\t', '\r\n'), 'utf-16le'),
    );
    const { wb, grid } = await open('检查实施清单.txt', bytes);
    expect(wb.encoding).toBe('utf-16le');
    expect(wb.delimiter).toBe('\t');
    expect(grid.name).toBe('检查实施清单');
    expect(grid.values).toEqual(CHECKLIST_GRID);
  });

  it('a UTF-16 BE TSV with BOM', async () => {
    const bytes = concat(
      new Uint8Array([0xfe, 0xff]),
      encodeText(delimited(CHECKLIST_ROWS, '\t', '\n'), 'utf-16be'),
    );
    const { wb, grid } = await open('大端.tsv', bytes);
    expect(wb.encoding).toBe('utf-16be');
    expect(grid.values).toEqual(CHECKLIST_GRID);
  });

  it('UTF-16 without BOM, little and big endian (Chinese-heavy: only delimiters and digits have NUL bytes)', async () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const bytes = encodeText(delimited(CHECKLIST_ROWS, '\t', '\r\n'), encoding);
      const { wb, grid } = await open(`无BOM-${encoding}.tsv`, bytes);
      expect(wb.encoding).toBe(encoding);
      expect(grid.values).toEqual(CHECKLIST_GRID);
    }
  });

  it('a UTF-8 CSV with BOM: the first header has no BOM character', async () => {
    const { wb, grid } = await open('带BOM.csv', concat(BOM8, utf8(delimited(CHECKLIST_ROWS, ',', '\n'))));
    expect(wb.encoding).toBe('utf-8');
    expect(grid.values[0]![0]).toBe('序号');
    expect(grid.values).toEqual(CHECKLIST_GRID);
  });

  it('a UTF-8 CSV without BOM, separated by semicolons', async () => {
    const { wb, grid } = await open('分号.csv', utf8(delimited(CHECKLIST_ROWS, ';', '\n')));
    expect(wb.delimiter).toBe(';');
    expect(grid.values).toEqual(CHECKLIST_GRID);
  });

  it('keeps blank lines inside so row numbers match the file, and drops trailing ones', async () => {
    const { grid } = await open('空行.csv', utf8('单位名称,任务数\n\n于都县市场监督管理局,12\n\n\n'));
    expect(grid.values).toEqual([['单位名称', '任务数'], [], ['于都县市场监督管理局', '12']]);
  });
});

describe('CsvWorkbook marked copy', () => {
  it('is an .xlsx with the same values in a sheet of the same name, and the marks', async () => {
    const { wb, grid } = await open(
      '于都县住建局-抽查事项清单.csv',
      encodeText(delimited(CHECKLIST_ROWS, ',', '\r\n'), 'gbk'),
    );
    await wb.applyMarks([
      { sheet: grid.name, row: 3, column: 4, severity: 'error', note: '抽查比例应写成百分数' },
      { sheet: grid.name, row: 4, column: 4, severity: 'warning', note: '抽查比例为空' },
    ]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    expect(out.worksheets.map((w) => w.name)).toEqual(['于都县住建局-抽查事项清单']);
    const ws = out.worksheets[0]!;
    expect(ws.rowCount).toBe(CHECKLIST_GRID.length);
    for (let r = 1; r <= CHECKLIST_GRID.length; r++) {
      for (let c = 1; c <= 5; c++) {
        const cell = ws.getCell(r, c);
        expect([r, c, cell.value]).toEqual([r, c, CHECKLIST_GRID[r - 1]![c - 1] ?? null]);
        const marked = (r === 3 || r === 4) && c === 4;
        if (!marked) {
          expect(cell.fill === undefined || (cell.fill as ExcelJS.FillPattern).pattern === 'none').toBe(true);
          expect(cell.note).toBeUndefined();
        }
      }
    }
    expect((ws.getCell('D3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_COLOURS.error);
    expect(ws.getCell('D3').note).toBe('抽查比例应写成百分数');
    expect((ws.getCell('D4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_COLOURS.warning);
    expect(ws.getCell('D4').note).toBe('抽查比例为空');
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
  });

  it('a name Excel cannot take as a sheet name is made safe; marks still use the grid name', async () => {
    const name = '于都县[2026]第一批双随机抽查事项清单:市场监管局汇总表(最终版)';
    const { wb, grid } = await open(`${name}.csv`, utf8('序号,名称\n1,食品\n'));
    expect(grid.name).toBe(name);
    await wb.applyMarks([{ sheet: name, row: 2, column: 2, severity: 'info', note: '提示' }]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    expect(out.worksheets[0]!.name).toBe(toSheetName(name));
    expect([...out.worksheets[0]!.name]).toHaveLength(31);
    expect(out.worksheets[0]!.name).not.toMatch(/[[\]:*?/\\]/);
    expect(out.worksheets[0]!.getCell('B2').note).toBe('提示');
    expect(toSheetName('a/b\\c?*')).toBe('a_b_c__');
    expect(toSheetName("'清单'")).toBe('清单');
    expect(toSheetName('')).toBe('Sheet1');
  });

  it('refuses marks outside the data or on another sheet, writing nothing', async () => {
    const { wb, grid } = await open('小表.csv', utf8('序号,名称\n1,食品\n'));
    await expect(
      wb.applyMarks([{ sheet: grid.name, row: 3, column: 1, severity: 'error', note: 'x' }]),
    ).rejects.toBeInstanceOf(WorkbookMarkError);
    await expect(
      wb.applyMarks([{ sheet: 'Sheet1', row: 1, column: 1, severity: 'error', note: 'x' }]),
    ).rejects.toMatchObject({ code: 'mark/unknown-sheet' });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await wb.toBuffer()) as unknown as ArrayBuffer);
    expect(out.worksheets[0]!.getCell('A1').note).toBeUndefined();
    await expect(wb.clearMarks()).rejects.toMatchObject({ code: 'mark/clear-unsupported' });
  });
});
