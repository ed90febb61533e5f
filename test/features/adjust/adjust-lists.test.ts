import { adjustLists } from '../../../src/features/adjust/adjust-lists';
import { buildAdjustedList } from '../../../src/features/adjust/adjusted-list-sheet';
import { readConfirmMap } from '../../../src/features/adjust/confirm-map';
import { keepClosingRowsWithTable, pageStarts } from '../../../src/features/adjust/paginate';
import {
  buildAdjustReport,
  changeText,
  REPORT_SHEET,
  reportTitle,
} from '../../../src/features/adjust/report-sheet';
import { fitRowHeight, wrappedLines } from '../../../src/features/adjust/text-fit';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { HEAD, list, row, sheet } from '../../helpers/list-grid';

const ADJ = [...HEAD, '调整类型', '调整原因', '备注'];
const TITLE_2019 = [['于都县市场监督管理局2019年度行政检查事项清单']];
const TITLE_2020 = [
  ['于都县市场监督管理局2020年度行政检查事项清单'],
  ['填报单位(盖章):于都县市场监督管理局'],
];
const adj = (r: ReturnType<typeof row>, type: string, reason = '', remarks = '') => [
  ...r,
  type,
  reason,
  remarks,
];

const previous = list(
  sheet(
    '2019',
    TITLE_2019,
    ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '抽查比例', '抽查频次'],
    [
      row(1, '食品生产企业监督检查'),
      row(2, '特种设备使用单位监督检查', '5%'),
      row(3, '计量器具使用单位检查', '3%', '每年一次'),
      row(4, '广告发布单位检查'),
      row(5, '棉花质量监督检查'),
    ],
  ),
);
const current = list(
  sheet(
    '2020',
    TITLE_2020,
    ADJ,
    [
      adj(row(1, '特种设备使用单位监督检查', 0.1), '修改(比例)', '法律法规规章调整'),
      adj(row(2, '计量器具使用单位检查', '3%', '1次/年'), '无变化'),
      adj(row(3, '食品生产企业监督检查', '5%', '每年1次', { method: '双随机抽查、重点检查' }), '无变化'),
      adj(
        row(4, '电动自行车销售企业检查', '5%', '每年1次', { basis: '《产品质量法》', object: '销售企业' }),
        '新增',
        '监管实际',
        '新设事项',
      ),
      adj(row(5, '广告发布单位检查'), '删除', '机构改革'),
    ],
    { '0,6': '0%' },
  ),
);

describe('adjustLists', () => {
  const r = adjustLists(previous, current);

  test('classifies 新增 / 删除 / 修改 / 无变化, comparing ratio and frequency by meaning', () => {
    expect(r.added.map((e) => e.itemName)).toEqual(['电动自行车销售企业检查']);
    expect(r.deleted.map((e) => [e.itemName, e.reason])).toEqual([
      ['广告发布单位检查', '机构改革'],
      ['棉花质量监督检查', ''],
    ]);
    expect(r.modified.map((e) => [e.itemName, e.changes, e.reason])).toEqual([
      ['特种设备使用单位监督检查', [{ field: 'ratio', from: '5%', to: '10%' }], '法律法规规章调整'],
      ['食品生产企业监督检查', [{ field: 'method', from: '双随机抽查', to: '双随机抽查、重点检查' }], ''],
    ]);
    expect(r.unchanged).toBe(1);
    expect({
      unit: r.unit,
      year: r.year,
      previousCount: r.previousCount,
      currentCount: r.currentCount,
    }).toEqual({
      unit: '于都县市场监督管理局',
      year: 2020,
      previousCount: 5,
      currentCount: 4,
    });
  });

  test('a change without a reason and a declared type the comparison contradicts are issues', () => {
    expect(r.issues.map((i) => [i.code, i.severity, i.source, i.row, i.column, i.params])).toEqual([
      ['adjust/no-reason', 'error', 'current', 6, 10, { name: '食品生产企业监督检查', type: '修改' }],
      ['adjust/deleted-no-reason', 'error', 'previous', 7, 2, { name: '棉花质量监督检查' }],
      ['adjust/type-differs', 'warning', 'current', 6, 9, { declared: '无变化', found: '修改' }],
    ]);
  });

  test('the unit and year given win over the list', () => {
    expect(adjustLists(previous, current, { unit: '于都县林业局', year: 2021 })).toMatchObject({
      unit: '于都县林业局',
      year: 2021,
    });
  });

  test('the adjusted list holds every item with its type, then the deleted ones', () => {
    const spec = buildAdjustedList(r, current);
    const names = spec.rows.slice(3).map((x) => [x.cells[1]?.value, x.cells[spec.columns.length - 3]?.value]);
    expect(names).toEqual([
      ['特种设备使用单位监督检查', '修改'],
      ['计量器具使用单位检查', '无变化'],
      ['食品生产企业监督检查', '修改'],
      ['电动自行车销售企业检查', '新增'],
      ['广告发布单位检查', '删除'],
      ['棉花质量监督检查', '删除'],
    ]);
  });

  test('a row marked 删除 wins over a similar new item; a 删除 row for an unknown item is pointed out', () => {
    const before = list(
      sheet('2019', [], HEAD, [row(1, '食品生产企业监督检查'), row(2, '计量器具使用单位检查')]),
    );
    const after = list(
      sheet('2020', [], ADJ, [
        adj(row(1, '食品生产企业监督检查'), '删除', '机构改革'),
        adj(row(2, '食品生产企业监督抽查'), '新增', '监管实际'),
        adj(row(3, '计量器具使用单位检查'), '无变化'),
        adj(row(4, '棉花质量监督检查'), '删除', '机构改革'),
      ]),
    );
    const x = adjustLists(before, after);
    expect(x.deleted.map((e) => [e.itemName, e.reason])).toEqual([['食品生产企业监督检查', '机构改革']]);
    expect(x.added.map((e) => e.itemName)).toEqual(['食品生产企业监督抽查']);
    expect(x.issues.map((i) => [i.code, i.row])).toEqual([['adjust/deleted-not-found', 5]]);
  });

  test('no change at all', () => {
    const same = adjustLists(previous, previous);
    expect([
      same.added.length,
      same.deleted.length,
      same.modified.length,
      same.unchanged,
      same.issues,
    ]).toEqual([0, 0, 0, 5, []]);
    expect(same.year).toBe(2019);
  });
});

describe('the report sheet', () => {
  const r = adjustLists(previous, current);
  const spec = buildAdjustReport(r);
  const text = (s: SheetSpec) => s.rows.map((x) => x.cells.map((c) => c?.value ?? '').join('|'));

  test('title, stamp and date lines, ruled header, entries by type, 合计, signature block', () => {
    const lines = text(spec);
    expect(spec.name).toBe(REPORT_SHEET);
    expect(lines[0]).toBe('于都县市场监督管理局2020年度行政检查事项清单动态调整情况表');
    expect(lines[1]).toMatch(/^填报单位（盖章）：于都县市场监督管理局\|\|\|填报日期：/);
    expect(lines[2]).toBe('序号|事项名称|调整类型|调整内容（原 → 新）|调整原因|备注');
    expect(lines.slice(3, 8).map((l) => l.split('|').slice(0, 3).join('|'))).toEqual([
      '1|电动自行车销售企业检查|新增',
      '2|广告发布单位检查|删除',
      '3|棉花质量监督检查|删除',
      '4|特种设备使用单位监督检查|修改',
      '5|食品生产企业监督检查|修改',
    ]);
    expect(lines[6]).toContain('检查比例：5% → 10%|法律法规规章调整');
    expect(lines[8]).toMatch(/^合计\|\|新增 1 项，删除 2 项，修改 2 项，无变化 1 项/);
    expect(lines[10]).toBe('填报人：||联系电话：||审核人：|');
    expect(spec.page).toMatchObject({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      printTitleRows: { first: 3, last: 3 },
    });
    expect(spec.rows[2]!.cells.every((c) => c?.style === 'head')).toBe(true);
    expect(spec.styles.title!.font?.name).toBe('黑体');
    expect(spec.styles.cell).toMatchObject({ font: { name: '仿宋' }, border: 'thin' });
  });

  test('the 无动态调整 form', () => {
    const same = buildAdjustReport(
      adjustLists(previous, previous, { unit: '于都县市场监督管理局', year: 2020 }),
    );
    const lines = text(same);
    expect(lines[3]!.split('|')[0]).toBe('本单位2020年度行政检查事项清单无动态调整');
    expect(same.merges).toContainEqual({ top: 4, left: 1, bottom: 4, right: 6 });
    expect(lines[4]).toContain('新增 0 项，删除 0 项，修改 0 项，无变化 5 项');
  });

  test('what 调整内容 says for each type', () => {
    expect(changeText(r.added[0]!)).toBe(
      '新增该事项（检查方式：双随机抽查；检查比例：5%；检查频次：每年1次）',
    );
    expect(changeText(r.deleted[0]!)).toBe(
      '删除该事项（原检查方式：双随机抽查；检查比例：5%；检查频次：每年1次）',
    );
    expect(
      changeText({
        ...r.modified[0]!,
        changes: [
          { field: 'itemName', from: '甲', to: '乙' },
          { field: 'ratio', from: '', to: '5%' },
        ],
      }),
    ).toBe('事项名称：甲 → 乙\n检查比例：（未填写） → 5%');
    expect(reportTitle('', 2020)).toBe('2020年度行政检查事项清单动态调整情况表');
  });
});

describe('fitting the printed page', () => {
  test('wrapped lines and row heights grow with the text', () => {
    expect(wrappedLines('检查比例：5% → 10%', 54, 12)).toBe(1);
    expect(wrappedLines('一'.repeat(60), 54, 12)).toBe(3);
    expect(wrappedLines('甲\n乙', 54, 12)).toBe(2);
    expect(fitRowHeight([{ text: '一'.repeat(60), width: 54 }], 12)).toBeGreaterThan(
      fitRowHeight([{ text: '一', width: 54 }], 12) * 2,
    );
  });

  const long = (n: number): SheetSpec => {
    const base = buildAdjustReport(adjustLists(previous, current));
    const entry = base.rows[3]!;
    const rows = [
      ...base.rows.slice(0, 3),
      ...Array.from({ length: n }, () => entry),
      ...base.rows.slice(-3),
    ];
    return { ...base, rows, rowBreaks: undefined };
  };

  test('the closing rows never start a page of their own', () => {
    for (let n = 1; n <= 40; n++) {
      const spec = long(n);
      const closing = 3 + n + 1;
      const kept = keepClosingRowsWithTable(spec, closing, 4);
      const starts = pageStarts(kept);
      const last = starts[starts.length - 1];
      if (last !== undefined)
        expect({ n, startsInTable: last < closing }).toEqual({ n, startsInTable: true });
    }
  });
});

describe('readConfirmMap', () => {
  test('pairs, names standing alone, comments, with or without a header row', () => {
    const grid = {
      name: '确认',
      values: [['原事项名称', '现事项名称'], ['# 注释'], ['甲', '乙'], ['丙', null], [null, '丁']],
      merges: [],
    };
    expect(readConfirmMap(grid)).toEqual({
      sheet: '确认',
      pairs: [{ previous: '甲', current: '乙', line: 3 }],
      alone: [
        { name: '丙', side: 'previous', line: 4 },
        { name: '丁', side: 'current', line: 5 },
      ],
    });
    expect(readConfirmMap({ name: 'x', values: [['甲', '乙']], merges: [] }).pairs).toHaveLength(1);
    expect(
      readConfirmMap({
        name: 'x',
        values: [
          ['现事项名称', '原事项名称'],
          ['乙', '甲'],
        ],
        merges: [],
      }).pairs[0],
    ).toMatchObject({ previous: '甲', current: '乙' });
  });
});
