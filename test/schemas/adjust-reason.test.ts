import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Grid } from '../../src/core/grid';
import type { Issue } from '../../src/core/issue';
import type { SheetSchema } from '../../src/core/schema';
import { resolveSettings } from '../../src/core/settings';
import { validateGrid } from '../../src/core/validate';
import { openWorkbookFile } from '../../src/hosts/xlsx/node-file';
import { adjustReasonRule } from '../../src/rules/adjust-reason/adjust-reason.rule';
import { SCHEMAS } from '../../src/schemas';
import { DEFAULT_SEVERITIES } from '../../src/schemas/severities';
import { HEAD, row, sheet } from '../helpers/list-grid';

const ROOT = path.join(__dirname, '..', '..');

/**
 * The schemas as they were before the reason became a row rule: 调整原因 `required` on every row whose 调整类型
 * is a change. Issues found with these and with the registered rule must be the same, code aside.
 */
const BEFORE: readonly SheetSchema[] = SCHEMAS.map((s) => ({
  ...s,
  fields: s.fields.map((f) =>
    f.key === 'adjustReason'
      ? {
          ...f,
          required: (r) => {
            const t = r.parsed<string>('adjustType');
            return t !== undefined && t !== '无变化';
          },
        }
      : f,
  ),
  rowRules: (s.rowRules ?? []).filter((u) => u.rule !== adjustReasonRule),
}));

/** An issue as the `required` field setting reported it. */
const asBefore = (i: Issue): Issue =>
  i.code === 'adjustReason/missing' ? { ...i, code: 'required/missing', params: { field: i.field! } } : i;

function issues(grid: Grid, schemas: readonly SheetSchema[]): Issue[] {
  return validateGrid(grid, schemas, resolveSettings(), DEFAULT_SEVERITIES).issues;
}

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(xlsx|csv)$/i.test(f))
    .map((f) => path.join(ROOT, dir, f));
}

/** A list with 调整类型 and 调整原因: a change without a reason on rows 3, 4 and 6 (the header is row 1). */
const LIST = sheet(
  '清单',
  [],
  [...HEAD, '调整类型', '调整原因'],
  [
    [...row(1, '河道采砂检查'), '修改', '监管实际'],
    [...row(2, '取水许可检查'), '新增', ''],
    [...row(3, '水土保持检查'), '删除', '  '],
    [...row(4, '水资源论证检查'), '无变化', ''],
    [...row(5, '水库安全检查'), '比例调整', null],
    [...row(6, '堤防检查'), '', ''],
    [...row(7, '排污口检查'), '撤销', ''],
  ],
);

/** The official 动态调整情况表: rows 4 and 6 change an item without a reason. */
const REPORT = sheet(
  '动态调整情况表',
  [['于都县水利局2020年度行政检查事项清单动态调整情况表'], ['填报单位（盖章）：于都县水利局']],
  ['序号', '事项名称', '调整类型', '调整内容（原 → 新）', '调整原因', '备注'],
  [
    [1, '河道采砂检查', '修改(比例)', '检查比例：5% → 10%', '', ''],
    [2, '取水许可检查', '新增', '新增该事项', '机构改革', ''],
    [3, '水土保持检查', '删除', '删除该事项', '', '与水利局职责调整'],
    [4, '水资源论证检查', '无变化', '', '', ''],
  ],
);

describe('调整原因 as a registered row rule', () => {
  test.each<[string, Grid, string, Array<[number, number, string, string]>]>([
    [
      'a list',
      LIST,
      'checklist',
      [
        [3, 10, 'adjustReason/missing', '新增'],
        [4, 10, 'adjustReason/missing', '删除'],
        [6, 10, 'adjustReason/missing', '修改'],
      ],
    ],
    [
      'the report form',
      REPORT,
      'adjustment',
      [
        [4, 5, 'adjustReason/missing', '修改'],
        [6, 5, 'adjustReason/missing', '删除'],
      ],
    ],
  ])('%s: each change without a reason, as an error on its reason cell', (_, grid, kind, expected) => {
    const report = validateGrid(grid, SCHEMAS, resolveSettings(), DEFAULT_SEVERITIES);
    expect(report.kind).toBe(kind);
    const found = report.issues.filter((i) => i.field === 'adjustReason');
    expect(found.map((i) => [i.row, i.column, i.code, i.params.type])).toEqual(expected);
    expect(found.map((i) => [i.severity, i.received])).toEqual(expected.map(() => ['error', '']));
  });

  test('the inline sheets, every example and every fixture give the same issues as the field setting did', async () => {
    const grids: Array<[string, Grid]> = [
      ['list', LIST],
      ['report', REPORT],
    ];
    for (const file of [...files('examples'), ...files('test/fixtures')]) {
      let read: Grid[];
      try {
        read = await (await openWorkbookFile(file)).readSheets();
      } catch {
        continue; // encrypted, damaged or legacy fixtures: no grid to compare
      }
      for (const g of read) grids.push([`${path.relative(ROOT, file)}!${g.name}`, g]);
    }
    expect(grids.length).toBeGreaterThan(50);
    let reasons = 0;
    for (const [name, grid] of grids) {
      const now = issues(grid, SCHEMAS);
      reasons += now.filter((i) => i.code === 'adjustReason/missing').length;
      expect({ name, issues: now.map(asBefore) }).toEqual({ name, issues: issues(grid, BEFORE) });
    }
    // The comparison saw the rule at work, beyond the two inline sheets.
    expect(reasons).toBeGreaterThan(5);
  });
});
