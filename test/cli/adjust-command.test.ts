import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { drc } from '../helpers/drc';

// Real .xlsx pairs made by scripts/make-adjust-examples.ts: last year's list headed 抽查事项, this year's headed
// 检查事项名称, rows in another order.
const DIR = path.join(__dirname, '..', '..', 'examples', 'adjust');
const PREVIOUS = path.join(DIR, '于都县市场监督管理局-2019年度检查事项清单.xlsx');
const CURRENT = path.join(DIR, '于都县市场监督管理局-2020年度检查事项清单.xlsx');
const CONFIRM = path.join(DIR, '事项对应确认.csv');
const SAME_BEFORE = path.join(DIR, '于都县应急管理局-2019年度检查事项清单.xlsx');
const SAME_AFTER = path.join(DIR, '于都县应急管理局-2020年度检查事项清单.xlsx');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-adjust-'));

async function adjustJson(...args: string[]) {
  const run = await drc('adjust', '--json', ...args);
  return { ...run, json: JSON.parse(run.out) };
}

async function cellOf(file: string, address: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cell = wb.worksheets[0]!.getCell(address);
  return { value: cell.value, numFmt: cell.numFmt };
}

describe('the example pair is what the tests claim', () => {
  test('headers differ (抽查事项 / 检查事项名称) and a ratio is text in one, a number with a % format in the other', async () => {
    expect((await cellOf(PREVIOUS, 'B3')).value).toBe('抽查事项');
    expect((await cellOf(CURRENT, 'B3')).value).toBe('检查事项名称');
    expect(await cellOf(PREVIOUS, 'G6')).toMatchObject({ value: '5%' }); // 特种设备使用单位监督检查, row 3 of 2019
    expect(await cellOf(CURRENT, 'I5')).toEqual({ value: 0.1, numFmt: '0%' }); // the same item, row 2 of 2020
    expect((await cellOf(PREVIOUS, 'B6')).value).toBe((await cellOf(CURRENT, 'B5')).value);
  });
});

describe('drc adjust', () => {
  test('--json: the documented shape', async () => {
    const { code, json } = await adjustJson('--previous', PREVIOUS, '--current', CURRENT);
    expect(code).toBe(1);
    expect(Object.keys(json).slice(0, 8)).toEqual([
      'unit',
      'year',
      'added',
      'deleted',
      'modified',
      'unchanged',
      'uncertain',
      'issues',
    ]);
    expect(json.unit).toBe('于都县市场监督管理局');
    expect(json.year).toBe(2020);
    expect(json.added[0]).toEqual({
      itemName: '商品条码印刷企业检查',
      reason: '监管实际',
      row: 11,
      previousRow: null,
    });
    expect(json.deleted[0]).toEqual({
      itemName: '广告发布单位检查',
      reason: '机构改革',
      row: 13,
      previousRow: 9,
    });
    expect(json.modified[0]).toMatchObject({
      itemName: '特种设备使用单位监督检查',
      changes: [{ field: 'ratio', from: '5%', to: '10%' }],
      reason: '法律法规规章调整',
    });
    expect(json.uncertain).toEqual([
      { previous: '商品条码使用单位检查', current: '商品条码印刷企业检查', score: expect.any(Number) },
    ]);
    expect(json.issues[0]).toEqual({
      code: 'adjust/no-reason',
      severity: 'error',
      file: CURRENT,
      sheet: '检查实施清单',
      cell: 'L9',
      row: 9,
      column: 12,
      field: 'adjustReason',
      received: '',
      message: expect.stringContaining('食品经营企业监督检查'),
      params: { name: '食品经营企业监督检查', type: '修改' },
    });
  });

  test('deletions, additions, a renamed item, ratio, method and frequency compared by meaning', async () => {
    const { json } = await adjustJson('--previous', PREVIOUS, '--current', CURRENT);
    expect(json.added.map((e: { itemName: string }) => e.itemName)).toEqual([
      '商品条码印刷企业检查',
      '电动自行车销售企业检查',
    ]);
    expect(json.deleted.map((e: { itemName: string; reason: string }) => [e.itemName, e.reason])).toEqual([
      ['广告发布单位检查', '机构改革'], // kept in this year's list as a row marked 删除, with its reason
      ['棉花质量监督检查', ''],
      ['商品条码使用单位检查', ''],
    ]);
    const modified = Object.fromEntries(
      json.modified.map((e: { itemName: string; changes: unknown[] }) => [e.itemName, e]),
    );
    expect(Object.keys(modified)).toEqual([
      '特种设备使用单位监督检查',
      '药品零售企业监督检查',
      '食品经营企业监督检查',
      '网络交易平台经营者监督检查',
    ]);
    expect(modified['药品零售企业监督检查'].changes).toEqual([
      { field: 'method', from: '双随机抽查', to: '双随机抽查、重点检查', label: '检查方式' },
    ]);
    expect(modified['网络交易平台经营者监督检查']).toMatchObject({
      previousItemName: '对网络交易平台经营者的检查',
      match: 'similar',
      changes: [{ field: 'itemName', from: '对网络交易平台经营者的检查', to: '网络交易平台经营者监督检查' }],
    });
    expect(modified['网络交易平台经营者监督检查'].score).toBeGreaterThanOrEqual(0.75);
    // 计量器具使用单位检查: 每年一次 last year, 1次/年 this year — the same frequency, so no change.
    expect(json.modified.map((e: { itemName: string }) => e.itemName)).not.toContain('计量器具使用单位检查');
    expect(json.unchanged).toBe(3);
  });

  test('a change without a reason is flagged; so is a deletion nobody explained', async () => {
    const { json } = await adjustJson('--previous', PREVIOUS, '--current', CURRENT);
    expect(
      json.issues.map((i: { code: string; file: string; cell: string }) => [
        i.code,
        path.basename(i.file),
        i.cell,
      ]),
    ).toEqual([
      ['adjust/no-reason', path.basename(CURRENT), 'L9'],
      ['adjust/deleted-no-reason', path.basename(PREVIOUS), 'B11'],
      ['adjust/deleted-no-reason', path.basename(PREVIOUS), 'B13'],
      ['adjust/uncertain-match', path.basename(CURRENT), 'B11'],
    ]);
    expect(json.summary).toMatchObject({
      added: 2,
      deleted: 3,
      modified: 4,
      unchanged: 3,
      uncertain: 1,
      errors: 3,
      warnings: 1,
    });
  });

  test('--confirm-map pairs the uncertain items (原事项名称,现事项名称)', async () => {
    const { json } = await adjustJson('--previous', PREVIOUS, '--current', CURRENT, '--confirm-map', CONFIRM);
    expect(json.uncertain).toEqual([]);
    const barcode = json.modified.find((e: { itemName: string }) => e.itemName === '商品条码印刷企业检查');
    expect(barcode).toMatchObject({
      match: 'confirmed',
      previousItemName: '商品条码使用单位检查',
      reason: '监管实际',
    });
    expect(barcode.changes.map((c: { field: string }) => c.field)).toEqual(['itemName', 'object']);
    // The clerk declared it 新增; the confirmed pair makes it a 修改: the difference is pointed out.
    expect(json.issues.map((i: { code: string }) => i.code)).toContain('adjust/type-differs');
  });

  test('--confirm-map splits a pair matched by similarity', async () => {
    const file = path.join(tmp(), '拆分.csv');
    writeFileSync(file, '原事项名称,现事项名称\r\n对网络交易平台经营者的检查,\r\n');
    const { json } = await adjustJson('--previous', PREVIOUS, '--current', CURRENT, '--confirm-map', file);
    expect(json.deleted.map((e: { itemName: string }) => e.itemName)).toContain('对网络交易平台经营者的检查');
    expect(json.added.map((e: { itemName: string }) => e.itemName)).toContain('网络交易平台经营者监督检查');
  });

  test('no change at all: exit 0, the 无动态调整 sentence', async () => {
    const { code, json } = await adjustJson('--previous', SAME_BEFORE, '--current', SAME_AFTER);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      unit: '于都县应急管理局',
      year: 2020,
      added: [],
      deleted: [],
      modified: [],
      unchanged: 4,
      uncertain: [],
      issues: [],
    });
    const text = await drc('adjust', '--previous', SAME_BEFORE, '--current', SAME_AFTER);
    expect(text.out).toContain('本单位2020年度行政检查事项清单无动态调整');
  });

  test('--unit and --year name the report; the text output lists every change', async () => {
    const { out } = await drc(
      'adjust',
      '--previous',
      PREVIOUS,
      '--current',
      CURRENT,
      '--unit',
      '于都县市场监管局',
      '--year',
      '2021',
    );
    expect(out).toContain('于都县市场监管局2021年度行政检查事项清单动态调整情况表');
    expect(out).toContain('检查比例 5% → 10%');
    expect(out).toContain('商品条码使用单位检查,商品条码印刷企业检查');
  });

  test('--lang en-US renders issues in English', async () => {
    const { json } = await adjustJson('--previous', PREVIOUS, '--current', CURRENT, '--lang', 'en-US');
    expect(json.issues.map((i: { message: string }) => i.message).join('\n')).not.toMatch(/[请应]/);
  });
});

describe('drc adjust: bad input exits 2 with a message naming the file', () => {
  test.each([
    [
      'a missing file',
      () => ['--previous', path.join(tmp(), '不存在.xlsx'), '--current', CURRENT],
      /不存在\.xlsx/,
      'file/not-found',
    ],
    [
      'a workbook with no list',
      () => {
        const f = path.join(tmp(), '说明.csv');
        writeFileSync(f, '填表说明\n本表由各单位填写\n');
        return ['--previous', f, '--current', CURRENT];
      },
      /说明\.csv.*没有找到检查事项清单/,
      'list/not-found',
    ],
    [
      'a text file named .xlsx',
      () => {
        const f = path.join(tmp(), '改名.xlsx');
        writeFileSync(f, '序号,事项');
        return ['--previous', PREVIOUS, '--current', f];
      },
      /改名\.xlsx/,
      'file/not-xlsx',
    ],
    [
      'a year that is not a year',
      () => ['--previous', PREVIOUS, '--current', CURRENT, '--year', '二〇二〇'],
      /--year/,
      'args/year',
    ],
    [
      '--out that is not .xlsx',
      () => ['--previous', PREVIOUS, '--current', CURRENT, '--out', path.join(tmp(), 'r.pdf')],
      /--out/,
      'args/out-xlsx',
    ],
    [
      '--out over an input',
      () => ['--previous', PREVIOUS, '--current', CURRENT, '--out', CURRENT],
      /覆盖/,
      'args/out-is-input',
    ],
  ])('%s', async (_label, args, message, errorCode) => {
    const a = args();
    const text = await drc('adjust', ...a);
    expect(text.code).toBe(2);
    expect(text.err).toMatch(message);
    expect(text.out + text.err).not.toMatch(/\bat \w+ \(|node_modules/);
    const json = await adjustJson(...a);
    expect(json.code).toBe(2);
    expect((json.json.error ?? json.json.outError).code).toBe(errorCode);
    // A bad --out does not hide the comparison: its results come first.
    if (json.json.outError) expect(json.json.added).toEqual(expect.any(Array));
  });

  test('a required option missing', async () => {
    expect((await drc('adjust', '--previous', PREVIOUS)).code).toBe(2);
  });
});
