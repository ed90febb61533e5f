import type { Place } from '../../core/rule';
import {
  declarationFinding,
  listChoiceFinding,
  type ListedItem,
  type MarkedItem,
  type ReceivedFile,
  receivedFileFindings,
  reportChoiceFinding,
  type ReportedChange,
  reportedChangeFindings,
  reportTotalFindings,
  type ReportTotals,
  type ReviewFinding,
  statementFindings,
  unplacedFileFinding,
  unreportedChangeFindings,
} from './review.rule';

const codes = (fs: ReadonlyArray<ReviewFinding | undefined>) => fs.map((f) => f?.code);

describe('received files', () => {
  const file = (over: Partial<ReceivedFile>): ReceivedFile => ({
    name: '清单.xlsx',
    kind: 'checklist',
    quota: false,
    ...over,
  });
  test.each<[string, Partial<ReceivedFile>, string[]]>([
    ['a list', {}, []],
    ['a quota table sent along', { kind: 'other', quota: true }, []],
    ['a file that cannot be read', { kind: 'unreadable', error: '文件已加密' }, ['review/unreadable']],
    ['a file whose content is not read', { kind: 'other', error: '.doc 文件' }, ['review/not-read']],
    ['a file holding no deliverable', { kind: 'other' }, ['review/other-file']],
    [
      'a folder and a file naming two units',
      { conflict: { folder: '县教育局', named: '县财政局' }, kind: 'other' },
      ['review/unit-conflict', 'review/other-file'],
    ],
  ])('%s', (_, over, expected) => {
    expect(codes(receivedFileFindings(file(over), '县教育局'))).toEqual(expected);
  });

  test('a conflict names the folder, the file and the unit counted', () => {
    const [f] = receivedFileFindings(
      file({ conflict: { folder: '县教育局', named: '县财政局' } }),
      '县教育局',
    );
    expect(f).toEqual({
      code: 'review/unit-conflict',
      sheet: '',
      params: { name: '清单.xlsx', folder: '县教育局', named: '县财政局', unit: '县教育局' },
    });
  });

  test.each<[string, { text: string; suggestion?: string } | undefined, ReviewFinding]>([
    ['no unit named', undefined, { code: 'review/no-unit', sheet: '', params: { name: 'a.xlsx' } }],
    [
      'a unit close to one of the register',
      { text: '县教体局', suggestion: '县教育局' },
      {
        code: 'review/unknown-unit',
        sheet: '',
        params: { name: 'a.xlsx', text: '县教体局', suggestion: '县教育局' },
      },
    ],
    [
      'a unit close to none',
      { text: '某某公司' },
      {
        code: 'review/unknown-unit-no-match',
        sheet: '',
        params: { name: 'a.xlsx', text: '某某公司', suggestion: '' },
      },
    ],
  ])('a file placed with no unit: %s', (_, unknown, expected) => {
    expect(unplacedFileFinding('a.xlsx', unknown)).toEqual(expected);
  });
});

describe('deliverables chosen', () => {
  test.each<[string, ReviewFinding | undefined, string | undefined]>([
    ['one list', listChoiceFinding(1, { file: 'a.xlsx', sheet: '清单', items: 9 }, 2020), undefined],
    [
      'two lists',
      listChoiceFinding(2, { file: 'a.xlsx', sheet: '清单', items: 9 }, 2020),
      'review/several-lists',
    ],
    ['no list', listChoiceFinding(0, undefined, 2020), 'review/missing-checklist'],
    ['one report', reportChoiceFinding(1, { file: 'b.xlsx', sheet: '情况表' }), undefined],
    ['three reports', reportChoiceFinding(3, { file: 'b.xlsx', sheet: '情况表' }), 'review/several-reports'],
    ['no report', reportChoiceFinding(0, undefined), 'review/missing-adjustment'],
  ])('%s', (_, found, code) => {
    expect(found?.code).toBe(code);
  });

  test('two lists: the one used, its items and the deliverable', () => {
    expect(listChoiceFinding(2, { file: 'a.xlsx', sheet: '清单', items: 9 }, 2020)).toEqual({
      code: 'review/several-lists',
      sheet: '清单',
      params: { count: 2, chosen: 'a.xlsx', items: 9 },
      deliverable: 'checklist',
    });
  });
});

describe('reportTotalFindings', () => {
  const entries = [
    { type: '新增' as const },
    { type: '新增' as const },
    { type: '删除' as const },
    { type: '无变化' as const },
  ];
  const report = (counts: ReportTotals['totals'][number]['counts']): ReportTotals => ({
    sheet: '情况表',
    columns: { itemName: 3 },
    entries,
    totals: [{ row: 12, counts }],
  });
  test.each<[string, ReportTotals['totals'][number]['counts'], number | undefined, ReviewFinding[]]>([
    ['counts that agree', { 新增: 2, 删除: 1, total: 3, previous: 10, current: 11 }, 11, []],
    ['a bare total of every row', { total: 4 }, undefined, []],
    [
      'a type count other than the rows',
      { 新增: 3 },
      undefined,
      [
        {
          code: 'review/total-type-mismatch',
          sheet: '情况表',
          row: 12,
          column: 3,
          params: { type: '新增', stated: 3, counted: 2 },
          deliverable: 'adjustment',
        },
      ],
    ],
    [
      'a bare total other than the rows',
      { total: 5 },
      undefined,
      [
        {
          code: 'review/total-count-mismatch',
          sheet: '情况表',
          row: 12,
          column: 3,
          params: { stated: 5, counted: 3 },
          deliverable: 'adjustment',
        },
      ],
    ],
    [
      'a balance that does not add up',
      { previous: 10, current: 12 },
      undefined,
      [
        {
          code: 'review/total-balance',
          sheet: '情况表',
          row: 12,
          column: 3,
          params: { previous: 10, added: 2, deleted: 1, expected: 11, current: 12 },
          deliverable: 'adjustment',
        },
      ],
    ],
    [
      '本年 other than the list sent',
      { current: 11 },
      13,
      [
        {
          code: 'review/total-list-count',
          sheet: '情况表',
          row: 12,
          column: 3,
          params: { stated: 11, items: 13 },
          deliverable: 'adjustment',
        },
      ],
    ],
  ])('%s', (_, counts, listItems, expected) => {
    expect(reportTotalFindings(report(counts), listItems)).toEqual(expected);
  });
});

describe('reportedChangeFindings', () => {
  const at: Place = { sheet: '情况表', row: 5, column: 3, field: 'itemName', received: '燃气检查' };
  const change = (type: ReportedChange['type'], values: ReportedChange['values'] = {}): ReportedChange => ({
    row: 5,
    itemName: '燃气检查',
    type,
    values,
  });
  const hit = (exact: boolean, texts: ListedItem['texts'] = {}): ListedItem => ({
    row: 8,
    itemName: exact ? '燃气检查' : '燃气经营检查',
    exact,
    texts,
  });
  const same = (_: string, a: string, b: string) => a.replace('%', '') === b.replace('%', '');
  test.each<[string, ReportedChange, ListedItem | undefined, string[]]>([
    ['an added item in the list', change('新增'), hit(true), []],
    ['an added item under another name', change('新增'), hit(false), ['review/name-differs']],
    ['an added item not in the list', change('新增'), undefined, ['review/added-not-in-list']],
    ['a deleted item gone from the list', change('删除'), undefined, []],
    ['a deleted item only alike to one listed', change('删除'), hit(false), []],
    ['a deleted item still listed', change('删除'), hit(true), ['review/deleted-still-listed']],
    ['a modified item not in the list', change('修改'), undefined, ['review/modified-not-in-list']],
    ['a modified ratio the list shows', change('修改', { ratio: '5%' }), hit(true, { ratio: '5' }), []],
    [
      'a modified ratio the list does not show',
      change('修改', { ratio: '5%', frequency: '每年1次' }),
      hit(false, { ratio: '3%', frequency: '每年1次' }),
      ['review/name-differs', 'review/modified-differs'],
    ],
  ])('%s', (_, c, h, expected) => {
    expect(codes(reportedChangeFindings(c, h, at, () => true, same))).toEqual(expected);
  });

  test('a modified field the list has no column for is not compared; a blank one reads —', () => {
    const found = reportedChangeFindings(
      change('修改', { ratio: '5%', frequency: '每年1次' }),
      hit(true),
      at,
      (field) => field === 'frequency',
      same,
    );
    expect(found).toEqual([
      {
        code: 'review/modified-differs',
        ...at,
        params: { itemName: '燃气检查', field: 'frequency', reported: '每年1次', listed: '—', listRow: 8 },
        deliverable: 'adjustment',
      },
    ]);
  });
});

describe('the list against the report', () => {
  const items: MarkedItem[] = [
    { row: 4, itemName: '食品检查', adjustType: '无变化', texts: { adjustType: '无变化' } },
    { row: 5, itemName: '燃气检查', adjustType: '新增', texts: { adjustType: '新 增' } },
    { row: 6, itemName: '粮食检查', adjustType: '删除', texts: {} },
    { row: 7, itemName: '价格检查', texts: {} },
  ];
  const list = { sheet: '清单', typeColumn: 9 };

  test.each<[string, string[], string[]]>([
    ['every change reported', ['燃气检查', '粮食检查'], []],
    ['changes left out', ['燃气检查'], ['粮食检查']],
  ])('%s', (_, reported, missing) => {
    const found = unreportedChangeFindings(items, list, (name) => reported.includes(name));
    expect(found.map((f) => f.params.itemName)).toEqual(missing);
  });

  test('a change left out is placed on its 调整类型 as written', () => {
    expect(unreportedChangeFindings(items, list, () => false)[0]).toEqual({
      code: 'review/change-not-reported',
      sheet: '清单',
      row: 5,
      column: 9,
      field: 'adjustType',
      received: '新 增',
      params: { itemName: '燃气检查', type: '新增' },
      deliverable: 'adjustment',
    });
  });

  test.each<[string, MarkedItem[], ReviewFinding[]]>([
    ['a list without changes', [items[0]!, items[3]!], []],
    [
      'a list with changes',
      items,
      [
        {
          code: 'review/statement-but-changes',
          sheet: '清单',
          row: 5,
          column: 9,
          field: 'adjustType',
          received: '新 增',
          params: { count: 2, itemName: '燃气检查' },
          deliverable: 'adjustment',
        },
      ],
    ],
  ])('a 无动态调整 statement and %s', (_, listed, expected) => {
    expect(statementFindings(listed, list)).toEqual(expected);
  });
});

describe('declarationFinding', () => {
  test.each<[string, boolean, number | undefined, number, ReviewFinding | undefined]>([
    ['the quota met', true, 3, 3, undefined],
    ['no quota and nothing sent', false, undefined, 0, undefined],
    ['no quota and something sent', true, 0, 0, undefined],
    [
      'nothing sent for a quota',
      false,
      0,
      3,
      { code: 'review/missing-declaration', sheet: '', params: { quota: 3 }, deliverable: 'declaration' },
    ],
    [
      'fewer counted than the quota',
      true,
      1,
      3,
      {
        code: 'review/declaration-short',
        sheet: '',
        params: { declared: 1, quota: 3, missing: 2 },
        deliverable: 'declaration',
      },
    ],
    [
      'more counted than the quota',
      true,
      5,
      3,
      {
        code: 'review/declaration-over',
        sheet: '',
        params: { declared: 5, quota: 3 },
        deliverable: 'declaration',
      },
    ],
  ])('%s', (_, declared, counted, quota, expected) => {
    expect(declarationFinding(declared, counted, quota)).toEqual(expected);
  });
});
