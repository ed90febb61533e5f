import type { Grid } from '../../../src/core/grid';
import { validateGrid } from '../../../src/core/validate';
import { resolveSettings } from '../../../src/core/settings';
import {
  isNoChangeSentence,
  readReportSheet,
  type ReportEntry,
  reportedValues,
} from '../../../src/features/review';
import { readTotal } from '../../../src/features/review/read-report';
import { sameValue } from '../../../src/features/compare/field-compare';
import { SCHEMAS } from '../../../src/schemas';
import { DEFAULT_SEVERITIES } from '../../../src/schemas/severities';
import { HEAD, row, sheet } from '../../helpers/list-grid';

const OFFICIAL = ['序号', '事项名称', '调整类型', '调整内容（原 → 新）', '调整原因', '备注'];

function report(rows: (string | number | null)[][], header = OFFICIAL, above: string[][] = []): Grid {
  return sheet(
    '动态调整情况表',
    [['于都县水利局2020年度行政检查事项清单动态调整情况表'], ['填报单位（盖章）：于都县水利局'], ...above],
    header,
    rows,
  );
}

describe('the 动态调整情况表 as a sheet kind', () => {
  test('the official form is read as a report, not as a list; a list with 调整类型 stays a list', () => {
    const r = validateGrid(
      report([[1, '河道采砂检查', '修改', '检查比例：5% → 10%', '监管实际', '']]),
      SCHEMAS,
      resolveSettings(),
      DEFAULT_SEVERITIES,
    );
    expect(r.kind).toBe('adjustment');
    const list = sheet(
      '清单',
      [],
      [...HEAD, '调整类型', '调整原因'],
      [[...row(1, '河道采砂检查'), '修改', '监管实际']],
    );
    expect(validateGrid(list, SCHEMAS, resolveSettings(), DEFAULT_SEVERITIES).kind).toBe('checklist');
  });

  test('the engine checks 调整类型 and asks for a reason on every change, not on 无变化', () => {
    const grid = report([
      [1, '河道采砂检查', '修改(比例)', '检查比例：5% → 10%', '', ''],
      [2, '取水许可检查', '撤销', '删除该事项', '机构改革', ''],
      [3, '水土保持检查', '无变化', '', '', ''],
    ]);
    const issues = validateGrid(grid, SCHEMAS, resolveSettings(), DEFAULT_SEVERITIES).issues.map((i) => [
      i.row,
      i.column,
      i.code,
    ]);
    expect(issues).toEqual([
      [4, 5, 'adjustReason/missing'],
      [5, 3, 'enum/not-allowed'],
    ]);
  });

  test('rows, the 合计 row and its counts; a 合计 row is not an item', () => {
    const read = readReportSheet(
      report([
        [1, '农村饮水安全工程检查', '新增', '新增该事项', '监管实际', ''],
        [2, '取水许可检查', '删除', '删除该事项', '机构改革', ''],
        ['合计', null, '新增 2 项，删除 1 项，修改 0 项（上年清单 4 项，本年清单 5 项）', null, null, null],
      ]),
    )!;
    expect(read.entries.map((e) => [e.row, e.itemName, e.type])).toEqual([
      [4, '农村饮水安全工程检查', '新增'],
      [5, '取水许可检查', '删除'],
    ]);
    expect(read.totals).toEqual([
      {
        row: 6,
        text: expect.stringContaining('合计'),
        counts: { 新增: 2, 删除: 1, 修改: 0, previous: 4, current: 5 },
      },
    ]);
    expect(read.meta.unit).toBe('于都县水利局');
  });

  test('the 无动态调整 form: no rows, its sentence found, no "no data" error', () => {
    const grid = report([['本单位2020年度行政检查事项清单无动态调整', null, null, null, null, null]]);
    grid.merges.push({ top: 4, left: 1, bottom: 4, right: 6 });
    const read = readReportSheet(grid)!;
    expect(read.entries).toEqual([]);
    expect(read.statement).toMatchObject({
      row: 4,
      column: 1,
      text: '本单位2020年度行政检查事项清单无动态调整',
    });
    const checked = validateGrid(grid, SCHEMAS, resolveSettings(), DEFAULT_SEVERITIES);
    expect(checked.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  test('a report with 调整前 / 调整后 columns', () => {
    const read = readReportSheet(
      report(
        [[1, '河道采砂检查', '修改', '5%', '10%', '监管实际']],
        ['序号', '检查事项名称', '调整类型', '调整前', '调整后', '调整原因'],
      ),
    )!;
    expect(read.columns).toMatchObject({ before: 4, after: 5, adjustReason: 6 });
    expect(reportedValues(read.entries[0]!)).toEqual({ ratio: '10%' });
  });
});

describe('counts written in a 合计 row', () => {
  test.each([
    [['新增 2 项，删除 3 项，修改 4 项'], { 新增: 2, 删除: 3, 修改: 4 }],
    [['新增2项；删除1项'], { 新增: 2, 删除: 1 }],
    [['增加事项 1 个，取消 2 个'], { 新增: 1, 删除: 2 }],
    [['9项'], { total: 9 }],
    [['共 9 项'], { total: 9 }],
    [['上年清单 10 项，本年清单 9 项'], { previous: 10, current: 9 }],
    [['备注'], {}],
  ])('%j', (texts, counts) => expect(readTotal(texts)).toEqual(counts));
});

describe('the new ratio and frequency of a 修改 row', () => {
  const entry = (texts: Record<string, string>): ReportEntry => ({
    row: 5,
    itemName: 'x',
    type: '修改',
    texts,
  });
  test.each([
    [{ content: '检查比例：5% → 10%' }, { ratio: '10%' }],
    [{ content: '检查频次：1次/年 → 2次/年' }, { frequency: '2次/年' }],
    [{ content: '检查比例：5% → 10%\n检查频次：每年1次 → 每年2次' }, { ratio: '10%', frequency: '每年2次' }],
    [{ content: '抽查比例由5%调整为10%' }, { ratio: '10%' }],
    [{ content: '抽查频次调整为每季度一次。' }, { frequency: '每季度一次' }],
    [{ content: '检查比例和频次调整为10%，每年2次' }, { ratio: '10%', frequency: '每年2次' }],
    [{ after: '10%，2次/年' }, { ratio: '10%', frequency: '2次/年' }],
    [
      { ratioAfter: '10%', frequencyAfter: '每年2次' },
      { ratio: '10%', frequency: '每年2次' },
    ],
    [{ content: '检查方式：双随机抽查 → 重点检查' }, {}],
  ])('%j', (texts, values) => {
    // Compared as the cross-check compares them: by meaning (a combined text may be kept whole for each field).
    const got = reportedValues(entry(texts));
    expect(Object.keys(got).sort()).toEqual(Object.keys(values).sort());
    for (const field of ['ratio', 'frequency'] as const)
      if (values[field as keyof typeof values] !== undefined)
        expect({
          field,
          same: sameValue(field, got[field] ?? '', values[field as keyof typeof values] ?? ''),
        }).toEqual({
          field,
          same: true,
        });
  });
});

describe('a 无动态调整 sentence', () => {
  test.each([
    ['本单位2020年度行政检查事项清单无动态调整', true],
    ['我局2020年双随机监管事项未作调整。', true],
    ['关于2020年度检查事项无变化的说明', true],
    ['无变化', false],
    ['无调整', false],
    ['本单位无动态调整', true],
  ])('%s', (text, yes) => expect(isNoChangeSentence(text)).toBe(yes));
});
