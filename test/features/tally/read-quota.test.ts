import type { CellValue } from '../../../src/core/grid';
import { resolveSettings } from '../../../src/core/settings';
import { YUDU_2020 } from '../../../src/features/tally/quota-table';
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
      units[i].unit,
      units[i].quota,
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
