// Generates last year's and this year's inspection lists for the adjust benchmark: `rows` items each, of which
// `renamed` are renamed the ways lists rename items (a word added, a word dropped, a word replaced).
import { itemAt } from '../src/core/item-at';
import type { CellValue, Grid } from '../src/core/grid';
import { BASIS, CHECKLIST_HEADER, OBJECTS } from './generate-checklist';

const CHARS = [
  ...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海江湖风雨雷电春夏秋冬东南西北林森石田禾竹',
];
const TRADES = ['经营单位', '生产企业', '使用单位', '服务机构', '零售企业', '施工单位'];
// The first nine columns of the benchmark's checklists: 序号 … 检查频次.
const HEADER = CHECKLIST_HEADER.slice(0, 9);

/** A distinct item name for each index (three characters from a pool of 60 and a trade: 216,000 × 6 names). */
function itemName(i: number): string {
  const n = CHARS.length;
  const a = CHARS[i % n];
  const b = CHARS[Math.floor(i / n) % n];
  const c = CHARS[Math.floor(i / (n * n)) % n];
  return `对${a}${b}${c}类${TRADES[Math.floor(i / (n * n * n)) % TRADES.length]}的监督检查`;
}

/** The ways lists rename an item, in turn. */
function rename(name: string, k: number): string {
  switch (k % 3) {
    case 0:
      return `关于${name.replace('的', '')}工作`;
    case 1:
      return name.replace('监督检查', '检查');
    default:
      return name.replace('的监督检查', '执法检查事项');
  }
}

function grid(name: string, title: string, names: readonly string[]): Grid {
  const values: CellValue[][] = [[title], [...HEADER]];
  names.forEach((item, i) =>
    values.push([
      i + 1,
      item,
      itemAt(BASIS, i % BASIS.length),
      '于都县测试局',
      itemAt(OBJECTS, i % OBJECTS.length),
      '双随机抽查',
      '是',
      '5%',
      '每年1次',
    ]),
  );
  return { name, values, merges: [{ top: 1, left: 1, bottom: 1, right: HEADER.length }] };
}

/** Last year's and this year's lists as grids: every other item renamed until `renamed` are. */
export function adjustGrids(rows: number, renamed: number): [Grid, Grid] {
  const previous = Array.from({ length: rows }, (_, i) => itemName(i));
  const step = Math.max(1, Math.floor(rows / Math.max(1, renamed)));
  let left = renamed;
  const current = previous.map((n, i) => (i % step === 0 && left-- > 0 ? rename(n, i / step) : n));
  return [
    grid('检查实施清单', '于都县测试局2019年度行政检查事项清单', previous),
    grid('检查实施清单', '于都县测试局2020年度行政检查事项清单', current),
  ];
}
