import { GridView, type CellValue, type MergeRange } from './grid';
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
