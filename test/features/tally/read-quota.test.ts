import type { CellValue } from '../../../src/core/grid';
import { resolveSettings } from '../../../src/core/settings';
import { regionOf, YUDU_2020 } from '../../../src/features/tally/quota-table';
import { isQuotaSheet, readQuotaGrid } from '../../../src/features/tally/read-quota';

const settings = resolveSettings();
const read = (values: CellValue[][]) =>
  readQuotaGrid({ name: '分配表', values, merges: [] }, '分配表.xlsx', 'file', settings);

/** Annex 1 as printed: two tables side by side, 合计 under the right one. */
function annex1(total: CellValue = 66): CellValue[][] {
  const units = YUDU_2020.units;
  const rows: CellValue[][] = [
    ['附件1:'],
    ['于都县中小微企业行政检查监测点分配表'],
    ['序号', '单位', '任务数(家)', null, '序号', '单位', '任务数(家)'],
  ];
  for (let i = 0; i < 12; i++) {
    const right = units[12 + i];
    rows.push([
      i + 1,
      units[i]!.unit,
      units[i]!.quota,
      null,
      right ? 13 + i : null,
      right ? right.unit : '合计',
      right ? right.quota : total,
    ]);
  }
  return rows;
}

describe('quota tables', () => {
  test('Annex 1 (two tables side by side) reads as the built-in table', () => {
    const r = read(annex1())!;
    expect(r.issues).toEqual([]);
    expect(r.table.units).toEqual(YUDU_2020.units);
    expect(r.table).toMatchObject({
      total: 66,
      region: '于都县',
      title: '于都县中小微企业行政检查监测点分配表',
      source: 'file',
    });
  });

  test('a 合计 that disagrees with the sum is reported on its cell', () => {
    const r = read(annex1(68))!;
    expect(r.table.total).toBe(66);
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.params])).toEqual([
      ['tally/quota-total-mismatch', 15, 7, { stated: 68, sum: 66 }],
    ]);
  });

  test('a simple table with a title, full-width digits, 家 and a bad quota', () => {
    const r = read([
      ['兴国县中小微企业行政检查监测点分配表'],
      ['序号', '单位', '任务数'],
      [1, '工信局', '２家'],
      [2, '市场监管局', 3],
      [3, '卫健委', '若干'],
      [4, '工信局', 1],
      [null, '合计', 5],
      ['备注:各单位于3月27日前报送'],
    ])!;
    expect(r.table.region).toBe('兴国县');
    expect(r.table.units).toEqual([
      { unit: '工信局', quota: 2 },
      { unit: '市场监管局', quota: 3 },
    ]);
    expect(r.issues.map((i) => `${i.code} ${i.row}`)).toEqual([
      'tally/quota-invalid 5',
      'tally/quota-duplicate-unit 6',
    ]);
  });

  test('a sheet with 申报数 is a summary, not a quota table; a declaration list is none either', () => {
    expect(
      isQuotaSheet({ name: 'S', merges: [], values: [['序号', '单位', '任务数(家)', '申报数(家)']] }),
    ).toBe(false);
    expect(isQuotaSheet({ name: 'S', merges: [], values: [['序号', '推荐单位', '企业名称', '规模']] })).toBe(
      false,
    );
    expect(isQuotaSheet({ name: 'S', merges: [], values: annex1() })).toBe(true);
  });
});

describe('the 合计 of a quota table, in every layout', () => {
  /** Annex 1 as the notice prints it: 合计 in the right half's 序号 column, its 单位 cell blank. */
  function annex1SeqTotal(total: CellValue, typo?: [number, number]): CellValue[][] {
    const rows = annex1(total);
    const last = rows[rows.length - 1]!;
    last[4] = '合  计';
    last[5] = null;
    if (typo) rows[3 + typo[0]]![2] = typo[1];
    return rows;
  }

  test('合计 in the 序号 column with the 单位 cell blank is checked (Annex 1’s own layout)', () => {
    expect(read(annex1SeqTotal(66))!.issues).toEqual([]);
    // A typo in one unit's quota (工信局 2 → 3) no longer changes the total silently.
    const r = read(annex1SeqTotal(66, [0, 3]))!;
    expect(r.table.total).toBe(67);
    expect(r.table.stated).toBe(66);
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.params])).toEqual([
      ['tally/quota-total-mismatch', 15, 7, { stated: 66, sum: 67 }],
    ]);
  });

  test('合计 merged over 序号 and 单位', () => {
    const values: CellValue[][] = [
      ['瑞金市中小微企业行政检查监测点分配表'],
      ['序号', '单位', '任务数'],
      [1, '住建局', 3],
      [2, '公安局', 2],
      ['合计', null, 6],
    ];
    const r = readQuotaGrid(
      { name: '分配表', values, merges: [{ top: 5, left: 1, bottom: 5, right: 2 }] },
      'f.xlsx',
      'file',
      settings,
    )!;
    expect(r.table.region).toBe('瑞金市');
    expect(r.issues.map((i) => [i.code, i.params])).toEqual([
      ['tally/quota-total-mismatch', { stated: 6, sum: 5 }],
    ]);
  });

  test('a total written as a line below the table, and a table without any total', () => {
    const line = read([
      ['赣县区中小微企业行政检查监测点分配表'],
      ['序号', '单位', '任务数'],
      [1, '工业和信息化局', 2],
      [2, '住建局', 3],
      ['以上共 2 个单位，合计 6 家'],
    ])!;
    expect(line.table.region).toBe('赣县区');
    expect(line.issues.map((i) => [i.code, i.row, i.params])).toEqual([
      ['tally/quota-total-mismatch', 5, { stated: 6, sum: 5 }],
    ]);
    const none = read([
      ['序号', '单位', '任务数'],
      [1, '住建局', 3],
    ])!;
    expect(none.issues.map((i) => [i.code, i.severity, i.params])).toEqual([
      ['tally/quota-no-total', 'info', { sum: 3 }],
    ]);
  });

  test.each([
    ['于都县中小微企业行政检查监测点分配表', '于都县'],
    ['赣县区中小微企业行政检查监测点分配表', '赣县区'],
    ['赣州市赣县区中小微企业行政检查监测点分配表', '赣县区'],
    ['江西省赣州市于都县中小微企业监测点分配表', '于都县'],
    ['瑞金市中小微企业行政检查监测点分配表', '瑞金市'],
    ['2021年章贡区监测点分配表', '章贡区'],
    ['中小微企业行政检查监测点分配表', ''],
  ])('%s is in %s', (title, region) => {
    expect(regionOf(title)).toBe(region);
  });
});
