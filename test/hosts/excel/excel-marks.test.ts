import { checkGrids, issuesToMarks } from '../../../src/features/check-workbook';
import { ExcelHostError, STORE_SHEET } from '../../../src/hosts/excel';
import { MARK_COLOURS } from '../../../src/core/workbook-port';
import { checklistSheet, scatteredMarks } from './checklist-data';
import { FakeExcel, type FakeSheetInit } from './fake-excel';
import { adapterOn, figures } from './helpers';

const MB5 = 5 * 1024 * 1024;
const MARK_COLOURS_HEX = Object.fromEntries(
  Object.entries(MARK_COLOURS).map(([k, v]) => [k, `#${v.slice(2)}`]),
);

/** A small sheet with fills, notes and values of every kind, to see originals come back exactly. */
function decorated(): FakeSheetInit {
  return {
    name: '清单',
    values: [
      ['序号', '名称', '比例', '备注'],
      [1, '甲', 0.05, ''],
      [2, '乙', '150%', '原有'],
      [3, '丙', 'abc', ''],
      [4, '丁', 0.1, ''],
    ],
    fills: { B2: '#00B050', C3: '#FFFF00', D3: '#FFFFFF' },
    notes: { B3: '原始批注:名称以省局清单为准', C4: '旧注' },
  };
}

describe('marking cells', () => {
  test('清除标记 keeps the words the person wrote into a marked note; only ours goes, the report counts it', async () => {
    const fake = new FakeExcel({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    await wb.applyMarks([
      { sheet: '清单', row: 3, column: 2, severity: 'warning', note: '[警告] 名称重复' },
      { sheet: '清单', row: 3, column: 3, severity: 'error', note: '[错误] 比例超出范围' },
      { sheet: '清单', row: 5, column: 3, severity: 'error', note: '[错误] 无法识别' },
    ]);
    fake.setNote('清单', 'B3', '原始批注:名称以省局清单为准\n[警告] 名称重复\n2020年已更名');
    fake.setNote('清单', 'C3', '[错误] 比例超出范围\n已核实：按省局口径');
    const values = fake.snapshot('清单');
    const result = await wb.clearMarksWithReport();
    expect(fake.note('清单', 'B3')).toBe('原始批注:名称以省局清单为准\n2020年已更名');
    expect(fake.note('清单', 'C3')).toBe('已核实：按省局口径');
    expect(fake.note('清单', 'C5')).toBeUndefined();
    expect(result).toEqual({ restored: 3, relocated: 0, kept: 2, skipped: [] });
    expect(fake.snapshot('清单')).toBe(values);
  });

  test('marking again keeps the words the person wrote into the note meanwhile', async () => {
    const fake = new FakeExcel({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    const at = (note: string) => [{ sheet: '清单', row: 3, column: 2, severity: 'warning' as const, note }];
    await wb.applyMarks(at('[警告] 名称重复'));
    fake.setNote('清单', 'B3', '原始批注:名称以省局清单为准\n[警告] 名称重复\n2020年已更名');
    await wb.applyMarks(at('[警告] 名称与上年不一致'));
    expect(fake.note('清单', 'B3')).toBe(
      '原始批注:名称以省局清单为准\n2020年已更名\n[警告] 名称与上年不一致',
    );
    fake.setNote(
      '清单',
      'B3',
      '原始批注:名称以省局清单为准\n2020年已更名\n[警告] 名称与上年不一致\n再补一句',
    );
    await wb.remarkRows('清单', [3], at('[警告] 第三次'));
    expect(fake.note('清单', 'B3')).toBe(
      '原始批注:名称以省局清单为准\n2020年已更名\n再补一句\n[警告] 第三次',
    );
    await wb.clearMarks();
    expect(fake.note('清单', 'B3')).toBe('原始批注:名称以省局清单为准\n2020年已更名\n再补一句');
  });

  test('a note never goes over what a cell holds: ours is cut, the person’s long note is kept whole', async () => {
    const long = '备'.repeat(31_900);
    const fake = new FakeExcel({ sheets: [{ ...decorated(), notes: { C3: long } }] });
    const wb = adapterOn(fake);
    await wb.applyMarks([
      { sheet: '清单', row: 3, column: 3, severity: 'error', note: `[错误] ${'很长的说明'.repeat(40)}` },
    ]);
    const text = fake.note('清单', 'C3')!;
    expect(text.length).toBeLessThanOrEqual(32_000);
    expect(text.startsWith(`${long}\n[错误] 很长的说明`)).toBe(true);
    await wb.clearMarks();
    expect(fake.note('清单', 'C3')).toBe(long);
  });

  test('5,000 scattered cells are marked in at most 15 syncs, no payload over 5 MB (notes, ExcelApi 1.18)', async () => {
    const fake = new FakeExcel({ sheets: [checklistSheet('检查实施清单', 50_000)] });
    const wb = adapterOn(fake);
    const marks = scatteredMarks('检查实施清单', 50_000, 5000);
    const before = fake.snapshot('检查实施清单');
    fake.resetCounters();
    await wb.applyMarks(marks);
    const f = figures('mark 5,000 scattered cells (notes)', fake.counters);
    expect(f.syncs).toBeLessThanOrEqual(15);
    expect(f.maxRequest).toBeLessThanOrEqual(MB5);
    expect(f.maxResponse).toBeLessThanOrEqual(MB5);
    for (const m of marks.filter((_, i) => i % 97 === 0)) {
      const a = `${String.fromCharCode(64 + m.column)}${m.row}`;
      expect(fake.fill('检查实施清单', a)).toBe(MARK_COLOURS_HEX[m.severity]);
      expect(fake.note('检查实施清单', a)).toBe(m.note);
    }
    expect(fake.snapshot('检查实施清单')).toBe(before);

    fake.resetCounters();
    const cleared = await wb.clearMarksWithReport();
    figures('clear 5,000 marks (notes)', fake.counters);
    expect(cleared.restored).toBe(5000);
    expect(fake.counters.syncs).toBeLessThanOrEqual(15);
    expect(fake.decorations('检查实施清单')).toBe('');
    expect(fake.sheetNames()).toEqual(['检查实施清单']);
  });

  test.each([
    ['1.17', 'comments'],
    ['1.9', 'a result sheet'],
    ['1.1', 'a result sheet, per-run ranges'],
  ])('ExcelApi %s: 5,000 scattered cells with %s stay within 15 syncs and 5 MB', async (api, label) => {
    const fake = new FakeExcel({ api, sheets: [checklistSheet('检查实施清单', 50_000)] });
    const wb = adapterOn(fake);
    fake.resetCounters();
    await wb.applyMarks(scatteredMarks('检查实施清单', 50_000, 5000));
    const f = figures(`mark 5,000 scattered cells (ExcelApi ${api}, ${label})`, fake.counters);
    expect(f.syncs).toBeLessThanOrEqual(15);
    expect(Math.max(f.maxRequest, f.maxResponse)).toBeLessThanOrEqual(MB5);
    fake.resetCounters();
    const cleared = await wb.clearMarksWithReport();
    figures(`clear 5,000 marks (ExcelApi ${api})`, fake.counters);
    expect(cleared.restored).toBe(5000);
    expect(fake.decorations('检查实施清单')).toBe('');
  });

  test('clearing restores original fills (white, coloured, patterned) and notes exactly; marking twice keeps the first originals', async () => {
    const fake = new FakeExcel({ sheets: [decorated()] });
    fake.model('清单').ensure(5, 2).fill = {
      color: '#4472C4',
      pattern: 'Gray25',
      patternColor: '#FF0000',
      tint: 0.4,
    };
    const before = fake.decorations('清单');
    const values = fake.snapshot('清单');
    const wb = adapterOn(fake);
    const marks = [
      { sheet: '清单', row: 2, column: 2, severity: 'warning' as const, note: '名称重复' },
      { sheet: '清单', row: 3, column: 2, severity: 'info' as const, note: '提示' },
      { sheet: '清单', row: 3, column: 3, severity: 'error' as const, note: '比例超出范围' },
      { sheet: '清单', row: 3, column: 4, severity: 'error' as const, note: '白色底' },
      { sheet: '清单', row: 4, column: 3, severity: 'error' as const, note: '不是比例' },
      { sheet: '清单', row: 5, column: 2, severity: 'warning' as const, note: '图案底' },
    ];
    await wb.applyMarks(marks);
    expect(fake.fill('清单', 'C3')).toBe('#FFC7CE');
    expect(fake.note('清单', 'B3')).toBe('原始批注:名称以省局清单为准\n提示');
    expect(fake.note('清单', 'C4')).toBe('旧注\n不是比例');
    await wb.applyMarks([{ sheet: '清单', row: 3, column: 3, severity: 'warning', note: '再次校验' }]);
    expect(fake.fill('清单', 'C3')).toBe('#FFEB9C');
    expect(fake.note('清单', 'C3')).toBe('再次校验');
    const result = await wb.clearMarksWithReport();
    expect(result).toEqual({ restored: 6, relocated: 0, kept: 0, skipped: [] });
    expect(fake.decorations('清单')).toBe(before);
    expect(fake.snapshot('清单')).toBe(values);
    expect(fake.sheetNames()).toEqual(['清单']);
  });

  test('cell values never change: validate → edit → re-validate → clear', async () => {
    const fake = new FakeExcel({ sheets: [checklistSheet('检查实施清单', 400), decorated()] });
    const wb = adapterOn(fake);
    const before = { a: fake.snapshot('检查实施清单'), b: fake.snapshot('清单') };
    const decorationsBefore = fake.decorations('检查实施清单');

    const grid = await wb.readSheet('检查实施清单');
    const marks = issuesToMarks(checkGrids([grid]), 'zh-CN');
    expect(marks.length).toBeGreaterThan(20);
    await wb.applyMarks(marks);
    expect(fake.snapshot('检查实施清单')).toBe(before.a);

    // The user fixes one flagged cell; the pane re-validates that row.
    const fix = marks.find((m) => m.column === 10)!;
    await fake.edit('检查实施清单', `J${fix.row}`, '5%');
    const after = await wb.readSheet('检查实施清单');
    const rowMarks = issuesToMarks(checkGrids([after]), 'zh-CN').filter((m) => m.row === fix.row);
    await wb.remarkRows('检查实施清单', [fix.row], rowMarks);
    expect(fake.fill('检查实施清单', `J${fix.row}`)).toBeNull();

    await wb.clearMarks();
    const expected = before.a.replace(new RegExp(`^J${fix.row}=.*$`, 'm'), `J${fix.row}=0.05`);
    expect(fake.snapshot('检查实施清单')).toBe(expected);
    expect(fake.snapshot('清单')).toBe(before.b);
    expect(fake.decorations('检查实施清单')).toBe(decorationsBefore);
  });

  test('marks and their record survive saving and reopening the workbook', async () => {
    const fake = new FakeExcel({ sheets: [decorated()] });
    const before = fake.decorations('清单');
    await adapterOn(fake).applyMarks([
      { sheet: '清单', row: 2, column: 2, severity: 'error', note: '错' },
      { sheet: '清单', row: 3, column: 2, severity: 'warning', note: '警' },
    ]);
    expect(fake.visibility(STORE_SHEET)).toBe('VeryHidden');
    const reopened = FakeExcel.open(fake.save());
    expect(reopened.fill('清单', 'B2')).toBe('#FFC7CE');
    expect(reopened.note('清单', 'B3')).toBe('原始批注:名称以省局清单为准\n警');
    const result = await adapterOn(reopened).clearMarksWithReport();
    expect(result.restored).toBe(2);
    expect(reopened.decorations('清单')).toBe(before);
    expect(reopened.sheetNames()).toEqual(['清单']);
  });

  test('clearing after the sheet was renamed (records keep the sheet id)', async () => {
    const fake = new FakeExcel({ sheets: [decorated()] });
    const before = fake.decorations('清单');
    const wb = adapterOn(fake);
    await wb.applyMarks([{ sheet: '清单', row: 2, column: 2, severity: 'error', note: '错' }]);
    fake.renameSheet('清单', '清单(改名)');
    expect((await wb.clearMarksWithReport()).restored).toBe(1);
    expect(fake.decorations('清单(改名)')).toBe(before);
  });

  test('clearing after rows were inserted above while the pane was closed: marks are found again by their row', async () => {
    const fake = new FakeExcel({ sheets: [checklistSheet('检查实施清单', 60)] });
    const wb = adapterOn(fake);
    const marks = [
      { sheet: '检查实施清单', row: 10, column: 3, severity: 'error' as const, note: '一' },
      { sheet: '检查实施清单', row: 30, column: 10, severity: 'warning' as const, note: '二' },
      { sheet: '检查实施清单', row: 31, column: 10, severity: 'warning' as const, note: '三' },
    ];
    await wb.applyMarks(marks);
    fake.insertRowsSilently('检查实施清单', 20, 3);
    const result = await wb.clearMarksWithReport();
    expect(result).toEqual({ restored: 3, relocated: 2, kept: 0, skipped: [] });
    expect(fake.decorations('检查实施清单')).toBe('');
  });

  test('clearing after rows were inserted while the pane listened: the record moved with them', async () => {
    const fake = new FakeExcel({ sheets: [checklistSheet('检查实施清单', 60)] });
    const wb = adapterOn(fake);
    const changes: unknown[] = [];
    const stop = await wb.onRowsChanged!((c) => changes.push(c));
    await wb.applyMarks([{ sheet: '检查实施清单', row: 30, column: 3, severity: 'error', note: '一' }]);
    await fake.insertRows('检查实施清单', 5, 2);
    expect(changes).toEqual([
      { sheet: '检查实施清单', rows: [5, 6], shift: { axis: 'rows', from: 5, by: 2 } },
    ]);
    expect(fake.fill('检查实施清单', 'C32')).toBe('#FFC7CE');
    const result = await wb.clearMarksWithReport();
    expect(result).toEqual({ restored: 1, relocated: 0, kept: 0, skipped: [] });
    expect(fake.decorations('检查实施清单')).toBe('');
    await stop();
    expect(fake.listenerCount).toBe(0);
  });

  test('a marked row that was deleted is reported, and nothing else is touched', async () => {
    const fake = new FakeExcel({ sheets: [checklistSheet('检查实施清单', 60)] });
    const wb = adapterOn(fake);
    await wb.applyMarks([
      { sheet: '检查实施清单', row: 10, column: 3, severity: 'error', note: '一' },
      { sheet: '检查实施清单', row: 20, column: 3, severity: 'error', note: '二' },
    ]);
    fake.model('检查实施清单').deleteRows(10, 1);
    const result = await wb.clearMarksWithReport();
    expect(result.restored).toBe(1);
    expect(result.relocated).toBe(1);
    expect(result.skipped).toEqual([{ sheet: '检查实施清单', address: 'C10', reason: 'moved' }]);
    expect(fake.decorations('检查实施清单')).toBe('');
  });

  test('clearing after a marked sheet was deleted skips its records without failing', async () => {
    const fake = new FakeExcel({ sheets: [decorated(), { name: '另一张', values: [['a', 'b']] }] });
    const before = fake.decorations('清单');
    const wb = adapterOn(fake);
    await wb.applyMarks([
      { sheet: '清单', row: 2, column: 2, severity: 'error', note: '错' },
      { sheet: '另一张', row: 1, column: 2, severity: 'error', note: '错' },
    ]);
    fake.deleteSheet('另一张');
    const result = await wb.clearMarksWithReport();
    expect(result).toEqual({
      restored: 1,
      relocated: 0,
      kept: 0,
      skipped: [{ sheet: '另一张', address: 'B1', reason: 'sheet-deleted' }],
    });
    expect(fake.decorations('清单')).toBe(before);
  });

  test('a fill the user changed after marking is left alone on clearing (and reported)', async () => {
    const fake = new FakeExcel({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    await wb.applyMarks([{ sheet: '清单', row: 2, column: 3, severity: 'error', note: '错' }]);
    fake.model('清单').ensure(2, 3).fill = { color: '#7030A0', pattern: 'Solid', tint: 0 };
    const result = await wb.clearMarksWithReport();
    expect(result.skipped).toEqual([{ sheet: '清单', address: 'C2', reason: 'changed' }]);
    expect(fake.fill('清单', 'C2')).toBe('#7030A0');
    expect(fake.note('清单', 'C2')).toBeUndefined();
  });

  test('a protected sheet: a clear error in both languages before anything is written', async () => {
    const fake = new FakeExcel({ sheets: [{ ...decorated(), protected: true }] });
    const before = fake.decorations('清单');
    fake.resetCounters();
    const error = await adapterOn(fake)
      .applyMarks([{ sheet: '清单', row: 2, column: 2, severity: 'error', note: '错' }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe('excel/sheet-protected');
    expect((error as ExcelHostError).messageIn('zh-CN')).toBe(
      '工作表"清单"受保护，无法标注或清除标注；请先在"审阅→撤消工作表保护"中取消保护后重试。未做任何修改',
    );
    expect((error as ExcelHostError).messageIn('en-US')).toMatch(/^The sheet "清单" is protected/);
    expect(fake.decorations('清单')).toBe(before);
    expect(fake.sheetNames()).toEqual(['清单']);
    expect(fake.counters.syncs).toBe(1);
  });

  test('a sheet protected after marking: clearing refuses before restoring anything', async () => {
    const fake = new FakeExcel({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    await wb.applyMarks([{ sheet: '清单', row: 2, column: 2, severity: 'error', note: '错' }]);
    const marked = fake.decorations('清单');
    fake.protect('清单');
    await expect(wb.clearMarks()).rejects.toMatchObject({ code: 'excel/sheet-protected' });
    expect(fake.decorations('清单')).toBe(marked);
    fake.protect('清单', false);
    await wb.clearMarks();
  });

  test('a read-only workbook (ExcelApi 1.8): refused before anything is written', async () => {
    const fake = new FakeExcel({ sheets: [decorated()], readOnly: true });
    const before = fake.decorations('清单');
    await expect(
      adapterOn(fake).applyMarks([{ sheet: '清单', row: 2, column: 2, severity: 'error', note: '错' }]),
    ).rejects.toMatchObject({
      code: 'excel/read-only',
    });
    expect(fake.decorations('清单')).toBe(before);
  });

  test('marks on merged followers go to the top-left cell of the merge (merges from the last read)', async () => {
    const fake = new FakeExcel({ sheets: [checklistSheet('检查实施清单', 20)] });
    const wb = adapterOn(fake);
    await wb.readSheet('检查实施清单');
    await wb.applyMarks([{ sheet: '检查实施清单', row: 6, column: 5, severity: 'error', note: '主体' }]);
    expect(fake.fill('检查实施清单', 'E4')).toBe('#FFC7CE');
    expect(fake.fill('检查实施清单', 'E6')).toBeNull();
  });

  test('unknown sheets and impossible cells are refused before anything is written', async () => {
    const fake = new FakeExcel({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    await expect(
      wb.applyMarks([{ sheet: '无', row: 1, column: 1, severity: 'error', note: '' }]),
    ).rejects.toMatchObject({ code: 'excel/unknown-sheet' });
    await expect(
      wb.applyMarks([
        { sheet: '清单', row: 2, column: 2, severity: 'error', note: '' },
        { sheet: '清单', row: 0, column: 1, severity: 'error', note: '' },
      ]),
    ).rejects.toMatchObject({ code: 'excel/outside-sheet' });
    expect(fake.fill('清单', 'B2')).toBe('#00B050');
  });
});
