import { GridView, type CellValue, type MergeRange } from './grid';
import type { FieldSpec } from './schema';
import { detectHeader, matchLabel } from './header';
import { checklistSchema } from '../schemas/checklist.schema';

const fields = checklistSchema.fields;
const combined = checklistSchema.combined ?? [];
const view = (values: CellValue[][], merges: MergeRange[] = []) =>
  new GridView({ name: 'S', values, merges });
const letters = (m: Map<string, number>) =>
  Object.fromEntries([...m].map(([k, c]) => [k, String.fromCharCode(64 + c)]));

describe('matchLabel', () => {
  test.each([
    ['检查事项名称', 'itemName'],
    ['抽查事项', 'itemName'],
    ['抽查事项名称', 'itemName'],
    ['任务名称', 'itemName'],
    ['检查 事项\n名称', 'itemName'],
    ['检查事项类别', 'category'],
    ['检查事项编码', 'itemCode'],
    ['设定依据', 'basis'],
    ['发起部门', 'agency'],
    ['统一社会信用代码', 'agencyCode'],
    ['抽查对象', 'object'],
    ['随机抽查方式', 'method'],
    ['是否纳入"双随机"', 'doubleRandom'],
    ['抽查 比例', 'ratio'],
    ['抽查比列', 'ratio'],
    ['抽查周期', 'frequency'],
    ['检查频次(次/年)', 'frequency'],
    ['是否属于市场监管领域', 'marketField'],
    ['一般检查事项/重点检查事项', 'category'],
    ['调整类型', 'adjustType'],
    ['调整原因', 'adjustReason'],
    ['备 注', 'remarks'],
    ['ＮＯ.序号', 'seq'],
  ])('%j → %s', (label, key) => expect(matchLabel(label, fields)?.key).toBe(key));

  test.each(['企业名称', '联系电话', '金额', ''])('%j matches nothing', (label) =>
    expect(matchLabel(label, fields)).toBeUndefined(),
  );

  test("a label asked again, or against another field set, gets that set's own answer", () => {
    const other: FieldSpec[] = [{ key: 'enterprise', synonyms: ['企业名称'] }];
    expect(matchLabel('企业名称', fields)).toBeUndefined();
    expect(matchLabel('企业名称', other)).toEqual({ key: 'enterprise', strength: 3, weak: false });
    expect(matchLabel('企业名称', fields)).toBeUndefined();
    expect(matchLabel('抽查比列', fields)).toEqual({ key: 'ratio', strength: 1, weak: false });
    expect(matchLabel('抽查比列', fields)).toEqual({ key: 'ratio', strength: 1, weak: false });
    expect(matchLabel('抽查比列', other)).toBeUndefined();
  });
});

describe('detectHeader', () => {
  test('header below a title and a 填报单位 line', () => {
    const v = view(
      [
        ['于都县某局2020年度行政检查事项清单', null, null, null],
        ['填报单位(盖章):于都县某局', null, null, null],
        ['序号', '检查事项', '检查依据', '抽查比例'],
        [1, '食品检查', '《食品安全法》', '5%'],
      ],
      [{ top: 1, left: 1, bottom: 1, right: 4 }],
    );
    const h = detectHeader(v, fields, combined)!;
    expect([h.firstRow, h.lastRow]).toEqual([3, 3]);
    expect(letters(h.columns)).toEqual({ seq: 'A', itemName: 'B', basis: 'C', ratio: 'D' });
  });

  test('two-row header with a merged group label over ratio and frequency', () => {
    const v = view(
      [
        ['标题', null, null, null, null],
        ['序号', '抽查事项', '抽查要求', null, '备注'],
        [null, null, '比例', '频次', null],
        [1, '食品检查', '5%', '每年1次', ''],
      ],
      [
        { top: 2, left: 3, bottom: 2, right: 4 },
        { top: 2, left: 1, bottom: 3, right: 1 },
        { top: 2, left: 2, bottom: 3, right: 2 },
        { top: 2, left: 5, bottom: 3, right: 5 },
      ],
    );
    const h = detectHeader(v, fields, combined)!;
    expect([h.firstRow, h.lastRow]).toEqual([2, 3]);
    expect(letters(h.columns)).toEqual({ seq: 'A', itemName: 'B', ratio: 'C', frequency: 'D', remarks: 'E' });
  });

  test.each(['抽查比例及频次', '抽检比例及频次', '抽查比例和频次', '比例/频次'])(
    'combined column %s maps to ratio and frequency',
    (label) => {
      const v = view([
        ['序号', '抽查事项', '抽查对象', label],
        [1, 'a', 'b', '5%,每年1次'],
      ]);
      const h = detectHeader(v, fields, combined)!;
      expect(h.columns.get('ratio')).toBe(4);
      expect(h.columns.get('frequency')).toBe(4);
      expect(h.combined.has(4)).toBe(true);
    },
  );

  test('unknown columns are kept and ignored', () => {
    const v = view([['序号', '检查事项', '牵头科室', '抽查比例', '自定义列']]);
    const h = detectHeader(v, fields, combined)!;
    expect(letters(h.columns)).toEqual({ seq: 'A', itemName: 'B', ratio: 'D' });
    expect(h.labels.get(3)).toBe('牵头科室');
  });
});

describe('group labels', () => {
  test("a 统一社会信用代码 under a 检查对象 group is the object's, not the agency's", () => {
    const v = view(
      [
        ['序号', '检查事项名称', '检查对象', null, '抽查比例'],
        [null, null, '对象名称', '统一社会信用代码', null],
      ],
      [
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 5, bottom: 2, right: 5 },
      ],
    );
    const h = detectHeader(v, fields, combined)!;
    expect(letters(h.columns)).toEqual({ seq: 'A', itemName: 'B', object: 'C', ratio: 'E' });
  });
});

describe('two-row headers without merge information', () => {
  test('sub-labels under an empty group cell make a two-row header (hosts that cannot read merges)', () => {
    const v = view([
      ['序号', '检查事项', '检查依据', '抽查要求', null, '备注'],
      [null, null, null, '抽查比例', '抽查频次', null],
      [1, '食品检查', '《食品安全法》', '5%', '每年1次', ''],
    ]);
    const h = detectHeader(v, fields, combined)!;
    expect([h.firstRow, h.lastRow]).toEqual([1, 2]);
    expect(letters(h.columns)).toEqual({
      seq: 'A',
      itemName: 'B',
      basis: 'C',
      ratio: 'D',
      frequency: 'E',
      remarks: 'F',
    });
  });

  test('a data row below a one-row header is not taken for sub-labels', () => {
    const v = view([
      ['序号', '检查事项', '检查依据', '抽查比例', '备注'],
      [1, '食品检查', '《食品安全法》', '5%', null],
    ]);
    expect(detectHeader(v, fields, combined)!.lastRow).toBe(1);
  });
});

test('a title naming the list is not the upper row of a two-row header', () => {
  const v = view([
    ['于都县市场监督管理局2019年度行政检查事项清单'],
    ['序号', '抽查事项', '抽查依据', '抽查比例'],
    [1, '食品检查', '《食品安全法》', '5%'],
  ]);
  const h = detectHeader(v, fields, combined)!;
  expect([h.firstRow, h.lastRow]).toEqual([2, 2]);
});

describe('reading real headers', () => {
  test('a title that says 双随机 never maps a column', () => {
    const v = view(
      [
        ['某县市场监管局2020年度双随机抽查计划', null, null, null],
        ['序号', '抽查事项', '检查时间', '抽查比例'],
        [1, '食品检查', '4-10月', '5%'],
      ],
      [{ top: 1, left: 1, bottom: 1, right: 4 }],
    );
    const h = detectHeader(v, fields, combined)!;
    expect(letters(h.columns)).toEqual({ seq: 'A', itemName: 'B', ratio: 'D' });
    expect(h.lastRow).toBe(2);
  });

  test.each([
    ['抽查项目 over 抽查类别 / 抽查事项', '抽查项目', ['抽查类别', '抽查事项'], 'C'],
    ['检查事项 over 检查类别 / 检查项目 / 具体内容', '检查事项', ['检查类别', '检查项目', '具体内容'], 'C'],
    ['检查对象 over 对象名称 / 统一社会信用代码', '检查对象', ['对象名称', '统一社会信用代码'], 'B'],
  ])('a group label over sub-columns maps the specific lower label: %s', (_, group, subs, letter) => {
    const width = subs.length;
    const v = view(
      [
        ['序号', group, ...Array(width - 1).fill(null), '抽查比例'],
        [null, ...subs, null],
        [1, ...subs.map((x) => `${x}值`), '5%'],
      ],
      [
        { top: 1, left: 2, bottom: 1, right: 1 + width },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2 + width, bottom: 2, right: 2 + width },
      ],
    );
    const h = detectHeader(v, fields, combined)!;
    const key = group === '检查对象' ? 'object' : 'itemName';
    expect(letters(h.columns)[key]).toBe(letter);
    expect(h.columns.get('agencyCode')).toBeUndefined();
  });

  test.each([
    [['任务名称', '抽查事项'], 'B'],
    [['抽查事项', '任务名称'], 'A'],
    [['抽查内容', '随机抽查事项名称'], 'B'],
    [['检查项目', '检查内容'], 'A'], // neither names an 事项: the first weak name
    [['联合监管事项', '抽查检查事项'], 'B'],
  ])('item name priority %j → %s', (labels, letter) => {
    const v = view([[...labels, '抽查比例', '检查依据']]);
    expect(letters(detectHeader(v, fields, combined)!.columns).itemName).toBe(letter);
  });

  test.each([
    ['抽查对象比例', 'ratio'],
    ['本部门', 'agency'],
    ['实施部门', 'agency'],
    ['承办机构', 'agency'],
    ['具体实施检查的\n处室、单位', 'agency'],
    ['年度检查频次', 'frequency'],
    ['检查频次(上限)', 'frequency'],
  ])('synonym %j → %s', (label, key) => expect(matchLabel(label, fields)?.key).toBe(key));

  test.each([
    '配合部门',
    '联合检查单位',
    '抽查计划编号',
    '实施层级及说明',
    '双随机抽查时间',
    '抽查基数(户)和比例',
  ])('%j maps no field', (label) => expect(matchLabel(label, fields)).toBeUndefined());

  test('a weak agency name yields to a real one', () => {
    const v = view([['抽查事项', '抽查主体', '承办处室(单位)', '抽查比例']]);
    expect(letters(detectHeader(v, fields, combined)!.columns).agency).toBe('B');
  });
});
