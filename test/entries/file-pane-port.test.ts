import ExcelJS from 'exceljs';
import { MARK_COLOURS } from '../../src/core/workbook-port';
import { WorkbookReadError } from '../../src/hosts/xlsx/errors';
import { checkGrid } from '../../src/app/check-flow';
import { defaultPaneSettings } from '../../src/app/pane-settings';
import { FilePanePort, markedCopyName } from '../../src/entries/file-pane-port';
import { readFileGrids } from '../../src/hosts/xlsx/read-file-grids';
import { exampleBytes, MARKET_LIST } from '../taskpane/helpers/examples';
import { MemoryStore } from '../taskpane/helpers/memory-port';

const GBK_CSV = '于都县住建局-抽查事项清单(GBK).csv';

describe('the standalone file port', () => {
  it('reads an .xlsx with the small reader and a GBK CSV with the file adapter', async () => {
    const xlsx = await readFileGrids(exampleBytes(MARKET_LIST), MARKET_LIST);
    expect(xlsx.map((g) => g.name)).toEqual(['检查实施清单', '填表说明']);
    const csv = await readFileGrids(exampleBytes(GBK_CSV), GBK_CSV);
    expect(csv).toHaveLength(1);
    expect(JSON.stringify(csv[0]!.values)).toContain('住房和城乡建设局');
  });

  it('says why a file cannot be read', async () => {
    await expect(readFileGrids(new Uint8Array(), 'a.xlsx')).rejects.toMatchObject({ code: 'file/empty' });
    await expect(readFileGrids(new Uint8Array([1, 2, 3]), 'a.pdf')).rejects.toMatchObject({
      code: 'file/unsupported',
    });
    await expect(readFileGrids(new TextEncoder().encode('hello'), 'a.xlsx')).rejects.toBeInstanceOf(
      WorkbookReadError,
    );
  });

  it('writes its marks into a downloadable copy and never into the original bytes', async () => {
    const bytes = exampleBytes(MARKET_LIST);
    const original = bytes.slice();
    const port = await FilePanePort.open(bytes, MARKET_LIST, new MemoryStore());
    const { marks } = checkGrid(await port.readSheet('检查实施清单'), defaultPaneSettings('zh-CN'));
    await port.applyMarks(marks);
    const copy = await port.markedCopy();
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(original))).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(copy as unknown as ArrayBuffer);
    const cell = workbook.getWorksheet('检查实施清单')!.getCell('I7');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_COLOURS.error);
    expect(String(cell.note)).toContain('150%');
    expect(cell.value).toBe('150%');
  });

  it('clears and re-marks rows in memory; selection is reported to the pane', async () => {
    const port = await FilePanePort.open(exampleBytes(MARKET_LIST), MARKET_LIST, new MemoryStore());
    const mark = (row: number) => ({
      sheet: '检查实施清单',
      row,
      column: 2,
      severity: 'error' as const,
      note: 'n',
    });
    await port.applyMarks([mark(5), mark(6)]);
    await port.remarkRows('检查实施清单', [6], []);
    expect(port.currentMarks().map((m) => m.row)).toEqual([5]);
    await port.clearMarks();
    expect(port.currentMarks()).toEqual([]);
    const seen: string[] = [];
    port.onSelect((sheet, address) => seen.push(`${sheet}!${address}`));
    await port.selectCell('填表说明', 'A1');
    expect(seen).toEqual(['填表说明!A1']);
    expect(await port.activeSheet()).toBe('填表说明');
  });

  it('keeps settings for every file and other state per file', async () => {
    const store = new MemoryStore();
    const a = await FilePanePort.open(exampleBytes(MARKET_LIST), MARKET_LIST, store);
    await a.saveState('drc.settings', 's');
    await a.saveState('drc.hints', 'h');
    const b = await FilePanePort.open(exampleBytes(GBK_CSV), GBK_CSV, store);
    expect(await b.loadState('drc.settings')).toBe('s');
    expect(await b.loadState('drc.hints')).toBeUndefined();
    expect(await a.loadState('drc.hints')).toBe('h');
  });

  it('names the copy after the file', () => {
    expect(markedCopyName('dir/清单.csv', '-已标注')).toBe('清单-已标注.xlsx');
  });
});
