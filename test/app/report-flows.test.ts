import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../src/core/grid';
import { ADJUSTED_LIST_SHEET, REPORT_SHEET } from '../../src/features/adjust';
import { DIFFERENCE_SHEET } from '../../src/features/compare';
import { CHART_SHEET, DETAIL_SHEET, LIST_SHEETS, SUMMARY_SHEET } from '../../src/features/tally';
import { sheetNamesOf } from '../../src/entries/excel-port';
import { openDocument } from '../../src/hosts/docx';
import { errorText } from '../../src/app/error-text';
import { PaneError } from '../../src/app/pane-error';
import {
  byName,
  type ChosenFile,
  downloadName,
  GENERATED_SHEETS,
  guessPreviousSheet,
  isRead,
  workbookSheetNames,
  writeOrder,
  writeSheets,
} from '../../src/app/report-sources';
import { readChosenFiles } from '../../src/app/page-files';
import { pageFiles } from '../../src/entries/standalone';
import {
  confirmMapOf,
  readListSource,
  readQuotaFile,
  runAdjust,
  runCompare,
  sameSource,
  tallyChosenFiles,
  tallyOpenWorkbook,
} from '../../src/app/reports';
import { FakeExcel } from '../hosts/excel/fake-excel';
import { exampleBytes, exampleGrids, EXAMPLES } from '../taskpane/helpers/examples';
import { MemoryPort } from '../taskpane/helpers/memory-port';

const TALLY = 'tally';
const ADJUST = 'adjust';
const MARKET_2019 = `${ADJUST}/于都县市场监督管理局-2019年度检查事项清单.xlsx`;
const MARKET_2020 = `${ADJUST}/于都县市场监督管理局-2020年度检查事项清单.xlsx`;

/** A file as the pane reads it: a name and its bytes (a browser File's shape). */
const fileLike = (name: string, bytes: Uint8Array) => ({
  name,
  arrayBuffer: async () =>
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

/** The units' files of examples/tally the pane's file chooser takes (.xlsx and .docx), read as the pane reads them. */
function tallyFiles(): ChosenFile[] {
  return readdirSync(join(EXAMPLES, TALLY))
    .filter((n) => /\.(xlsx|docx)$/.test(n))
    .map((n) =>
      n.endsWith('.docx')
        ? { name: n, grids: openDocument(exampleBytes(`${TALLY}/${n}`), n), document: true }
        : { name: n, grids: exampleGrids(`${TALLY}/${n}`) },
    );
}

/** A sheet renamed (two example files have sheets of the same name). */
const renamed = (grid: Grid, name: string): Grid => ({ ...grid, name });

describe('report sources', () => {
  test('the generated sheets are the ones the features write', () => {
    expect([...GENERATED_SHEETS].sort()).toEqual(
      [
        SUMMARY_SHEET,
        DETAIL_SHEET,
        CHART_SHEET,
        ...Object.values(LIST_SHEETS),
        REPORT_SHEET,
        ADJUSTED_LIST_SHEET,
        DIFFERENCE_SHEET,
      ].sort(),
    );
  });

  test('last year’s sheet is guessed from the names', () => {
    expect(guessPreviousSheet(['2019年清单', '2020年清单'], '2020年清单')).toBe('2019年清单');
    expect(guessPreviousSheet(['检查实施清单', '上年清单'], '检查实施清单')).toBe('上年清单');
    expect(guessPreviousSheet(['检查实施清单', '2017年', '2018年'], '检查实施清单')).toBe('2018年');
    expect(guessPreviousSheet(['检查实施清单', '监测点汇总'], '检查实施清单')).toBeUndefined();
    expect(guessPreviousSheet(['清单'], undefined)).toBeUndefined();
  });

  test('the sheet list leaves out generated sheets, and uses a host’s own list when it has one', async () => {
    const grids = exampleGrids(MARKET_2019);
    const port = new MemoryPort([...grids, { name: SUMMARY_SHEET, values: [], merges: [] }]);
    expect(await workbookSheetNames(port)).toEqual(['2019年清单']);
    const naming = Object.assign(new MemoryPort([]), { sheetNames: async () => ['甲', '差异', '乙'] });
    expect(await workbookSheetNames(naming)).toEqual(['甲', '乙']);
  });

  test('a sheet counted by another one’s formulas is written first; the first sheet is shown after', async () => {
    const { sheets } = tallyChosenFiles(tallyFiles());
    const lists = [CHART_SHEET, ...Object.values(LIST_SHEETS)];
    expect(sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, ...lists, DETAIL_SHEET]);
    expect(writeOrder(sheets).map((s) => s.name)).toEqual([DETAIL_SHEET, SUMMARY_SHEET, ...lists]);
    const port = new MemoryPort(exampleGrids());
    expect(await writeSheets(port, sheets)).toEqual([SUMMARY_SHEET, ...lists, DETAIL_SHEET]);
    expect(port.written.map((s) => s.name)).toEqual([DETAIL_SHEET, SUMMARY_SHEET, ...lists]);
    expect(port.selection).toEqual({ sheet: SUMMARY_SHEET, address: 'A1' });
  });

  test('files are read in the browser; one that cannot be read carries its sentence', async () => {
    const read = await readChosenFiles(
      pageFiles,
      [
        fileLike('工信局.xlsx', exampleBytes(`${TALLY}/于都县工信局-监测点企业申报表.xlsx`)),
        fileLike('旧格式.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
        fileLike('空.xlsx', new Uint8Array(0)),
      ],
      'zh-CN',
    );
    expect(read.map((f) => (isRead(f) ? f.grids.map((g) => g.name) : f.error.code))).toEqual([
      ['申报表'],
      'file/legacy-xls',
      'file/empty',
    ]);
    const old = read[1]!;
    expect(!isRead(old!) && old.error.message).toContain('旧格式.xls');
  });

  test('download names', () => {
    expect(downloadName('于都县市场监督管理局2020年度行政检查事项清单动态调整情况表')).toBe(
      '于都县市场监督管理局2020年度行政检查事项清单动态调整情况表.xlsx',
    );
    expect(downloadName('a/b:c*"d"?')).toBe('a_b_c__d__.xlsx');
    expect(downloadName('  ')).toBe('report.xlsx');
  });

  test('files are taken in name order', () => {
    expect(byName([{ name: 'b' }, { name: 'a' }, { name: 'c' }]).map((f) => f.name)).toEqual(['a', 'b', 'c']);
  });

  test('a problem with a choice is said in the pane’s language', () => {
    const e = new PaneError('errNotListSheet', { name: '汇总' });
    expect(errorText(e, 'zh-CN')).toBe('工作表“汇总”中没有找到检查事项清单（需有“检查事项名称”等表头）。');
    expect(errorText(e, 'en-US')).toContain('sheet “汇总”');
  });
});

describe('监测点汇总 in the pane', () => {
  test('the example files: 工信局 one short, 61 of 66, the duplicate, the unknown units, the exclusions', () => {
    const o = tallyChosenFiles(tallyFiles());
    const r = o.result;
    expect(o.from).toBe('files');
    expect(r.files).toHaveLength(27);
    expect(r.noDeclaration.map((n) => [n.kind, n.unit])).toEqual([
      ['checklist', '民政局'],
      ['document', null],
      ['blank', null],
    ]);
    expect(r.units).toHaveLength(23);
    expect(r.units.find((u) => u.unit === '工信局')).toMatchObject({
      quota: 2,
      declared: 1,
      difference: -1,
      status: 'short',
    });
    expect(r.units.find((u) => u.unit === '民政局')?.status).toBe('none');
    expect(r.units.find((u) => u.unit === '市场监督管理局')).toMatchObject({ status: 'over', difference: 1 });
    // Without the office's register, 于都县工商业联合会 is not known as 统战部.
    expect([r.declaredTotal, r.quotaTotal, o.totalStatus]).toEqual([61, 66, 'short']);
    expect([r.shortfall, r.excess]).toEqual([
      { enterprises: 6, units: 5 },
      { enterprises: 1, units: 1 },
    ]);
    expect(r.duplicates.map((d) => [d.enterprise, d.units, d.countedFor])).toEqual([
      ['江西鑫建建设工程有限公司', ['于都县人民防空办公室', '住建局', '城管局'], '住建局'],
    ]);
    expect(r.unknownUnits.map((u) => [u.name, u.suggestion])).toEqual([
      ['于都县人民防空办公室', null],
      ['于都县工商业联合会', null],
      ['于都县统计局', null],
    ]);
    expect(r.excluded.map((e) => e.reason).sort()).toEqual(['duplicate', 'duplicate', 'large-enterprise']);
    // The summary counts 申报明细 with live formulas, as `drc tally --out` writes it.
    expect(o.live).toBe(true);
    expect(o.sheets[0]!.rows[0]!.cells[0]?.value).toBe('于都县中小微企业行政检查监测点汇总表');
  });

  test('the order files are chosen in does not change who counts first', () => {
    const files = tallyFiles();
    const forward = tallyChosenFiles(files).result;
    const backward = tallyChosenFiles([...files].reverse()).result;
    expect(backward.excluded).toEqual(forward.excluded);
    expect(backward.units).toEqual(forward.units);
  });

  test('a file that could not be read is listed, the others tallied', () => {
    const files = [
      ...tallyFiles().slice(0, 3),
      { name: '坏.xlsx', error: { code: 'file/corrupt', message: '文件“坏.xlsx”已损坏' } },
    ];
    const r = tallyChosenFiles(files).result;
    expect(r.files.find((f) => f.file === '坏.xlsx')?.error?.code).toBe('file/corrupt');
    expect(r.declarations.length).toBeGreaterThan(0);
  });

  test('a chosen quota table replaces the default; a file without one is refused', () => {
    const values: CellValue[][] = [
      ['监测点分配表'],
      ['序号', '单位', '任务数'],
      [1, '工信局', 1],
      [2, '住建局', 3],
      ['合计', null, 4],
    ];
    const quota = readQuotaFile({ name: '分配表.xlsx', grids: [{ name: 'Sheet1', values, merges: [] }] });
    expect(quota.table.units).toEqual([
      { unit: '工信局', quota: 1 },
      { unit: '住建局', quota: 3 },
    ]);
    const o = tallyChosenFiles(tallyFiles(), quota);
    expect(o.result.quota.source).toBe('file');
    expect(o.result.units.map((u) => [u.unit, u.status])).toEqual([
      ['工信局', 'met'],
      ['住建局', 'over'],
    ]);
    expect(() => readQuotaFile({ name: '清单.xlsx', grids: exampleGrids(MARKET_2019) })).toThrow(PaneError);
  });

  test('the open workbook: its declaration sheets tallied, generated sheets left out, the summary written', async () => {
    const one = (file: string, unit: string) => renamed(exampleGrids(`${TALLY}/${file}`)[0]!, unit);
    const grids = [
      one('于都县工信局-监测点企业申报表.xlsx', '工信局'),
      one('于都县住建局-监测点企业申报表.xlsx', '住建局'),
      // A 申报明细 written earlier from files would count every enterprise again.
      renamed(one('于都县财政局-监测点企业申报表.xlsx', '财政局'), DETAIL_SHEET),
    ];
    const port = new MemoryPort(grids);
    const o = tallyOpenWorkbook(await port.readSheets(), '申报汇总.xlsx');
    expect(o.from).toBe('workbook');
    expect(o.result.files[0]!.sheets.map((s) => s.name)).toEqual(['工信局', '住建局']);
    expect(o.result.units.find((u) => u.unit === '工信局')?.declared).toBe(1);
    expect(o.result.units.find((u) => u.unit === '财政局')?.declared).toBe(0);
    expect(o.sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, CHART_SHEET]);
    await writeSheets(port, o.sheets);
    expect(port.written.map((s) => s.name)).toEqual([SUMMARY_SHEET, CHART_SHEET]);
  });

  test('the summary downloaded in the standalone page opens with exceljs', async () => {
    const o = tallyChosenFiles(tallyFiles());
    const bytes = await pageFiles.sheetsToXlsx(o.sheets);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SUMMARY_SHEET,
      CHART_SHEET,
      ...Object.values(LIST_SHEETS),
      DETAIL_SHEET,
    ]);
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getCell('A1').value).toBe('于都县中小微企业行政检查监测点汇总表');
  });
});

describe('动态调整情况表 in the pane', () => {
  const workbook = () =>
    new MemoryPort([...exampleGrids(MARKET_2019), ...exampleGrids(MARKET_2020)], '检查实施清单');

  test('two sheets of the open workbook: counts, the uncertain pair, issues that point into the sheets', async () => {
    const port = workbook();
    const previous = await readListSource(port, { kind: 'sheet', sheet: '2019年清单' });
    const current = await readListSource(port, { kind: 'sheet', sheet: '检查实施清单' });
    expect([previous.inWorkbook, previous.name, previous.list.items.length]).toEqual([
      true,
      '2019年清单',
      10,
    ]);
    const o = runAdjust(previous, current);
    const r = o.result;
    expect([r.added.length, r.deleted.length, r.modified.length, r.unchanged]).toEqual([2, 3, 4, 3]);
    expect(r.uncertain.map((u) => [u.previous.itemName, u.current.itemName])).toEqual([
      ['商品条码使用单位检查', '商品条码印刷企业检查'],
    ]);
    expect(o.title).toBe('于都县市场监督管理局2020年度行政检查事项清单动态调整情况表');
    expect(o.noChange).toBeUndefined();
    expect(o.sheets.map((s) => s.name)).toEqual([REPORT_SHEET, ADJUSTED_LIST_SHEET]);
    const noReason = r.issues.find((i) => i.code === 'adjust/no-reason');
    expect(noReason).toMatchObject({ source: 'current', sheet: '检查实施清单', row: 9, column: 12 });
    expect(r.modified.find((m) => m.itemName === '特种设备使用单位监督检查')?.changes).toEqual([
      { field: 'ratio', from: '5%', to: '10%' },
    ]);
  });

  test('确认为同一事项 pairs the two as one renamed item; 拆分 keeps them a deletion and an addition', async () => {
    const port = workbook();
    const previous = await readListSource(port, { kind: 'sheet', sheet: '2019年清单' });
    const current = await readListSource(port, { kind: 'sheet', sheet: '检查实施清单' });
    const pair = { previous: '商品条码使用单位检查', current: '商品条码印刷企业检查' };

    const same = runAdjust(previous, current, [{ ...pair, same: true }]).result;
    expect([same.added.length, same.deleted.length, same.modified.length, same.uncertain.length]).toEqual([
      1, 2, 5, 0,
    ]);
    expect(same.modified.find((m) => m.itemName === pair.current)).toMatchObject({
      match: 'confirmed',
      previousItemName: pair.previous,
    });
    expect(same.issues.some((i) => i.code === 'adjust/uncertain-match')).toBe(false);

    const split = runAdjust(previous, current, [{ ...pair, same: false }]).result;
    expect([split.added.length, split.deleted.length, split.modified.length, split.uncertain.length]).toEqual(
      [2, 3, 4, 0],
    );
    expect(split.issues.some((i) => i.source === 'confirm')).toBe(false);
  });

  test('the decisions are the --confirm-map the command line would read', () => {
    expect(confirmMapOf([])).toBeUndefined();
    expect(
      confirmMapOf([
        { previous: '甲', current: '乙', same: true },
        { previous: '丙', current: '丁', same: false },
      ]),
    ).toEqual({
      sheet: '',
      pairs: [{ previous: '甲', current: '乙', line: 1 }],
      alone: [
        { name: '丙', side: 'previous', line: 2 },
        { name: '丁', side: 'current', line: 2 },
      ],
    });
  });

  test('files chosen for both lists; nothing changed gives the 无动态调整 sentence', async () => {
    const file = (name: string): ChosenFile => ({ name, grids: exampleGrids(`${ADJUST}/${name}`) });
    const previous = await readListSource(undefined, {
      kind: 'file',
      file: file('于都县应急管理局-2019年度检查事项清单.xlsx'),
    });
    const current = await readListSource(undefined, {
      kind: 'file',
      file: file('于都县应急管理局-2020年度检查事项清单.xlsx'),
    });
    expect([current.inWorkbook, current.name, current.grid.name]).toEqual([
      false,
      '于都县应急管理局-2020年度检查事项清单.xlsx',
      '检查实施清单',
    ]);
    const o = runAdjust(previous, current);
    expect(o.noChange).toBe('本单位2020年度行政检查事项清单无动态调整');
    expect(o.result.unchanged).toBe(4);
  });

  test('a sheet or a file without a list is refused with a sentence naming it', async () => {
    const port = new MemoryPort([{ name: '说明', values: [['请填写下表']], merges: [] }]);
    await expect(readListSource(port, { kind: 'sheet', sheet: '说明' })).rejects.toMatchObject({
      key: 'errNotListSheet',
      params: { name: '说明' },
    });
    const declarations: ChosenFile = {
      name: '工信局.xlsx',
      grids: exampleGrids(`${TALLY}/于都县工信局-监测点企业申报表.xlsx`),
    };
    await expect(readListSource(port, { kind: 'file', file: declarations })).rejects.toMatchObject({
      key: 'errNotListFile',
    });
  });

  test('one sheet twice is one source', () => {
    const f: ChosenFile = { name: 'x.xlsx', grids: [] };
    expect(sameSource({ kind: 'sheet', sheet: 'a' }, { kind: 'sheet', sheet: 'a' })).toBe(true);
    expect(sameSource({ kind: 'sheet', sheet: 'a' }, { kind: 'sheet', sheet: 'b' })).toBe(false);
    expect(sameSource({ kind: 'file', file: f }, { kind: 'file', file: f })).toBe(true);
    expect(sameSource({ kind: 'file', file: f }, { kind: 'sheet', sheet: 'x.xlsx' })).toBe(false);
  });
});

describe('两平台比对 in the pane', () => {
  test('the two platform exports: counts, names in one list only, differences, the 差异 sheet', async () => {
    const file = (name: string): ChosenFile => ({ name, grids: exampleGrids(`${ADJUST}/${name}`) });
    const a = await readListSource(undefined, {
      kind: 'file',
      file: file('互联网+监管-检查实施清单导出.xlsx'),
    });
    const b = await readListSource(undefined, {
      kind: 'file',
      file: file('双随机平台-抽查事项清单导出.xlsx'),
    });
    const o = runCompare(a, b);
    expect(o.agree).toBe(false);
    expect(o.result.countA).toBe(a.list.items.length);
    expect(o.result.countB).toBe(b.list.items.length);
    expect(o.differenceCount).toBeGreaterThan(0);
    expect(o.sheets.map((s) => s.name)).toEqual([DIFFERENCE_SHEET]);
    expect(o.result.onlyInA.length + o.result.onlyInB.length + o.result.differences.length).toBeGreaterThan(
      0,
    );
    const same = runCompare(a, a);
    expect([same.result.onlyInA, same.result.onlyInB, same.result.differences]).toEqual([[], [], []]);
  });
});

describe('sheet names in Excel', () => {
  test('listed without reading cells, the adapter’s own sheets left out', async () => {
    const fake = new FakeExcel({
      api: '1.18',
      sheets: [
        { name: '2019年清单', values: [['x']] },
        { name: '检查实施清单', values: [['y']] },
        { name: '校验结果', values: [['z']] },
        { name: '_drc_marks', values: [['{}']] },
      ],
    });
    const names = sheetNamesOf(fake as unknown as Pick<typeof Excel, 'run'>);
    expect(await names()).toEqual(['2019年清单', '检查实施清单']);
    const port = Object.assign(new MemoryPort([]), { sheetNames: names });
    expect(await workbookSheetNames(port)).toEqual(['2019年清单', '检查实施清单']);
  });
});
