import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cellAddress } from '../../src/core/grid';
import { adjustLists, ADJUSTED_LIST_SHEET, buildAdjustReport, REPORT_SHEET } from '../../src/features/adjust';
import { readListSheet } from '../../src/features/compare/read-list';
import { SUMMARY_SHEET } from '../../src/features/tally';
import { adjustCommand, clearCommand, tallyCommand, validateCommand } from '../../src/app/ribbon-commands';
import { errorText } from '../../src/app/error-text';
import { guessPreviousSheet } from '../../src/app/report-sources';
import { readXlsxGrids } from '../../src/hosts/xlsx/fast-reader';
import { checklistSheet } from '../hosts/wps/checklist-sheet';
import { FakeEt } from '../hosts/wps/fake-et';
import { adapterOn, fromXlsx } from '../hosts/wps/helpers';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

describe('the ribbon commands on an open workbook', () => {
  test('校验 then 清除标记: the active sheet is marked, then restored; the pane state says so', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 300)] });
    const wb = adapterOn(fake);
    const values = fake.snapshot('检查实施清单');
    const said = await validateCommand(wb);
    expect(said).toMatch(/^校验完成：工作表“检查实施清单”发现错误 \d+ 个/);
    expect(fake.decorations('检查实施清单')).not.toBe(JSON.stringify([[], []]));
    expect(JSON.parse((await wb.loadState('drc.result')) ?? '{}').sheets['检查实施清单'].marked).toBe(true);
    expect(await clearCommand(wb)).toMatch(/^已清除标记/);
    expect(fake.decorations('检查实施清单')).toBe(JSON.stringify([[], []]));
    expect(fake.snapshot('检查实施清单')).toBe(values);
    expect(JSON.parse((await wb.loadState('drc.result')) ?? '{}').sheets['检查实施清单'].marked).toBe(false);
  });

  test('动态调整情况表: last year’s list from the sheet named 2019…, this year’s from the active sheet', async () => {
    const dir = path.join(EXAMPLES, 'adjust');
    const fake = new FakeEt({
      sheets: [
        fromXlsx(path.join(dir, '于都县市场监督管理局-2019年度检查事项清单.xlsx'), '2019年清单'),
        fromXlsx(path.join(dir, '于都县市场监督管理局-2020年度检查事项清单.xlsx'), '2020年清单'),
      ],
    });
    fake.activate('2020年清单');
    const wb = adapterOn(fake);
    const said = await adjustCommand(wb);
    expect(said).toMatch(/新增 2 项、删除 3 项、修改 4 项、无变化 3 项/);
    expect(fake.sheetNames()).toEqual(['2019年清单', '2020年清单', REPORT_SHEET, ADJUSTED_LIST_SHEET]);
    const expected = buildAdjustReport(
      adjustLists(
        readListSheet(await wb.readSheet('2019年清单'))!,
        readListSheet(await wb.readSheet('2020年清单'))!,
      ),
    );
    expected.rows.forEach((row, i) =>
      row.cells.forEach((cell, j) => {
        if (cell && !cell.formula && cell.value !== null && cell.value !== '')
          expect(fake.value(REPORT_SHEET, cellAddress(i + 1, j + 1))).toBe(cell.value);
      }),
    );
    expect(fake.sheet(REPORT_SHEET).pageSetup).toMatchObject({
      Orientation: 2,
      PaperSize: 9,
      FitToPagesWide: 1,
      PrintTitleRows: '$3:$3',
    });
  });

  test('动态调整情况表 from a chosen file; a clear message when no previous list is found', async () => {
    const dir = path.join(EXAMPLES, 'adjust');
    const fake = new FakeEt({
      sheets: [fromXlsx(path.join(dir, '于都县应急管理局-2020年度检查事项清单.xlsx'), '本年清单')],
    });
    const wb = adapterOn(fake);
    await expect(adjustCommand(wb)).rejects.toThrow(/没有找到上年度清单/);
    const grids = readXlsxGrids(
      new Uint8Array(readFileSync(path.join(dir, '于都县应急管理局-2019年度检查事项清单.xlsx'))),
    );
    expect(await adjustCommand(wb, { file: '2019.xlsx', grids })).toMatch(/文件“2019\.xlsx”/);
    expect(fake.sheetNames()).toContain(REPORT_SHEET);
  });

  test('监测点汇总 of the declarations in the workbook', async () => {
    const dir = path.join(EXAMPLES, 'tally');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.xlsx'))
      .slice(0, 4);
    const fake = new FakeEt({ sheets: files.map((f, i) => fromXlsx(path.join(dir, f), `单位${i + 1}`)) });
    const said = await tallyCommand(adapterOn(fake));
    expect(said).toMatch(/^已生成“监测点汇总”：\d+ 个单位/);
    expect(fake.sheetNames()).toContain(SUMMARY_SHEET);
    // Run again: the summary is replaced, not read as an input.
    await tallyCommand(adapterOn(fake));
    expect(fake.sheetNames().filter((n) => n === SUMMARY_SHEET)).toHaveLength(1);
  });

  test('last year’s sheet is guessed from the names', () => {
    expect(guessPreviousSheet(['2019年清单', '2020年清单'], '2020年清单')).toBe('2019年清单');
    expect(guessPreviousSheet(['上年清单', '本年清单'], '本年清单')).toBe('上年清单');
    expect(guessPreviousSheet(['清单(2018)', '清单(2019)', '说明'], '本年')).toBe('清单(2019)');
    expect(guessPreviousSheet(['本年清单', '说明'], '本年清单')).toBeUndefined();
    expect(guessPreviousSheet(['2019年清单', REPORT_SHEET], REPORT_SHEET)).toBe('2019年清单');
  });

  test('the sentences come from the locale tables, English too', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 30)] });
    expect(await validateCommand(adapterOn(fake), 'en-US')).toMatch(
      /^Validated sheet “检查实施清单”: \d+ errors, \d+ warnings/,
    );
    const failure: unknown = await adjustCommand(adapterOn(fake)).catch((e: unknown) => e);
    expect(errorText(failure, 'zh-CN')).toMatch(/^没有找到上年度清单/);
    expect(errorText(failure, 'en-US')).toMatch(/^Last year’s list was not found/);
  });
});
