/// <reference types="office-js" />
import { checkGrids } from '../../../src/features/check-workbook';
import { ExcelHostError, type ExcelRun } from '../../../src/hosts/excel';
import { checklistSheet, HEADER } from './checklist-data';
import { FakeExcel } from './fake-excel';
import { adapterOn, figures } from './helpers';

// Compile-time check: the real `Excel.run` fits the adapter's injected `run`.
type RunFits = typeof Excel.run extends ExcelRun ? true : false;
const runFits: RunFits = true;

const MB5 = 5 * 1024 * 1024;

describe('reading a sheet through Office.js', () => {
  test('Excel.run can be passed in as it is', () => {
    expect(runFits).toBe(true);
  });

  test('validating 50,000 rows × 15 columns takes at most 12 syncs, no request or response over 5 MB', async () => {
    const fake = new FakeExcel({ sheets: [checklistSheet('检查实施清单', 50_000)] });
    const wb = adapterOn(fake);
    const grids = await wb.readSheets();
    const reports = checkGrids(grids);
    const f = figures('read + validate 50,000 × 15', fake.counters);

    expect(f.syncs).toBeLessThanOrEqual(12);
    expect(f.maxRequest).toBeLessThanOrEqual(MB5);
    expect(f.maxResponse).toBeLessThanOrEqual(MB5);

    const [grid] = grids;
    expect(grid!.values).toHaveLength(50_003);
    expect(grid!.startRow).toBe(1);
    expect(grid!.values[2]).toEqual(HEADER);
    expect(grid!.values[3]![0]).toBe(1);
    expect(grid!.values[50_002]![0]).toBe(50_000);
    // The title merge and 10,000 groups of 检查主体 (E4:E8, E9:E13 …), each found once.
    expect(grid!.merges).toHaveLength(10_001);
    expect(grid!.merges).toContainEqual({ top: 4, left: 5, bottom: 8, right: 5 });
    expect(grid!.merges).toContainEqual({ top: 49_999, left: 5, bottom: 50_003, right: 5 });
    expect(grid!.numberFormats?.find((r) => r?.[9] === '0%')).toBeDefined();
    expect(reports[0]!.kind).toBe('checklist');
    expect(reports[0]!.issues.length).toBeGreaterThan(1000);
  });

  test('a sheet that starts lower and to the right keeps its position (startRow, startColumn)', async () => {
    const values: (string | number | null)[][] = [
      [],
      [],
      [null, null, '名称', '比例'],
      [null, null, '甲', 0.05],
    ];
    const fake = new FakeExcel({
      sheets: [{ name: 'S', values, formats: [[], [], [], [null, null, null, '0%']] }],
    });
    const grid = await adapterOn(fake).readSheet('S');
    expect(grid.startRow).toBe(3);
    expect(grid.startColumn).toBe(3);
    expect(grid.values).toEqual([
      ['名称', '比例'],
      ['甲', 0.05],
    ]);
    expect(grid.numberFormats?.[1]?.[1]).toBe('0%');
  });

  test.each(['1.1', '1.4', '1.7', '1.12'])(
    'ExcelApi %s: values are read, merged areas are unknown (and capabilities say so)',
    async (api) => {
      const fake = new FakeExcel({ api, sheets: [checklistSheet('清单', 300)] });
      const wb = adapterOn(fake);
      const grid = await wb.readSheet('清单');
      expect(grid.values).toHaveLength(303);
      expect(grid.values[3]![2]).toMatch(/^\S+1$/);
      expect(grid.merges).toEqual([]);
      expect(wb.capabilities().mergedAreas).toBe(false);
    },
  );

  test('ExcelApi 1.13: merged areas are read', async () => {
    const fake = new FakeExcel({ api: '1.13', sheets: [checklistSheet('清单', 300)] });
    const wb = adapterOn(fake);
    expect((await wb.readSheet('清单')).merges).toHaveLength(61);
    expect(wb.capabilities().mergedAreas).toBe(true);
  });

  test('dense merges after a sparse start: a failing merged-areas call (over 512) is retried in smaller windows, none is lost', async () => {
    const values: (string | null)[][] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 4000; r++) {
      values.push(['x', r <= 2000 ? 'a' : 'b', null, 'c', null, 'd', null, 'e', null]);
      if (r > 2000) merges.push(`B${r}:C${r}`, `D${r}:E${r}`, `F${r}:G${r}`, `H${r}:I${r}`);
    }
    const fake = new FakeExcel({ sheets: [{ name: 'M', values, merges }] });
    const grid = await adapterOn(fake, { firstBlockRows: 2000 }).readSheet('M');
    expect(grid.merges).toHaveLength(8000);
    expect(fake.counters.failedSyncs).toBeGreaterThanOrEqual(1);
    figures('dense merges 4,000 rows', fake.counters);
  });

  test('a wide sheet: a first block over 5 MB is refused by Excel and read again in smaller blocks', async () => {
    const row = Array.from({ length: 300 }, (_, j) => `第${j}列的一段较长的中文内容`);
    const fake = new FakeExcel({ sheets: [{ name: 'W', values: Array.from({ length: 2000 }, () => row) }] });
    const grid = await adapterOn(fake).readSheet('W');
    expect(grid.values).toHaveLength(2000);
    expect(grid.values[1999]![299]).toBe('第299列的一段较长的中文内容');
    expect(fake.counters.failedSyncs).toBe(1);
    expect(fake.counters.responseBytes.filter((b) => b > MB5)).toHaveLength(1);
  });

  test('several sheets share syncs; the record and result sheets of the adapter are not read', async () => {
    const fake = new FakeExcel({
      api: '1.9',
      sheets: [checklistSheet('一', 50), checklistSheet('二', 50), { name: '空', values: [] }],
    });
    const wb = adapterOn(fake);
    await wb.applyMarks([{ sheet: '一', row: 5, column: 3, severity: 'error', note: '错' }]);
    expect(fake.sheetNames()).toEqual(['一', '二', '空', '_drc_marks', '校验结果']);
    fake.resetCounters();
    const grids = await wb.readSheets();
    expect(grids.map((g) => g.name)).toEqual(['一', '二', '空']);
    expect(grids[2]!.values).toEqual([]);
    expect(fake.counters.syncs).toBeLessThanOrEqual(4);
  });

  test('an unknown sheet gives a typed error in both languages', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [['a']] }] });
    const error = await adapterOn(fake)
      .readSheet('没有')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe('excel/unknown-sheet');
    expect((error as ExcelHostError).messageIn('zh-CN')).toContain('没有');
    expect((error as ExcelHostError).messageIn('en-US')).toContain('no sheet named');
  });

  test('activeSheet and selectCell', async () => {
    const fake = new FakeExcel({
      sheets: [
        { name: 'A', values: [['x']] },
        { name: 'B', values: [['y']] },
      ],
    });
    const wb = adapterOn(fake);
    expect(await wb.activeSheet()).toBe('A');
    await wb.selectCell('B', 'C7');
    expect(await wb.activeSheet()).toBe('B');
    expect(fake.book.selection).toEqual({ sheetId: fake.sheetId('B'), address: 'C7' });
  });
});
