import type { RowsChanged } from '../../../src/core/workbook-port';
import { FakeExcel, type FakeSheetInit } from './fake-excel';
import { adapterOn } from './helpers';

function sheet(): FakeSheetInit {
  return {
    name: '清单',
    values: [
      ['序号', '名称', '比例'],
      [1, '甲', '150%'],
      [2, '乙', 'abc'],
      [3, '丙', 0.05],
    ],
    fills: { C3: '#FFFF00' },
    notes: { C3: '原注' },
  };
}

describe('live re-validation', () => {
  test('edits are reported as changed rows (ExcelApi 1.9: one handler on the sheet collection)', async () => {
    const fake = new FakeExcel({ api: '1.9', sheets: [sheet(), { name: '其他', values: [['x']] }] });
    const wb = adapterOn(fake);
    const seen: RowsChanged[] = [];
    const stop = await wb.onRowsChanged!((c) => seen.push(c));
    expect(fake.listenerCount).toBe(1);
    await fake.edit('清单', 'C2', '5%');
    await fake.edit('其他', 'A1', 'y');
    expect(seen).toEqual([
      { sheet: '清单', rows: [2] },
      { sheet: '其他', rows: [1] },
    ]);
    await stop();
    expect(fake.listenerCount).toBe(0);
  });

  test('ExcelApi 1.7: one handler per sheet; a whole-column edit reports only used rows', async () => {
    const fake = new FakeExcel({ api: '1.7', sheets: [sheet(), { name: '其他', values: [['x']] }] });
    const wb = adapterOn(fake);
    const seen: RowsChanged[] = [];
    const stop = await wb.onRowsChanged!((c) => seen.push(c));
    expect(fake.listenerCount).toBe(2);
    await fake.edit('清单', 'B:B', '');
    expect(seen).toEqual([{ sheet: '清单', rows: [1, 2, 3, 4] }]);
    await stop();
    expect(fake.listenerCount).toBe(0);
  });

  test('edits of generated sheets and of the mark record are ignored', async () => {
    const fake = new FakeExcel({ api: '1.9', sheets: [sheet()] });
    const wb = adapterOn(fake);
    await wb.writeSheet({
      name: '汇总',
      columns: [],
      rows: [{ cells: [{ value: 'x' }] }],
      merges: [],
      styles: {},
    });
    await wb.applyMarks([{ sheet: '清单', row: 2, column: 3, severity: 'error', note: '错' }]);
    const seen: RowsChanged[] = [];
    await wb.onRowsChanged!((c) => seen.push(c));
    await fake.edit('汇总', 'A1', 'y');
    await fake.edit('_drc_marks', 'Z1', 'y');
    expect(seen).toEqual([]);
  });

  test('remarkRows: the old marks of the rows go back to their originals, new ones are applied, originals kept', async () => {
    const fake = new FakeExcel({ sheets: [sheet()] });
    const before = fake.decorations('清单');
    const values = fake.snapshot('清单');
    const wb = adapterOn(fake);
    await wb.applyMarks([
      { sheet: '清单', row: 2, column: 3, severity: 'error', note: '比例超出范围' },
      { sheet: '清单', row: 3, column: 3, severity: 'error', note: '不是比例' },
      { sheet: '清单', row: 3, column: 2, severity: 'info', note: '提示' },
    ]);
    // Row 2 is fixed; row 3 changes: C3 now only a warning, B3 no longer flagged.
    fake.resetCounters();
    await wb.remarkRows(
      '清单',
      [2, 3],
      [{ sheet: '清单', row: 3, column: 3, severity: 'warning', note: '请写成百分比' }],
    );
    expect(fake.counters.syncs).toBeLessThanOrEqual(8);
    expect(fake.fill('清单', 'C2')).toBeNull();
    expect(fake.note('清单', 'C2')).toBeUndefined();
    expect(fake.fill('清单', 'B3')).toBeNull();
    expect(fake.fill('清单', 'C3')).toBe('#FFEB9C');
    expect(fake.note('清单', 'C3')).toBe('原注\n请写成百分比');
    await wb.clearMarks();
    expect(fake.decorations('清单')).toBe(before);
    expect(fake.snapshot('清单')).toBe(values);
  });

  test('rows deleted while the pane listens: records of the deleted rows are dropped, the others move up', async () => {
    const fake = new FakeExcel({ sheets: [sheet()] });
    const wb = adapterOn(fake);
    const seen: RowsChanged[] = [];
    await wb.onRowsChanged!((c) => seen.push(c));
    await wb.applyMarks([
      { sheet: '清单', row: 2, column: 2, severity: 'error', note: '一' },
      { sheet: '清单', row: 4, column: 2, severity: 'error', note: '二' },
    ]);
    await fake.deleteRows('清单', 2, 1);
    expect(seen).toEqual([{ sheet: '清单', rows: [], shift: { axis: 'rows', from: 2, by: -1 } }]);
    const result = await wb.clearMarksWithReport();
    expect(result).toEqual({ restored: 1, relocated: 0, kept: 0, skipped: [] });
    expect(fake.fill('清单', 'B3')).toBeNull();
  });

  test('no change events below ExcelApi 1.7', () => {
    const fake = new FakeExcel({ api: '1.6', sheets: [sheet()] });
    expect(adapterOn(fake).onRowsChanged).toBeUndefined();
  });
});
