import type { Grid } from '../../../src/core/grid';
import { resolveSettings } from '../../../src/core/settings';
import { readReportSheet } from '../../../src/features/review';
import {
  checkReportAgainstList,
  checkReportTotals,
  checkStatementAgainstList,
} from '../../../src/features/review/cross-check';
import { HEAD, list, row, sheet } from '../../helpers/list-grid';

const settings = resolveSettings();
const REPORT_HEAD = ['序号', '事项名称', '调整类型', '调整内容（原 → 新）', '调整原因', '备注'];
const report = (rows: (string | number | null)[][]): Grid =>
  sheet('动态调整情况表', [['于都县水利局2020年度行政检查事项清单动态调整情况表']], REPORT_HEAD, rows);

// This year's list: 检查比例 5% typed, 10% as 0.1 with a % format, a row marked 删除.
const LIST = list(
  sheet(
    '清单',
    [],
    [...HEAD, '调整类型'],
    [
      [...row(1, '河道采砂检查', '5%'), '修改'],
      [...row(2, '取水许可检查', 0.1, '1次/年'), '修改'],
      [...row(3, '水土保持检查'), '删除'],
      [...row(4, '农村供水工程检查'), '新增'],
      [...row(5, '水利工程质量监督检查'), '无变化'],
    ],
    { '1,6': '0%' },
  ),
);

const codes = (issues: Array<{ code: string; row?: number; params: Record<string, unknown> }>) =>
  issues.map((i) => [i.code, i.row, i.params.itemName ?? i.params.stated ?? '']);

describe('a report against its own list', () => {
  test('agreeing: ratio and frequency compared by meaning (10% = 0.1 with a % format, 每年1次 = 1次/年)', () => {
    const read = readReportSheet(
      report([
        [1, '取水许可检查', '修改', '检查比例：5% → 10%\n检查频次：每年2次 → 每年1次', '监管实际', ''],
        [2, '水土保持检查', '删除', '删除该事项', '机构改革', ''],
        [3, '农村供水工程检查', '新增', '新增该事项', '监管实际', ''],
      ]),
    )!;
    const issues = checkReportAgainstList(read, '情况表.xlsx', LIST, '清单.xlsx', settings);
    // 河道采砂检查 is marked 修改 in the list but not reported.
    expect(codes(issues)).toEqual([['review/change-not-reported', 2, '河道采砂检查']]);
    expect(issues[0]).toMatchObject({
      file: '清单.xlsx',
      sheet: '清单',
      column: 9,
      deliverable: 'adjustment',
    });
  });

  test('disagreeing: added but absent, deleted but listed, modified with another ratio, modified but absent', () => {
    const read = readReportSheet(
      report([
        [1, '农村饮水安全工程检查', '新增', '新增该事项', '监管实际', ''],
        [2, '水利工程质量监督检查', '删除', '删除该事项', '机构改革', ''],
        [3, '河道采砂检查', '修改', '抽查比例由5%调整为10%', '监管实际', ''],
        [4, '水库大坝安全检查', '修改', '检查频次：每年1次 → 每年2次', '监管实际', ''],
        [5, '取水许可检查', '修改', '检查比例：5% → 10%', '监管实际', ''],
        [6, '农村供水工程检查', '新增', '', '监管实际', ''],
      ]),
    )!;
    const issues = checkReportAgainstList(read, '情况表.xlsx', LIST, '清单.xlsx', settings);
    expect(codes(issues)).toEqual([
      ['review/added-not-in-list', 3, '农村饮水安全工程检查'],
      ['review/deleted-still-listed', 4, '水利工程质量监督检查'],
      ['review/modified-differs', 5, '河道采砂检查'],
      ['review/modified-not-in-list', 6, '水库大坝安全检查'],
      // The list marks 水土保持检查 删除; the report leaves it out.
      ['review/change-not-reported', 4, '水土保持检查'],
    ]);
    expect(issues[2]!.params).toMatchObject({ field: 'ratio', reported: '10%', listed: '5%', listRow: 2 });
    expect(issues[1]!.params.listRow).toBe(6);
  });

  test('a renamed item is found by name likeness and the names are asked to agree', () => {
    const read = readReportSheet(
      report([[1, '河道采砂监督检查', '修改', '检查比例：5% → 5%', '监管实际', '']]),
    )!;
    const issues = checkReportAgainstList(read, 'r.xlsx', LIST, 'l.xlsx', settings);
    expect(issues.map((i) => i.code)).toContain('review/name-differs');
    expect(issues.map((i) => i.code)).not.toContain('review/modified-not-in-list');
  });

  test('a 无动态调整 statement against a list that marks changes', () => {
    const issues = checkStatementAgainstList(LIST, '清单.xlsx', settings);
    expect(issues.map((i) => [i.code, i.params.count])).toEqual([['review/statement-but-changes', 4]]);
  });
});

describe('a report against its own 合计', () => {
  test('counts per type, the balance of last year and this year, and the list sent', () => {
    const read = readReportSheet(
      report([
        [1, '农村供水工程检查', '新增', '', '监管实际', ''],
        [2, '水土保持检查', '删除', '', '机构改革', ''],
        ['合计', null, '新增 2 项，删除 1 项，修改 0 项（上年清单 5 项，本年清单 5 项）', null, null, null],
      ]),
    )!;
    const issues = checkReportTotals(read, 'r.xlsx', settings, 4);
    expect(issues.map((i) => [i.code, i.row, i.params])).toEqual([
      ['review/total-type-mismatch', 5, { type: '新增', stated: 2, counted: 1 }],
      ['review/total-balance', 5, { previous: 5, added: 2, deleted: 1, expected: 6, current: 5 }],
      ['review/total-list-count', 5, { stated: 5, items: 4 }],
    ]);
  });

  test('a total that adds up says nothing', () => {
    const read = readReportSheet(
      report([
        [1, '农村供水工程检查', '新增', '', '监管实际', ''],
        ['合计', null, '新增 1 项，删除 0 项，修改 0 项（上年清单 4 项，本年清单 5 项）', null, null, null],
      ]),
    )!;
    expect(checkReportTotals(read, 'r.xlsx', settings, 5)).toEqual([]);
  });
});
