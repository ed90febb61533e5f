import type { CellValue, Grid, MergeRange } from '../../../src/core/grid';
import {
  buildChartSheet,
  buildSummarySheet,
  liveSourcesIn,
  tallySources,
  tallyWorkbook,
} from '../../../src/features/tally';

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
    expect(r.files[0]!.sheets).toEqual([
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
    expect(r.files[0]!.sheets[1]).toMatchObject({ kind: 'declaration', layout: 'form', declarations: 0 });
  });

  test('a 推荐单位 label on the form names the unit', () => {
    const g = form('企业1');
    g.values.push(['推荐单位', null, '于都县市场监管局']);
    expect(tallySources([{ file: 'x.xlsx', grids: [g] }]).declarations[0]!.unit).toMatchObject({
      unit: '市场监督管理局',
      source: 'label',
      cell: { row: 9, column: 3 },
    });
  });

  test('a list is never read as a form, a form never as a list', () => {
    const r = tallySources([{ file: 'x.xlsx', grids: [list([row(1, '林业局')]), form('企业1')] }]);
    expect(r.files[0]!.sheets.map((s) => s.layout)).toEqual(['list', 'form']);
  });
});

describe('live counts in the workbook the declarations are in', () => {
  test('unit names as in the table: COUNTIFS over the list, verified', () => {
    const sheets = [list([row(1, '林业局'), row(2, '林业局'), row(3, '商务局', '大型')])];
    const { result, summary } = tallyWorkbook(sheets, '申报.xlsx');
    expect(liveSourcesIn(result, sheets)).toEqual([
      {
        sheet: '申报',
        unitColumn: 2,
        criteria: [{ column: 6, criterion: '<>大型' }],
        firstRow: 3,
        lastRow: 1005,
      },
    ]);
    const linye = summary.rows.find((r) => r.cells[1]?.value === '林业局')!;
    expect(linye.cells[3]).toMatchObject({
      value: 2,
      formula: `SUMPRODUCT(EXACT('申报'!$B$3:$B$1005,$B17)*('申报'!$F$3:$F$1005<>"大型"))`,
    });
  });

  test('names the formulas cannot match (县林业局, merged unit cells) keep the counts as values', () => {
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

  test('long lists go whole on a sheet of their own, the summary only names them', () => {
    const rows = Array.from({ length: 250 }, (_, i) => [
      i + 1,
      '林业局',
      '于都县同名有限公司',
      '张三',
      '13907970001',
      '小型',
      '是',
    ]);
    const { result, summary, sheets } = tallyWorkbook([list(rows)], 'a.xlsx');
    expect(result.excluded).toHaveLength(249);
    expect(summary.rows[2]!.cells[0]?.value).toContain('“不计入的企业”表（249 家）');
    expect(summary.rows).toHaveLength(30);
    expect(sheets.map((s) => s.name)).toEqual(['监测点汇总', '监测点图表', '重复申报', '不计入的企业']);
    const excluded = sheets[3]!;
    expect(excluded.rows).toHaveLength(3 + 249);
    expect(excluded.page?.printTitleRows).toEqual({ first: 3, last: 3 });
  });

  test('the summary sheet: title, 制表 line, 23 units, 合计, shortage and excess, A4; the chart apart', () => {
    const spec = buildSummarySheet(tallySources([]), { date: '2020年3月30日' });
    expect(spec.rows[0]!.cells[0]?.value).toBe('于都县中小微企业行政检查监测点汇总表');
    expect(spec.rows[1]!.cells.map((c) => c?.value)).toEqual([
      '制表单位（盖章）：',
      undefined,
      undefined,
      '制表日期：2020年3月30日',
      undefined,
      undefined,
    ]);
    expect(spec.rows.slice(4, 27).map((r) => r.cells[5]?.value)).toEqual(Array(23).fill('未申报'));
    expect(spec.rows[27]!.cells.map((c) => c?.value)).toEqual(['合计', null, 66, 0, -66, '未申报']);
    expect(spec.rows[28]!.cells[2]?.value).toBe('23 个单位，共差 66 家');
    expect(spec.rows[29]!.cells[2]?.value).toBe('0 个单位，共超 0 家');
    expect(spec.page).toMatchObject({
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      printTitleRows: { first: 4, last: 4 },
    });
    // Nothing after the table on the summary: the chart is a sheet of its own, reading the summary's rows.
    expect(spec.charts).toBeUndefined();
    const chart = buildChartSheet(tallySources([]));
    expect(chart.charts).toEqual([
      expect.objectContaining({
        dataSheet: '监测点汇总',
        firstRow: 5,
        lastRow: 27,
        categoryColumn: 2,
        seriesColumns: [3, 4],
        direction: 'bar',
      }),
    ]);
    expect(chart.page).toMatchObject({ paper: 'A4', orientation: 'portrait' });
    expect(spec.conditionalFormats?.[0]!.range).toEqual({ top: 5, left: 6, bottom: 28, right: 6 });
  });
});

describe('repeated and possibly repeated nominations', () => {
  const named = (n: number, unit: string, name: string, code = ''): CellValue[] => [
    n,
    unit,
    name,
    code,
    '张三',
    `1390797${String(n).padStart(4, '0')}`,
    '小型',
    '是',
  ];
  const HEAD2 = [
    '序号',
    '推荐单位',
    '企业名称',
    '统一社会信用代码',
    '法定代表人',
    '联系电话',
    '规模',
    '是否为民营企业',
  ];
  const sheet = (name: string, rows: CellValue[][]) => grid(name, [['申报表'], HEAD2, ...rows]);

  test('a unit outside the table never takes a table unit’s place, whichever file comes first', () => {
    const r = tallySources([
      { file: '气象局.xlsx', grids: [sheet('申报', [named(1, '于都县气象局', '于都县恒通物流有限公司')])] },
      { file: '住建局.xlsx', grids: [sheet('申报', [named(1, '住建局', '于都县恒通物流有限公司')])] },
    ]);
    expect(r.units.find((u) => u.unit === '住建局')).toMatchObject({ declared: 1, submitted: 1 });
    expect(r.declaredTotal).toBe(1);
    expect(r.duplicates).toEqual([
      expect.objectContaining({
        units: ['于都县气象局', '住建局'],
        countedFor: '住建局',
        choice: 'table-unit',
      }),
    ]);
    expect(r.excluded).toEqual([
      expect.objectContaining({ unit: '于都县气象局', reason: 'duplicate', countedFor: '住建局' }),
    ]);
    // 申报明细 lists the counted nomination first, so its 计入 formula agrees.
    expect(r.order).toEqual([1, 0]);
  });

  test('full-width and half-width brackets are one name; brackets left out or 有限责任公司 are possibly one', () => {
    const r = tallySources([
      {
        file: 'a.xlsx',
        grids: [
          sheet('甲', [
            named(1, '林业局', '江西鑫源（于都）食品有限公司'),
            named(2, '林业局', '于都县和美 餐饮管理有限责任公司'),
            named(3, '林业局', '于都县瑞丰电子有限公司', '91360731MA0000011X'),
          ]),
          sheet('乙', [
            named(1, '商务局', '江西鑫源(于都)食品有限公司'),
            named(2, '商务局', '江西鑫源于都食品有限公司'),
            named(3, '商务局', '于都县和美餐饮管理有限公司'),
            named(4, '商务局', '于都县瑞丰电子有限责任公司', '91360731MA0000029R'),
          ]),
        ],
      },
    ]);
    // Names are read half-width: 江西鑫源（于都）… and 江西鑫源(于都)… are one name.
    expect(r.duplicates.map((d) => [d.enterprise, d.units])).toEqual([
      ['江西鑫源(于都)食品有限公司', ['林业局', '商务局']],
    ]);
    expect(r.possibleDuplicates.map((p) => p.enterprises)).toEqual([
      ['江西鑫源(于都)食品有限公司', '江西鑫源于都食品有限公司'],
      ['于都县和美 餐饮管理有限责任公司', '于都县和美餐饮管理有限公司'],
    ]);
    // Two different credit codes: two enterprises, whatever their names. Counts are not changed.
    expect(r.units.find((u) => u.unit === '商务局')?.declared).toBe(3);
    expect(r.units.find((u) => u.unit === '林业局')?.declared).toBe(3);
    expect(
      r.issues.filter((i) => i.code === 'tally/possible-duplicate').map((i) => [i.sheet, i.row]),
    ).toEqual([
      ['乙', 4],
      ['乙', 5],
    ]);
  });
});

describe('forms stacked on one sheet', () => {
  /** Rows of `form()` shifted down by `by`, and its merges. */
  const shifted = (g: Grid, by: number) => ({
    values: g.values,
    merges: g.merges.map((m) => ({ ...m, top: m.top + by, bottom: m.bottom + by })),
  });

  test('every form is read; a signature line between them is not one; the unit written once holds for all', () => {
    const a = form('x', { 企业名称: '于都县甲公司', 联系电话: '13907970001' });
    const b = form('x', { 企业名称: '于都县乙公司', 联系电话: '13907970002' });
    const sa = shifted(a, 1);
    const sb = shifted(b, 1 + a.values.length + 1);
    const values: CellValue[][] = [
      ['推荐单位:于都县林业局'],
      ...sa.values,
      ['填表人:张三', null, null, '联系电话:0797-6222222'],
      ...sb.values,
    ];
    const r = tallySources([
      { file: '附件2.xlsx', grids: [grid('申报', values, [...sa.merges, ...sb.merges])] },
    ]);
    expect(r.files[0]!.sheets).toEqual([
      { name: '申报', kind: 'declaration', layout: 'form', declarations: 2 },
    ]);
    expect(r.declarations.map((d) => [d.enterprise, d.fields.phone, d.row, d.unit.unit])).toEqual([
      ['于都县甲公司', '13907970001', 4, '林业局'],
      ['于都县乙公司', '13907970002', 13, '林业局'],
    ]);
    expect(r.units.find((u) => u.unit === '林业局')?.declared).toBe(2);
    expect(r.issues).toEqual([]);
  });

  test('a form and a blank template under it: one declaration, the template named nowhere as one', () => {
    const a = form('x');
    const blank = form('x', { 企业名称: null, 法定代表人: null });
    const sb = shifted(blank, a.values.length);
    const r = tallySources([
      {
        file: '于都县林业局.xlsx',
        grids: [grid('申报', [...a.values, ...sb.values], [...a.merges, ...sb.merges])],
      },
    ]);
    expect(r.declarations).toHaveLength(1);
    expect(r.noDeclaration).toEqual([]);
  });
});
