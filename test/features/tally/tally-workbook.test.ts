import type { CellValue, Grid, MergeRange } from '../../../src/core/grid';
import { buildSummarySheet, liveSourcesIn, tallySources, tallyWorkbook } from '../../../src/features/tally';

const grid = (name: string, values: CellValue[][], merges: MergeRange[] = []): Grid => ({
  name,
  values,
  merges,
});

/** The Annex 2 form as printed, one enterprise. */
function form(name: string, fields: Partial<Record<string, CellValue>> = {}): Grid {
  const f = {
    企业名称: '于都县恒通物流有限公司',
    法定代表人: '陈明华',
    地址: '于都县贡江镇',
    行业: '物流',
    联系人: '刘芳',
    联系电话: '13907970001',
    规模: '小型',
    是否为民营企业: '是',
    ...fields,
  };
  return grid(
    name,
    [
      ['行政检查监测点企业申报表'],
      ['申报企业(盖章):'],
      ['基本信息', '企业名称', f.企业名称, '法定代表人', f.法定代表人],
      [null, '地  址', f.地址, '行  业', f.行业],
      [null, '联系人', f.联系人, '联系电话', f.联系电话],
      [null, '规  模', f.规模, '是否为民营企业', f.是否为民营企业],
      [null, '企业简介\n(可附页)', '从事物流运输'],
      ['县(市、区)司法行政部门审核意见'],
    ],
    [
      { top: 1, left: 1, bottom: 1, right: 5 },
      { top: 3, left: 1, bottom: 7, right: 1 },
      { top: 7, left: 3, bottom: 7, right: 5 },
      { top: 8, left: 1, bottom: 8, right: 2 },
      { top: 8, left: 3, bottom: 8, right: 5 },
    ],
  );
}

const HEAD = ['序号', '推荐单位', '企业名称', '法定代表人', '联系电话', '规模', '是否为民营企业'];
const list = (rows: CellValue[][]) => grid('申报', [['行政检查监测点企业申报表'], HEAD, ...rows]);
const row = (n: number, unit: CellValue, scale = '小型'): CellValue[] => [
  n,
  unit,
  `于都县企业${n}有限公司`,
  '张三',
  `1390797${String(n).padStart(4, '0')}`,
  scale,
  '是',
];

describe('the printed form', () => {
  test('labels beside values: one declaration, issues on the value cells', () => {
    const r = tallySources([
      { file: '于都县交通运输局.xlsx', grids: [form('企业1', { 联系电话: '1390797000', 规模: '大型企业' })] },
    ]);
    expect(r.files[0].sheets).toEqual([
      { name: '企业1', kind: 'declaration', layout: 'form', declarations: 1 },
    ]);
    expect(r.declarations[0]).toMatchObject({
      enterprise: '于都县恒通物流有限公司',
      scale: '大型',
      layout: 'form',
      row: 3,
      unit: { unit: '交通运输局', source: 'file' },
      fields: {
        legalRep: '陈明华',
        address: '于都县贡江镇',
        industry: '物流',
        privateOwned: '是',
        intro: '从事物流运输',
      },
    });
    expect(r.issues.map((i) => `${i.row}:${i.column} ${i.code}`)).toEqual([
      '5:5 phone/mobile-length',
      '6:3 scale/not-eligible',
    ]);
    expect(r.excluded).toEqual([expect.objectContaining({ reason: 'large-enterprise', unit: '交通运输局' })]);
  });

  test('a blank value is missing on its cell; a blank template is no declaration', () => {
    const r = tallySources([
      { file: '林业局.xlsx', grids: [form('企业1', { 联系人: null }), form('空白', { 企业名称: null })] },
    ]);
    expect(r.declarations).toHaveLength(1);
    expect(r.issues.filter((i) => i.sheet === '企业1').map((i) => `${i.row}:${i.column} ${i.code}`)).toEqual([
      '5:3 required/missing',
    ]);
    expect(r.files[0].sheets[1]).toMatchObject({ kind: 'declaration', layout: 'form', declarations: 0 });
  });

  test('a 推荐单位 label on the form names the unit', () => {
    const g = form('企业1');
    g.values.push(['推荐单位', null, '于都县市场监管局']);
    expect(tallySources([{ file: 'x.xlsx', grids: [g] }]).declarations[0].unit).toMatchObject({
      unit: '市场监督管理局',
      source: 'label',
      cell: { row: 9, column: 3 },
    });
  });

  test('a list is never read as a form, a form never as a list', () => {
    const r = tallySources([{ file: 'x.xlsx', grids: [list([row(1, '林业局')]), form('企业1')] }]);
    expect(r.files[0].sheets.map((s) => s.layout)).toEqual(['list', 'form']);
  });
});

describe('live counts in the workbook the declarations are in', () => {
  test('unit names as in the table: COUNTIFS over the list, verified', () => {
    const sheets = [list([row(1, '林业局'), row(2, '林业局'), row(3, '商务局', '大型')])];
    const { result, summary } = tallyWorkbook(sheets, '申报.xlsx');
    expect(liveSourcesIn(result, sheets)).toEqual([
      { sheet: '申报', unitColumn: 2, criteria: [{ column: 6, criterion: '<>大型' }] },
    ]);
    const linye = summary.rows.find((r) => r.cells[1]?.value === '林业局')!;
    expect(linye.cells[3]).toMatchObject({
      value: 2,
      formula: `COUNTIFS('申报'!$B:$B,$B16,'申报'!$F:$F,"<>大型")`,
    });
  });

  test('names that COUNTIFS cannot match (县林业局, merged unit cells) keep the counts as values', () => {
    const aliases = [list([row(1, '于都县林业局'), row(2, '林业局')])];
    expect(liveSourcesIn(tallyWorkbook(aliases, 'a.xlsx').result, aliases)).toBeUndefined();
    const merged = [
      grid('申报', [HEAD, row(1, '林业局'), row(2, null)], [{ top: 2, left: 2, bottom: 3, right: 2 }]),
    ];
    const { result, summary } = tallyWorkbook(merged, 'a.xlsx');
    expect(result.units.find((u) => u.unit === '林业局')?.declared).toBe(2);
    expect(liveSourcesIn(result, merged)).toBeUndefined();
    expect(summary.rows.find((r) => r.cells[1]?.value === '林业局')!.cells[3]).toEqual({
      value: 2,
      style: 'cell',
    });
  });

  test('long lists are cut at 200 rows on the summary, with a pointer to 申报明细', () => {
    const rows = Array.from({ length: 250 }, (_, i) => [
      i + 1,
      '林业局',
      '于都县同名有限公司',
      '张三',
      '13907970001',
      '小型',
      '是',
    ]);
    const { result, summary } = tallyWorkbook([list(rows)], 'a.xlsx');
    expect(result.excluded).toHaveLength(249);
    const texts = summary.rows.map((r) => r.cells[0]?.value);
    expect(texts).toContain('不计入的企业（249 家）');
    expect(texts).toContain('……另有 49 项未列出，详见“申报明细”表');
    expect(summary.rows.length).toBeLessThan(260);
  });

  test('the summary sheet: title, 23 units, 合计, sections, A4, chart', () => {
    const spec = buildSummarySheet(tallySources([]));
    expect(spec.rows[0].cells[0]?.value).toBe('于都县中小微企业行政检查监测点汇总表');
    expect(spec.rows.slice(3, 26).map((r) => r.cells[5]?.value)).toEqual(Array(23).fill('未申报'));
    expect(spec.rows[26].cells.map((c) => c?.value)).toEqual(['合计', null, 66, 0, -66, '未申报']);
    expect(spec.page).toMatchObject({
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      printTitleRows: { first: 3, last: 3 },
    });
    expect(spec.charts).toEqual([
      expect.objectContaining({ firstRow: 4, lastRow: 26, categoryColumn: 2, seriesColumns: [3, 4] }),
    ]);
    expect(spec.conditionalFormats?.[0].range).toEqual({ top: 4, left: 6, bottom: 27, right: 6 });
  });
});
