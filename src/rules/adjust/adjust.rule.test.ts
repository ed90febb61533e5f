import { type AdjustedItem, type AdjustFinding, type AdjustMatch, adjustFindings } from './adjust.rule';

const previous = { sheet: '2019年清单', columns: new Map([['itemName', 2]]) };
const current = {
  sheet: '2020年清单',
  columns: new Map([
    ['itemName', 2],
    ['adjustType', 9],
    ['adjustReason', 10],
  ]),
};
const item = (row: number, itemName: string, adjustType?: string): AdjustedItem => ({
  row,
  itemName,
  ...(adjustType ? { adjustType } : {}),
  texts: adjustType ? { adjustType } : {},
});
const match = (over: Partial<AdjustMatch>): AdjustMatch => ({
  previous,
  current,
  confirmSheet: '确认',
  changes: [],
  strayDeletions: [],
  found: [],
  uncertain: [],
  unknown: [],
  ...over,
});

describe('adjustFindings', () => {
  test.each<[string, Partial<AdjustMatch>, AdjustFinding[]]>([
    [
      'changes with their reasons, types as found',
      {
        changes: [
          { type: '新增', itemName: '燃气检查', reason: '监管实际', current: item(5, '燃气检查', '新增') },
          { type: '删除', itemName: '粮食检查', reason: '机构改革', previous: item(7, '粮食检查') },
        ],
        found: [
          { item: item(4, '食品检查'), type: '无变化' },
          { item: item(5, '燃气检查', '新增'), type: '新增' },
        ],
      },
      [],
    ],
    [
      'an added item without a reason',
      { changes: [{ type: '新增', itemName: '燃气检查', reason: '', current: item(5, '燃气检查') }] },
      [
        {
          code: 'adjust/no-reason',
          source: 'current',
          sheet: '2020年清单',
          row: 5,
          column: 10,
          field: 'adjustReason',
          received: '',
          params: { name: '燃气检查', type: '新增' },
        },
      ],
    ],
    [
      'a deletion whose 删除 row gives no reason',
      {
        changes: [
          {
            type: '删除',
            itemName: '粮食检查',
            reason: '',
            previous: item(7, '粮食检查'),
            current: item(12, '粮食检查', '删除'),
          },
        ],
      },
      [
        {
          code: 'adjust/no-reason',
          source: 'current',
          sheet: '2020年清单',
          row: 12,
          column: 10,
          field: 'adjustReason',
          received: '',
          params: { name: '粮食检查', type: '删除' },
        },
      ],
    ],
    [
      'a deletion with no 删除 row: on last year’s row, its name column',
      { changes: [{ type: '删除', itemName: '粮食检查', reason: '', previous: item(7, '粮食检查') }] },
      [
        {
          code: 'adjust/deleted-no-reason',
          source: 'previous',
          sheet: '2019年清单',
          row: 7,
          column: 2,
          field: 'itemName',
          received: '粮食检查',
          params: { name: '粮食检查' },
        },
      ],
    ],
    [
      'a 删除 row naming nothing of last year',
      { strayDeletions: [item(13, '无此事项', '删除')] },
      [
        {
          code: 'adjust/deleted-not-found',
          source: 'current',
          sheet: '2020年清单',
          row: 13,
          column: 9,
          field: 'adjustType',
          received: '删除',
          params: { name: '无此事项' },
        },
      ],
    ],
    [
      'a declared type the comparison contradicts (none declared, none found: quiet)',
      {
        found: [
          { item: item(6, '消防检查', '新增'), type: '修改' },
          { item: item(8, '价格检查'), type: '新增' },
          { item: item(9, '广告检查', '新增') },
        ],
      },
      [
        {
          code: 'adjust/type-differs',
          source: 'current',
          sheet: '2020年清单',
          row: 6,
          column: 9,
          field: 'adjustType',
          received: '新增',
          params: { declared: '新增', found: '修改' },
        },
      ],
    ],
    [
      'an uncertain pair, without an 调整原因 column in last year’s list',
      {
        uncertain: [
          { previous: { itemName: '燃气经营检查' }, current: item(5, '燃气经营企业检查'), score: 0.8 },
        ],
      },
      [
        {
          code: 'adjust/uncertain-match',
          source: 'current',
          sheet: '2020年清单',
          row: 5,
          column: 2,
          field: 'itemName',
          received: '燃气经营企业检查',
          params: { previous: '燃气经营检查', current: '燃气经营企业检查', score: 0.8 },
        },
      ],
    ],
    [
      'confirmation lines naming nothing, on either side',
      {
        unknown: [
          { side: 'previous', name: '甲', line: 2 },
          { side: 'current', name: '乙', line: 3 },
        ],
      },
      [
        {
          code: 'adjust/confirm-unknown-previous',
          source: 'confirm',
          sheet: '确认',
          row: 2,
          column: 1,
          received: '甲',
          params: { name: '甲', line: 2 },
        },
        {
          code: 'adjust/confirm-unknown-current',
          source: 'confirm',
          sheet: '确认',
          row: 3,
          column: 2,
          received: '乙',
          params: { name: '乙', line: 3 },
        },
      ],
    ],
  ])('%s', (_, over, findings) => {
    expect(adjustFindings(match(over))).toEqual(findings);
  });

  test('a column the list lacks falls back to the name column', () => {
    const [found] = adjustFindings(
      match({
        current: { sheet: '2020年清单', columns: new Map([['itemName', 3]]) },
        changes: [{ type: '修改', itemName: '燃气检查', reason: '', current: item(5, '燃气检查') }],
      }),
    );
    expect(found).toMatchObject({ code: 'adjust/no-reason', column: 3 });
  });
});
