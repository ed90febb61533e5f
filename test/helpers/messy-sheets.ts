import type { CellValue, Grid, MergeRange } from '../../src/core/grid';

// Seeded sheets with many kinds of bad and odd cells, for tests that pin the full list of issues validation finds:
// every row kind a list holds (sections, notes, totals, repeated headers, signature lines), merged groups and
// merged names, "same as above" blanks, combined ratio-and-frequency cells, numbers with and without % formats,
// dates, booleans, formula errors, full-width and invisible spaces, duplicates and sequence gaps.

type Pool = readonly CellValue[];

/** A deterministic random source (the same sheets on every run and machine). */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return {
    next,
    pick: <T>(pool: readonly T[]): T => pool[Math.floor(next() * pool.length)] as T,
  };
}

const ITEMS = ['食品生产企业监督检查', '特种设备使用单位监督检查', '药品经营企业检查', '建筑施工安全检查'];
const NAMES: Pool = [
  ...ITEMS,
  '',
  '   ',
  '食品生产企业监督检查 ',
  'ＡＢＣ检查',
  '检查\u00a0事项',
  12345,
  { error: '#N/A' },
];
const BASIS: Pool = [
  '《中华人民共和国食品安全法》第一百一十条',
  '《药品管理法》第九十九条',
  '',
  '无',
  '《药品管理法》',
  '依据有关规定',
  '《中华人民共和国特种设备安全法》第五十七条\n《特种设备安全监察条例》',
];
const AGENCIES: Pool = ['于都县测试局', '于都县市场监督管理局', '', '测试局 ', '于都县应急管理局'];
const CODES: Pool = [
  '91360731MA31259050',
  '91360731MA31259050',
  '91360731MA31259051',
  '91360731ma31259050',
  '91360731MA31270110',
  '',
  '12345',
];
const OBJECTS: Pool = ['辖区内食品生产企业', '特种设备使用单位', '药品零售企业', '', '在建工程项目'];
const METHODS: Pool = [
  '双随机抽查',
  '双随机抽查',
  '现场检查',
  '书面检查',
  '',
  '双随机',
  '随机抽查',
  '重点检查',
  '飞行检查、双随机抽查',
  '其他',
];
const FLAGS: Pool = ['是', '是', '否', '', '是否', 'Y', true, '√'];
const RATIOS: Pool = [
  '5%',
  '不低于5%',
  '10%-20%',
  '≥3%',
  0.05,
  0.3,
  5,
  '５％',
  '150%',
  'abc',
  '60-70家',
  '根据实际情况确定',
  '0%',
  '',
  '25%,不少于1次/年',
  '百分之五',
  '不少于3家',
  '100%',
  new Date(Date.UTC(2020, 4, 5)),
  { error: '#DIV/0!' },
];
const FREQUENCIES: Pool = [
  '每年1次',
  '1次/年',
  '每季度一次',
  '=1',
  '>=1',
  '不少于1次/年',
  '每周一次',
  '随便',
  '每日',
  '',
  '1次/年 5%',
  '每年两次',
  1,
  '2020年',
];
const COMBINED: Pool = [
  '5%,每年1次',
  '10%',
  '每年一次',
  '',
  '抽查比例5%，频次1次/年',
  'abc',
  '不低于3%，每年不少于1次',
  '100%,抽查1次',
  '150%,每年1次',
  0.05,
];
const YES_NO: Pool = ['是', '否', '', '是', '否', '不是', 1];
const CATEGORIES: Pool = ['一般检查事项', '重点检查事项', '', '一般', '重点', '其他'];
const ADJUST_TYPES: Pool = ['无变化', '无变化', '新增', '删除', '修改', '', '调整'];
const REASONS: Pool = ['', '', '机构改革', '法律修订'];
const REMARKS: Pool = ['', '', '备注文字', 7, false, new Date(Date.UTC(2021, 0, 31))];

/** Rows that are not items, in every form lists write them. */
const NOT_ITEMS: ReadonlyArray<readonly CellValue[]> = [
  ['一、行政许可类'],
  ['(二)日常监管类'],
  ['合计', null, null, 120],
  ['  总 计  '],
  ['备注:本表由各单位填报'],
  ['注：比例按年度计算', '', ''],
  [],
  [null, '', '   '],
];

/** The columns of a checklist, each with its label and the pool its cells are drawn from. */
interface Column {
  label: string;
  pool: Pool;
  /** A number format for numbers drawn below 1 (a share typed as 0.05 with a % format). */
  percent?: boolean;
}

interface Layout {
  name: string;
  columns: Column[];
  /** Columns (0-based) merged down over groups of rows, and the group size. */
  groupColumn?: number;
  /** Title rows above the header (the first merged across). */
  titles: number;
  /** Trailing rows: notes and signature lines. */
  trailer: ReadonlyArray<readonly CellValue[]>;
}

const CHECKLIST_COLUMNS: Column[] = [
  { label: '序号', pool: [] },
  { label: '事项编码', pool: ['330217001000', '', 'A-1'] },
  { label: '检查事项名称', pool: NAMES },
  { label: '检查依据', pool: BASIS },
  { label: '检查主体', pool: AGENCIES },
  { label: '统一社会信用代码', pool: CODES },
  { label: '检查对象', pool: OBJECTS },
  { label: '检查方式', pool: METHODS },
  { label: '是否纳入双随机', pool: FLAGS },
  { label: '检查比例', pool: RATIOS, percent: true },
  { label: '检查频次', pool: FREQUENCIES },
  { label: '是否属于市场监管领域', pool: YES_NO },
  { label: '事项类别', pool: CATEGORIES },
  { label: '调整类型', pool: ADJUST_TYPES },
  { label: '调整原因', pool: REASONS },
  { label: '备注', pool: REMARKS },
];

const SIGNATURE: ReadonlyArray<readonly CellValue[]> = [
  ['填报人:张三', '', '联系电话:0797-6222222', '', '审核人:李四'],
  ['1.比例为年度比例'],
  ['2.频次为最低频次'],
];

/** The layouts the sheets are written in. */
export const LAYOUTS: readonly Layout[] = [
  { name: '检查实施清单', columns: CHECKLIST_COLUMNS, groupColumn: 4, titles: 2, trailer: SIGNATURE },
  {
    name: '抽查比例及频次',
    columns: [
      ...CHECKLIST_COLUMNS.slice(0, 8),
      { label: '抽查比例及频次', pool: COMBINED, percent: true },
      ...CHECKLIST_COLUMNS.slice(11, 13),
    ],
    groupColumn: 4,
    titles: 1,
    trailer: SIGNATURE.slice(0, 1),
  },
  {
    // A plan with few columns: 检查依据 and 检查对象 are missing, 是否纳入双随机 holds months (no flag at all).
    name: '抽查工作计划',
    columns: [
      { label: '序号', pool: [] },
      { label: '抽查事项', pool: NAMES },
      { label: '实施主体', pool: AGENCIES },
      { label: '抽查方式', pool: METHODS },
      { label: '是否纳入双随机', pool: ['4-10月', '3月', '2020年5月', '全年'] },
      { label: '抽查比例', pool: RATIOS, percent: true },
      { label: '抽查频次', pool: FREQUENCIES },
    ],
    titles: 1,
    trailer: [],
  },
  {
    name: '企业申报表',
    columns: [
      { label: '序号', pool: [] },
      { label: '单位', pool: AGENCIES },
      { label: '企业名称', pool: ['于都县甲公司', '于都县乙公司', '', '于都县丙公司', '于都县甲公司 '] },
      { label: '统一社会信用代码', pool: CODES },
      { label: '法定代表人', pool: ['张三', '', '李四'] },
      { label: '地址', pool: ['于都县贡江镇', ''] },
      { label: '所属行业', pool: ['制造业', '', '批发和零售业'] },
      { label: '联系人', pool: ['王五', ''] },
      { label: '联系电话', pool: ['15070167658', 15079732716, '0797-6222222', '123', '', '1507016765'] },
      { label: '企业规模', pool: ['大型', '中型', '小型', '微型', '', '超大型'] },
      { label: '是否为民营企业', pool: YES_NO },
      { label: '备注', pool: REMARKS },
    ],
    groupColumn: 1,
    titles: 1,
    trailer: SIGNATURE.slice(0, 1),
  },
  {
    name: '动态调整情况表',
    columns: [
      { label: '序号', pool: [] },
      { label: '检查事项名称', pool: NAMES },
      { label: '调整类型', pool: ADJUST_TYPES },
      { label: '调整内容', pool: ['比例调整', '', '频次调整'] },
      { label: '调整前检查比例', pool: RATIOS, percent: true },
      { label: '调整后检查比例', pool: RATIOS, percent: true },
      { label: '调整前检查频次', pool: FREQUENCIES },
      { label: '调整后检查频次', pool: FREQUENCIES },
      { label: '调整原因', pool: REASONS },
      { label: '备注', pool: REMARKS },
    ],
    titles: 1,
    trailer: [],
  },
];

/** A 序号 as lists write them: mostly in order, sometimes skipped, repeated, as text, or not a number at all. */
const seqCell = (n: number, rand: ReturnType<typeof random>): CellValue => {
  const x = rand.next();
  if (x < 0.03) return n + 1;
  if (x < 0.05) return n - 1;
  if (x < 0.07) return String(n).padStart(3, '0');
  if (x < 0.08) return `(${n})`;
  if (x < 0.09) return 'a';
  if (x < 0.1) return n + 0.5;
  if (x < 0.11) return '';
  return n;
};

/**
 * A sheet of `rows` items in a layout, with names repeated (duplicates), merged groups, merged names over two rows,
 * rows that are not items between them, and cells drawn from pools of good and bad spellings.
 */
export function messySheet(layout: Layout, rows: number, seed: number): Grid {
  const rand = random(seed);
  const width = layout.columns.length;
  const values: CellValue[][] = [];
  const numberFormats: Array<Array<string | undefined>> = [];
  const merges: MergeRange[] = [];
  const add = (cells: readonly CellValue[], formats: Array<string | undefined> = []) => {
    values.push([...cells]);
    numberFormats.push(formats);
    return values.length; // the 1-based sheet row just written
  };
  const title = add(['于都县测试局2020年度行政检查事项清单']);
  merges.push({ top: title, left: 1, bottom: title, right: width });
  if (layout.titles > 1) add(['填报单位(盖章):于都县测试局']);
  add(layout.columns.map((c) => c.label));
  // The group column merged down over runs of rows, its value written in the first.
  let groupStart: number | undefined;
  const closeGroup = (last: number) => {
    // Most groups are merged; the others leave blanks that mean "same as above".
    if (
      layout.groupColumn !== undefined &&
      groupStart !== undefined &&
      last > groupStart &&
      rand.next() < 0.7
    ) {
      const column = layout.groupColumn + 1;
      merges.push({ top: groupStart, left: column, bottom: last, right: column });
    }
    groupStart = undefined;
  };
  let n = 0;
  for (let i = 1; i <= rows; i++) {
    // About one row in 25 is not an item.
    if (rand.next() < 0.04) {
      closeGroup(values.length);
      const r = add(rand.pick(NOT_ITEMS));
      if (rand.next() < 0.3) merges.push({ top: r, left: 1, bottom: r, right: Math.min(width, 5) });
      continue;
    }
    if (rand.next() < 0.005) {
      closeGroup(values.length);
      add(layout.columns.map((c) => c.label));
      continue;
    }
    n++;
    const formats: Array<string | undefined> = [];
    const cells = layout.columns.map((column, j) => {
      if (j === 0) return seqCell(n, rand);
      const v = rand.pick(column.pool);
      if (column.percent && typeof v === 'number' && v < 1 && rand.next() < 0.8) formats[j] = '0%';
      if (v instanceof Date) formats[j] = 'yyyy-mm-dd';
      // Names repeat often enough for duplicates; most carry a number of their own.
      if (column.pool === NAMES && typeof v === 'string' && v.trim() !== '' && rand.next() < 0.7)
        return `${v}${Math.floor(rand.next() * rows)}`;
      return v;
    });
    const g = layout.groupColumn;
    if (g !== undefined) {
      if (groupStart !== undefined && (rand.next() < 0.25 || values.length + 1 - groupStart >= 6))
        closeGroup(values.length);
      if (groupStart === undefined) groupStart = values.length + 1;
      // Below the group's first row: mostly blank (merged, or "same as above"), sometimes written again.
      else if (rand.next() < 0.9) cells[g] = rand.next() < 0.7 ? null : '';
    }
    const r = add(cells, formats);
    // A name (and often its 序号) merged down over the next row: the row below is the same item.
    if (rand.next() < 0.02 && i < rows) {
      closeGroup(r);
      const below = add(layout.columns.map((c, j) => (j === 0 || j === 2 ? null : rand.pick(c.pool))));
      merges.push({ top: r, left: 3, bottom: below, right: 3 });
      if (rand.next() < 0.5) merges.push({ top: r, left: 1, bottom: below, right: 1 });
    }
  }
  closeGroup(values.length);
  for (const line of layout.trailer) add(line);
  return { name: layout.name, values, numberFormats, merges };
}
