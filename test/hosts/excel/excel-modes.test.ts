import { checkGrids, issuesToMarks } from '../../../src/features/check-workbook';
import { STORE_SHEET } from '../../../src/hosts/excel';
import { checklistSheet } from './checklist-data';
import { FakeExcel, type FakeSheetInit } from './fake-excel';
import { adapterOn } from './helpers';

function small(): FakeSheetInit {
  return {
    name: '清单',
    values: [
      ['序号', '名称', '比例'],
      [1, '甲', '150%'],
      [2, '乙', 0.05],
    ],
    fills: { B2: '#00B050' },
    notes: { B3: '原注' },
    comments: { C3: '审核意见:请核对比例' },
  };
}

const mark = (row: number, column: number, note: string) => ({
  sheet: '清单',
  row,
  column,
  severity: 'error' as const,
  note,
});

describe('marks on every API level', () => {
  test('ExcelApi 1.1: the core flow works — fills, a 校验结果 sheet with plain addresses, clearing restores', async () => {
    const fake = new FakeExcel({ api: '1.1', sheets: [checklistSheet('检查实施清单', 200)] });
    const wb = adapterOn(fake);
    expect(wb.capabilities()).toEqual({
      host: 'excel',
      notes: false,
      comments: false,
      rangeAreas: false,
      mergedAreas: false,
      charts: true,
      events: false,
    });
    expect(wb.onRowsChanged).toBeUndefined();
    const before = { values: fake.snapshot('检查实施清单'), looks: fake.decorations('检查实施清单') };

    const grids = await wb.readSheets();
    const marks = issuesToMarks(checkGrids(grids), 'zh-CN');
    expect(marks.length).toBeGreaterThan(10);
    await wb.applyMarks(marks);

    expect(
      fake.fill('检查实施清单', `${String.fromCharCode(64 + marks[0]!.column)}${marks[0]!.row}`),
    ).toMatch(/^#FF/);
    expect(fake.note('检查实施清单', 'A4')).toBeUndefined();
    expect(fake.sheetNames()).toEqual(['检查实施清单', STORE_SHEET, '校验结果']);
    // ExcelApi 1.1 cannot hide a sheet (setting visibility needs 1.2).
    expect(fake.visibility(STORE_SHEET)).toBe('Visible');
    expect([
      fake.value('校验结果', 'A1'),
      fake.value('校验结果', 'B1'),
      fake.value('校验结果', 'C1'),
      fake.value('校验结果', 'D1'),
    ]).toEqual(['工作表', '单元格', '级别', '问题说明']);
    expect(fake.value('校验结果', 'A2')).toBe('检查实施清单');
    expect(fake.value('校验结果', 'B2')).toMatch(/^[A-O]\d+$/);
    expect(fake.link('校验结果', 'B2')).toBeUndefined();
    expect(String(fake.value('校验结果', 'D2'))).toMatch(/^\[(错误|警告|提示)\]/);
    expect(fake.snapshot('检查实施清单')).toBe(before.values);

    // The result sheet is not read back as data.
    expect((await wb.readSheets()).map((g) => g.name)).toEqual(['检查实施清单']);

    const result = await wb.clearMarksWithReport();
    expect(result.skipped).toEqual([]);
    expect(fake.decorations('检查实施清单')).toBe(before.looks);
    expect(fake.snapshot('检查实施清单')).toBe(before.values);
    expect(fake.sheetNames()).toEqual(['检查实施清单']);
  });

  test('ExcelApi 1.7: the result sheet links to the cells', async () => {
    const fake = new FakeExcel({ api: '1.7', sheets: [small()] });
    await adapterOn(fake).applyMarks([mark(2, 3, '比例超出范围')]);
    expect(fake.link('校验结果', 'B2')).toEqual({ documentReference: "'清单'!C2", textToDisplay: 'C2' });
    expect(fake.value('校验结果', 'D2')).toBe('比例超出范围');
    expect(fake.model('校验结果').freeze).toEqual({ rows: 1, columns: 0 });
  });

  test('a user sheet named 校验结果 is never replaced by the result sheet', async () => {
    const fake = new FakeExcel({
      api: '1.9',
      sheets: [small(), { name: '校验结果', values: [['我的数据']] }],
    });
    const wb = adapterOn(fake);
    await wb.applyMarks([mark(2, 3, '错')]);
    expect(fake.value('校验结果', 'A1')).toBe('我的数据');
    expect(fake.value('校验结果 (2)', 'B2')).toBe('C2');
    await wb.clearMarks();
    expect(fake.sheetNames()).toEqual(['清单', '校验结果']);
  });

  test.each(['1.10', '1.17'])(
    'ExcelApi %s: comments — a new thread, or a reply to an existing one; clearing removes only ours',
    async (api) => {
      const fake = new FakeExcel({ api, sheets: [small()] });
      const before = fake.decorations('清单');
      const wb = adapterOn(fake);
      expect(wb.capabilities()).toMatchObject({ notes: false, comments: true });
      await wb.applyMarks([mark(2, 3, '比例超出范围'), mark(3, 3, '比例缺少百分号')]);
      expect(fake.comment('清单', 'C2')).toMatchObject({ content: '比例超出范围', replies: [] });
      expect(fake.comment('清单', 'C3')).toMatchObject({
        content: '审核意见:请核对比例',
        replies: [{ content: '比例缺少百分号' }],
      });
      expect(fake.note('清单', 'B3')).toBe('原注');

      // Marking again edits our own comment and reply instead of adding more.
      await wb.applyMarks([mark(2, 3, '第二次'), mark(3, 3, '第二次回复')]);
      expect(fake.comment('清单', 'C2')).toMatchObject({ content: '第二次', replies: [] });
      expect(fake.comment('清单', 'C3')?.replies.map((r) => r.content)).toEqual(['第二次回复']);

      expect((await wb.clearMarksWithReport()).restored).toBe(2);
      expect(fake.decorations('清单')).toBe(before);
    },
  );

  test('comments: the person’s replies under our comment stay when clearing; the first takes its place', async () => {
    const fake = new FakeExcel({ api: '1.10', sheets: [small()] });
    const wb = adapterOn(fake);
    await wb.applyMarks([mark(2, 3, '比例超出范围'), mark(3, 3, '比例缺少百分号')]);
    fake.addReply('清单', 'C2', '已核实：按省局口径');
    fake.addReply('清单', 'C2', '同意');
    fake.addReply('清单', 'C3', '已改');
    const values = fake.snapshot('清单');
    const report = await wb.clearMarksWithReport();
    expect(fake.comment('清单', 'C2')).toMatchObject({
      content: '已核实：按省局口径',
      replies: [{ content: '同意' }],
    });
    // Our reply in the person's thread goes; the reply written after it stays.
    expect(fake.comment('清单', 'C3')).toMatchObject({
      content: '审核意见:请核对比例',
      replies: [{ content: '已改' }],
    });
    expect(report).toMatchObject({ restored: 2, kept: 1, skipped: [] });
    expect(fake.snapshot('清单')).toBe(values);
  });

  test('ExcelApi 1.18: notes, appended to an existing note and restored after', async () => {
    const fake = new FakeExcel({ api: '1.18', sheets: [small()] });
    const before = fake.decorations('清单');
    const wb = adapterOn(fake);
    expect(wb.capabilities()).toMatchObject({
      notes: true,
      comments: true,
      rangeAreas: true,
      mergedAreas: true,
      events: true,
    });
    await wb.applyMarks([mark(2, 2, '名称重复'), mark(3, 2, '名称不规范')]);
    expect(fake.note('清单', 'B2')).toBe('名称重复');
    expect(fake.note('清单', 'B3')).toBe('原注\n名称不规范');
    expect(fake.comment('清单', 'C3')?.replies).toEqual([]);
    await wb.clearMarks();
    expect(fake.decorations('清单')).toBe(before);
  });

  test.each(['1.1', '1.4', '1.9', '1.18'])(
    'ExcelApi %s: state is kept inside the workbook and survives reopening',
    async (api) => {
      const fake = new FakeExcel({ api, sheets: [small()] });
      const wb = adapterOn(fake);
      expect(await wb.loadState('last')).toBeUndefined();
      await wb.saveState('last', '{"issues":3}');
      await wb.saveState('mapping', '{"C":"ratio"}');
      await wb.applyMarks([mark(2, 2, '错')]);
      await wb.clearMarks();
      const reopened = FakeExcel.open(fake.save(), api);
      const again = adapterOn(reopened);
      expect(await again.loadState('last')).toBe('{"issues":3}');
      expect(await again.loadState('mapping')).toBe('{"C":"ratio"}');
    },
  );
});
