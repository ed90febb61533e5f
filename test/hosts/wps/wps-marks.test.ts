import { cellAddress } from '../../../src/core/grid';
import { checkGrids, issuesToMarks } from '../../../src/features/check-workbook';
import { markColour, SHEET_ID_NAME, STORE_SHEET, WpsHostError } from '../../../src/hosts/wps';
import { MARK_COLOURS } from '../../../src/core/workbook-port';
import { checklistSheet, scatteredMarks } from './checklist-sheet';
import { bgr, FakeEt, type FakeSheetInit, hex } from './fake-et';
import { adapterOn, figures } from './helpers';

const HEX = Object.fromEntries(Object.entries(MARK_COLOURS).map(([k, v]) => [k, `#${v.slice(2)}`]));

/** A small sheet with fills and comments of its own, to see originals come back exactly. */
function decorated(): FakeSheetInit {
  return {
    name: '清单',
    values: [
      ['序号', '名称', '比例', '备注'],
      [1, '甲', 0.05, null],
      [2, '乙', '150%', '原有'],
      [3, '丙', 'abc', null],
      [4, '丁', 0.1, null],
    ],
    fills: { B2: '#00B050', C3: '#FFFF00', D3: '#FFFFFF', C4: HEX.error! },
    comments: { B3: '原始批注:名称以省局清单为准', C4: '旧注' },
  };
}

const mark = (sheet: string, address: string, severity: 'error' | 'warning' | 'info', note: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { sheet, row: Number(m[2]), column: m[1]!.charCodeAt(0) - 64, severity, note };
};

describe('marking cells', () => {
  test('5,000 scattered cells: a handful of colour writes, screen updating off, values untouched', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 50_000)] });
    const wb = adapterOn(fake);
    const marks = scatteredMarks('检查实施清单', 50_000, 5000);
    const before = fake.snapshot('检查实施清单');
    fake.counters.reset();
    await wb.applyMarks(marks);
    const f = figures('mark 5,000 scattered cells', fake.counters);
    expect(f.colourSets).toBeLessThanOrEqual(500);
    expect(f.colourSets).toBeLessThanOrEqual(30);
    expect(fake.coloursWhileScreenOn).toBe(0);
    expect(fake.screenUpdating).toBe(true);
    expect(fake.screenHistory).toContain(false);
    for (const m of marks) {
      const a = cellAddress(m.row, m.column);
      expect(fake.fill('检查实施清单', a)).toBe(HEX[m.severity]);
      expect(fake.comment('检查实施清单', a)).toBe(m.note);
    }
    expect(fake.snapshot('检查实施清单')).toBe(before);
    expect(fake.sheetNames()).toEqual(['检查实施清单', STORE_SHEET]);
    expect(fake.sheet(STORE_SHEET).visible).toBe(2);

    fake.counters.reset();
    const cleared = await wb.clearMarksWithReport();
    const c = figures('clear 5,000 marks', fake.counters);
    expect(c.colourSets).toBeLessThanOrEqual(500);
    expect(cleared).toEqual({ restored: 5000, relocated: 0, kept: 0, skipped: [] });
    expect(fake.decorations('检查实施清单')).toBe(JSON.stringify([[], []]));
    expect(fake.sheetNames()).toEqual(['检查实施清单']);
    expect(fake.sheet('检查实施清单').names.size).toBe(0);
    expect(fake.snapshot('检查实施清单')).toBe(before);
  });

  test('re-marking a whole validated sheet (the pane after each 校验) rewrites nothing that is already right', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 50_000)] });
    const wb = adapterOn(fake);
    const grid = await wb.readSheet('检查实施清单');
    const marks = issuesToMarks(checkGrids([grid]), 'zh-CN');
    const rows = Array.from({ length: 50_003 }, (_, i) => i + 1);
    fake.counters.reset();
    await wb.remarkRows('检查实施清单', rows, marks);
    const first = figures(`mark a validated 50,000-row sheet (${marks.length} cells)`, fake.counters);
    expect(first.colourSets).toBeLessThanOrEqual(500);
    fake.counters.reset();
    await wb.remarkRows('检查实施清单', rows, marks);
    const again = figures('re-mark it unchanged', fake.counters);
    expect(again.colourSets).toBe(0);
    expect(fake.counters.sum(/AddComment|Comment\.Text/)).toBe(0);
  });

  test('clear restores fills (none, colours, white, one that looks like ours) and comments exactly; values never change', async () => {
    const fake = new FakeEt({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    const decorations = fake.decorations('清单');
    const values = fake.snapshot('清单');
    await wb.applyMarks([
      mark('清单', 'B2', 'warning', '名称重复'),
      mark('清单', 'B3', 'error', '名称不规范'),
      mark('清单', 'C3', 'error', '比例超出 100%'),
      mark('清单', 'D3', 'info', '备注'),
      mark('清单', 'C4', 'error', '比例无法识别'),
      mark('清单', 'A5', 'info', ''),
    ]);
    expect(fake.fill('清单', 'B2')).toBe(HEX.warning);
    expect(fake.comment('清单', 'B3')).toBe('原始批注:名称以省局清单为准\n名称不规范');
    expect(fake.comment('清单', 'C4')).toBe('旧注\n比例无法识别');
    expect(fake.comment('清单', 'A5')).toBeUndefined();
    expect(fake.snapshot('清单')).toBe(values);

    // The user fixes C3 and types in D2; the pane re-validates those rows: C3's mark goes, D2 gets one.
    fake.edit('清单', 'C3', 0.5);
    fake.edit('清单', 'D2', '补充');
    const edited = fake.snapshot('清单');
    await wb.remarkRows(
      '清单',
      [2, 3],
      [
        mark('清单', 'B2', 'error', '名称重复(已确认)'),
        mark('清单', 'B3', 'error', '名称不规范'),
        mark('清单', 'D3', 'info', '备注'),
        mark('清单', 'D2', 'warning', '新问题'),
      ],
    );
    expect(fake.fill('清单', 'C3')).toBe('#FFFF00');
    expect(fake.fill('清单', 'B2')).toBe(HEX.error);
    expect(fake.comment('清单', 'B2')).toBe('名称重复(已确认)');
    expect(fake.fill('清单', 'D2')).toBe(HEX.warning);
    expect(fake.snapshot('清单')).toBe(edited);

    // Marking again keeps the first originals.
    await wb.applyMarks([mark('清单', 'B3', 'warning', '名称不规范')]);
    await wb.clearMarks();
    expect(fake.decorations('清单')).toBe(decorations);
    expect(fake.snapshot('清单')).toBe(edited);
    expect(fake.sheetNames()).toEqual(['清单']);
  });

  test('a mark on a merged cell goes to the merge’s top-left cell', async () => {
    const fake = new FakeEt({
      sheets: [
        {
          name: 'S',
          values: [
            ['标题', null, null],
            ['a', 'b', 'c'],
          ],
          merges: ['A1:C1'],
        },
      ],
    });
    const wb = adapterOn(fake);
    await wb.readSheet('S');
    await wb.applyMarks([mark('S', 'B1', 'error', '标题不规范')]);
    expect(fake.fill('S', 'A1')).toBe(HEX.error);
    expect(fake.fill('S', 'B1')).toBeNull();
  });

  test('the record survives saving and reopening: a new session clears exactly', async () => {
    const fake = new FakeEt({ sheets: [decorated()] });
    const decorations = fake.decorations('清单');
    await adapterOn(fake).applyMarks([
      mark('清单', 'B2', 'error', '甲'),
      mark('清单', 'B3', 'warning', '乙'),
      mark('清单', 'D5', 'info', '丁'),
    ]);
    const reopened = FakeEt.open(fake.save());
    expect(reopened.pluginStorage.size).toBe(0);
    const cleared = await adapterOn(reopened).clearMarksWithReport();
    expect(cleared.restored).toBe(3);
    expect(reopened.decorations('清单')).toBe(decorations);
    expect(reopened.sheetNames()).toEqual(['清单']);
  });

  test('renamed sheet, inserted rows, deleted sheet: clearing still does the right thing', async () => {
    const fake = new FakeEt({ sheets: [decorated(), { ...decorated(), name: '另一表' }] });
    const wb = adapterOn(fake);
    const decorations = fake.decorations('清单');
    await wb.applyMarks([
      mark('清单', 'B2', 'error', '甲'),
      mark('清单', 'C5', 'warning', '丁'),
      mark('另一表', 'B2', 'error', '甲'),
    ]);
    fake.renameSheet('清单', '清单(改名)');
    fake.insertRows('清单(改名)', 3, 2);
    fake.deleteSheet('另一表');
    const saved = FakeEt.open(fake.save());
    const cleared = await adapterOn(saved).clearMarksWithReport();
    expect(cleared.restored).toBe(2);
    expect(cleared.relocated).toBe(1);
    expect(cleared.skipped).toEqual([{ sheet: '另一表', address: 'B2', reason: 'sheet-deleted' }]);
    // The rows moved down by two; every fill and comment is back as it was, two rows lower from row 3.
    const shifted = new FakeEt({ sheets: [decorated()] });
    shifted.insertRows('清单', 3, 2);
    expect(saved.decorations('清单(改名)')).toBe(shifted.decorations('清单'));
    expect(decorations).not.toBe(saved.decorations('清单(改名)'));
  });

  test('a host without sheet-level names: marks are keyed by sheet name and still restore exactly', async () => {
    const fake = new FakeEt({ noSheetNames: true, sheets: [decorated()] });
    const decorations = fake.decorations('清单');
    await adapterOn(fake).applyMarks([
      mark('清单', 'B2', 'error', '甲'),
      mark('清单', 'B3', 'warning', '乙'),
    ]);
    const reopened = FakeEt.open(fake.save(), { noSheetNames: true });
    expect((await adapterOn(reopened).clearMarksWithReport()).restored).toBe(2);
    expect(reopened.decorations('清单')).toBe(decorations);
  });

  test('a fill the user changed after marking is left alone and reported', async () => {
    const fake = new FakeEt({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    await wb.applyMarks([mark('清单', 'A2', 'error', 'x'), mark('清单', 'A3', 'error', 'y')]);
    fake.setFill('清单', 'A2', '#123456');
    const cleared = await wb.clearMarksWithReport();
    expect(cleared.restored).toBe(1);
    expect(cleared.skipped).toEqual([{ sheet: '清单', address: 'A2', reason: 'changed' }]);
    expect(fake.fill('清单', 'A2')).toBe('#123456');
    expect(fake.comment('清单', 'A2')).toBeUndefined();
  });

  test('清除标记 keeps the words the person wrote into a marked comment; only ours goes, and the report counts it', async () => {
    const fake = new FakeEt({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    await wb.applyMarks([
      mark('清单', 'C3', 'error', '[错误] 比例超出范围'),
      mark('清单', 'B3', 'warning', '[警告] 名称重复'),
      mark('清单', 'C5', 'error', '[错误] 无法识别'),
    ]);
    expect(fake.comment('清单', 'B3')).toBe('原始批注:名称以省局清单为准\n[警告] 名称重复');
    // A line added under ours; a line added under the original and ours; C5 left as we wrote it.
    fake.setComment('清单', 'C3', '[错误] 比例超出范围\n已与科室核实：按省局口径为150%');
    fake.setComment('清单', 'B3', '原始批注:名称以省局清单为准\n[警告] 名称重复\n2020年已更名');
    const before = fake.snapshot('清单');
    const cleared = await wb.clearMarksWithReport();
    expect(fake.comment('清单', 'C3')).toBe('已与科室核实：按省局口径为150%');
    expect(fake.comment('清单', 'B3')).toBe('原始批注:名称以省局清单为准\n2020年已更名');
    expect(fake.comment('清单', 'C5')).toBeUndefined();
    expect(cleared).toMatchObject({ restored: 3, kept: 2, skipped: [] });
    expect(fake.snapshot('清单')).toBe(before);
  });

  test('re-marking a cell keeps the words the person wrote into its comment meanwhile', async () => {
    const fake = new FakeEt({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    await wb.applyMarks([mark('清单', 'B3', 'warning', '[警告] 名称重复')]);
    fake.setComment('清单', 'B3', '原始批注:名称以省局清单为准\n[警告] 名称重复\n2020年已更名');
    await wb.remarkRows('清单', [3], [mark('清单', 'B3', 'warning', '[警告] 名称与上年不一致')]);
    expect(fake.comment('清单', 'B3')).toBe(
      '原始批注:名称以省局清单为准\n2020年已更名\n[警告] 名称与上年不一致',
    );
    await wb.clearMarks();
    expect(fake.comment('清单', 'B3')).toBe('原始批注:名称以省局清单为准\n2020年已更名');
  });

  test('a note never goes over what a cell holds: ours is cut, the person’s long note is kept whole', async () => {
    const long = '备'.repeat(31_900);
    const fake = new FakeEt({ sheets: [{ ...decorated(), comments: { C3: long } }] });
    await adapterOn(fake).applyMarks([mark('清单', 'C3', 'error', `[错误] ${'很长的说明'.repeat(40)}`)]);
    const text = fake.comment('清单', 'C3')!;
    expect(text.length).toBeLessThanOrEqual(32_000);
    expect(text.startsWith(`${long}\n[错误] 很长的说明`)).toBe(true);
    await adapterOn(fake).clearMarks();
    expect(fake.comment('清单', 'C3')).toBe(long);
  });

  test('a protected sheet or a read-only workbook is refused before anything changes', async () => {
    const fake = new FakeEt({ sheets: [{ ...decorated(), protect: true }] });
    const decorations = fake.decorations('清单');
    await expect(adapterOn(fake).applyMarks([mark('清单', 'B2', 'error', 'x')])).rejects.toThrow(
      WpsHostError,
    );
    expect(fake.decorations('清单')).toBe(decorations);
    expect(fake.sheetNames()).toEqual(['清单']);
    const ro = new FakeEt({ readOnly: true, sheets: [decorated()] });
    await expect(adapterOn(ro).applyMarks([mark('清单', 'B2', 'error', 'x')])).rejects.toMatchObject({
      code: 'wps/read-only',
    });
    await expect(adapterOn(ro).applyMarks([mark('没有', 'B2', 'error', 'x')])).rejects.toMatchObject({
      code: 'wps/unknown-sheet',
    });
  });

  test('mark colours are written in BGR order', () => {
    expect(markColour('error')).toBe(bgr('#FFC7CE'));
    expect(hex(markColour('warning'))).toBe('#FFEB9C');
    expect(markColour('error')).toBe((0xce << 16) | (0xc7 << 8) | 0xff);
    expect(SHEET_ID_NAME).toBe('_drc_sheet_id');
  });
});

describe('state and events', () => {
  test('state is kept in the workbook: saved, reopened, read back; PluginStorage is not used', async () => {
    const fake = new FakeEt({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    expect(await wb.loadState('drc.result')).toBeUndefined();
    const big = JSON.stringify({
      issues: Array.from({ length: 3000 }, (_, i) => ({
        row: i,
        note: '比例应在 0% 到 100% 之间'.repeat(3),
      })),
    });
    await wb.saveState('drc.result', big);
    await wb.saveState('drc.settings', '{"locale":"zh-CN"}');
    expect(fake.active.name).toBe('清单');
    const reopened = FakeEt.open(fake.save());
    const again = adapterOn(reopened);
    expect(await again.loadState('drc.result')).toBe(big);
    expect(await again.loadState('drc.settings')).toBe('{"locale":"zh-CN"}');
    expect(reopened.pluginStorage.size).toBe(0);
    // Marks and their clearing keep the state.
    await again.applyMarks([mark('清单', 'B2', 'error', 'x')]);
    await again.clearMarks();
    expect(await again.loadState('drc.settings')).toBe('{"locale":"zh-CN"}');
    await again.saveState('drc.settings', '');
    expect(await again.loadState('drc.settings')).toBeUndefined();
  });

  test('SheetChange reports the user’s edits by row; the adapter’s own writes and generated sheets are ignored', async () => {
    const fake = new FakeEt({ sheets: [decorated()] });
    const wb = adapterOn(fake);
    const seen: Array<{ sheet: string; rows: number[] }> = [];
    const stop = await wb.onRowsChanged((c) => seen.push(c));
    fake.edit('清单', 'B3', '新名称');
    fake.insertRows('清单', 2, 1);
    await wb.applyMarks([mark('清单', 'B2', 'error', 'x')]);
    await wb.saveState('k', 'v');
    await wb.writeSheet({
      name: '汇总',
      columns: [10],
      rows: [{ cells: [{ value: '=1' }] }],
      merges: [],
      styles: {},
    });
    fake.edit('汇总', 'A2', '改');
    expect(seen).toEqual([
      { sheet: '清单', rows: [3] },
      { sheet: '清单', rows: [2] },
    ]);
    stop();
    fake.edit('清单', 'B3', '再改');
    expect(seen).toHaveLength(2);
    expect(fake.listeners.get('SheetChange')).toEqual([]);
  });

  test('selectCell shows the sheet and selects the cell; activeSheet names it', async () => {
    const fake = new FakeEt({ sheets: [decorated(), { name: '第二', values: [['x']] }] });
    const wb = adapterOn(fake);
    await wb.selectCell('第二', 'A1');
    expect(fake.selection).toBe('第二!A1');
    expect(await wb.activeSheet()).toBe('第二');
    expect(wb.capabilities()).toMatchObject({
      host: 'wps',
      notes: true,
      rangeAreas: true,
      mergedAreas: true,
      events: true,
    });
  });
});
