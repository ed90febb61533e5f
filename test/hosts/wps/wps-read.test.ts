import { GridView } from '../../../src/core/grid';
import { checkGrids } from '../../../src/features/check-workbook';
import { toMatrix } from '../../../src/hosts/wps/wps-values';
import { checklistSheet, HEADER } from './checklist-sheet';
import { FakeEt } from './fake-et';
import { adapterOn, figures } from './helpers';

describe('reading sheets in bulk', () => {
  test('50,000 rows × 15 columns: one Value2 read, host calls few and independent of the row count', async () => {
    const counts: number[] = [];
    for (const rows of [5_000, 50_000]) {
      const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', rows)] });
      const wb = adapterOn(fake);
      fake.counters.reset();
      const grid = await wb.readSheet('检查实施清单');
      const f = figures(`read ${rows} rows × 15 columns`, fake.counters);
      counts.push(f.total);
      expect(fake.counters.byName.get('Range.Value2')).toBe(1);
      expect(grid.values).toHaveLength(rows + 3);
      expect(grid.values[2]).toEqual(HEADER);
      expect(grid.startRow).toBe(1);
      expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 15 }]);
      const view = new GridView(grid);
      const firstNumber = grid.values.findIndex((r, i) => i > 2 && typeof r[9] === 'number');
      expect(view.format(firstNumber + 1, 10)).toBe('0%');
      expect(f.total).toBeLessThanOrEqual(150);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  test('the grid read from WPS validates like the file: issues found, percent cells read as percent', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 2_000)] });
    const grid = await adapterOn(fake).readSheet('检查实施清单');
    const [report] = checkGrids([grid]);
    expect(report!.kind).toBe('checklist');
    expect(report!.issues.length).toBeGreaterThan(50);
    expect(report!.issues.some((i) => i.field === 'ratio' && i.received === '5%')).toBe(false);
  });

  test('number formats that differ cell by cell are probed over number cells only, far from one call per cell', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 50_000, { formats: 'cells' })] });
    const wb = adapterOn(fake);
    fake.counters.reset();
    const grid = await wb.readSheet('检查实施清单');
    const f = figures('read 50,000 rows, ratio formats set cell by cell', fake.counters);
    const view = new GridView(grid);
    let percent = 0;
    for (let r = 4; r <= 50_003; r++)
      if (typeof view.raw(r, 10) === 'number') {
        percent++;
        if (view.format(r, 10) !== '0%') throw new Error(`J${r} read without its 0% format`);
      }
    expect(percent).toBeGreaterThan(10_000);
    expect(f.total).toBeLessThan(percent / 4);
  });

  test('merged columns: three calls per merged area, found exactly, whatever else the sheet holds', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 5_000, { groupMerges: true })] });
    const wb = adapterOn(fake);
    fake.counters.reset();
    const grid = await wb.readSheet('检查实施清单');
    const f = figures('read 5,000 rows with 2,000 merged 检查主体/代码 cells', fake.counters);
    const expected = fake
      .sheet('检查实施清单')
      .merges.map((m) => JSON.stringify(m))
      .sort();
    expect(grid.merges.map((m) => JSON.stringify(m)).sort()).toEqual(expected);
    expect(wb.lastRead.mergeAreas).toBe(expected.length);
    expect(f.total).toBeLessThanOrEqual(expected.length * 4 + 200);
    const [report] = checkGrids([grid]);
    // Followers of merged 检查主体 cells read as their master: no "required" issue on them.
    expect(report!.issues.filter((i) => i.code === 'required/missing' && i.column === 5)).toEqual([]);
  });

  test('Value2 as a 1-D array, a COM SAFEARRAY or a scalar; NumberFormat as an array', async () => {
    for (const value2Shape of ['1d', 'vbarray'] as const) {
      const fake = new FakeEt({
        value2Shape,
        numberFormatArrays: true,
        sheets: [
          { name: 'S', values: [['a', 1, 0.5]], formats: { C1: '0%' } },
          { name: 'T', values: [['x'], ['y'], [3]] },
          { name: 'U', values: [['only']] },
        ],
      });
      const wb = adapterOn(fake);
      const [s, t, u] = await wb.readSheets();
      expect(s!.values).toEqual([['a', 1, 0.5]]);
      expect(s!.numberFormats?.[0]?.[2]).toBe('0%');
      expect(t!.values).toEqual([['x'], ['y'], [3]]);
      expect(u!.values).toEqual([['only']]);
    }
    expect(toMatrix([[1, 2]], 1, 2)).toEqual([[1, 2]]);
    expect(toMatrix([1, 2, 3, 4], 2, 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(toMatrix('G/通用格式', 2, 1)).toEqual([['G/通用格式'], ['G/通用格式']]);
  });

  test('the used range may start anywhere; an empty sheet reads as no rows; COM error codes read as errors', async () => {
    const fake = new FakeEt({
      sheets: [{ name: 'S', origin: 'C5', values: [['a', -2146826246]] }, { name: 'Empty' }],
    });
    const [s, e] = await adapterOn(fake).readSheets();
    expect(s!.startRow).toBe(5);
    expect(s!.startColumn).toBe(3);
    expect(s!.values).toEqual([['a', { error: '#N/A' }]]);
    expect(e!.values).toEqual([]);
  });
});
