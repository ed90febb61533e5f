import type { CellValue, Grid, MergeRange } from '../../src/core/grid';
import type { Issue } from '../../src/core/issue';
import { checkGrids } from '../../src/features/check-workbook';
import { CHECKLIST_HEADER } from '../../scripts/generate-checklist';

// Validation reads each distinct cell content once per field and reuses the outcome on every row that repeats it.
// These sheets prove that a repeated spelling gives exactly the issues a spelling seen for the first time gives:
// the same sheet is validated as written (a few spellings, repeated thousands of times) and with every text cell
// padded by spaces in a way of its own (every raw value distinct, the texts a person reads unchanged).

const SPELLINGS: Record<string, readonly CellValue[]> = {
  basis: ['《中华人民共和国食品安全法》第一百一十条', '', '无', '《药品管理法》'],
  agency: ['于都县测试局', '于都县市场监督管理局', ''],
  object: ['辖区内食品生产企业', '药品零售企业', ''],
  method: ['双随机抽查', '现场检查', '', '双随机'],
  flag: ['是', '否', '', '是否'],
  ratio: ['5%', '不低于5%', 0.05, '150%', 'abc', '', '5%,每年1次', '60-70家'],
  frequency: ['每年1次', '1次/年', '', '每周一次', '随便', '每年1次 5%'],
  combined: ['5%,每年1次', '10%', '每年一次', '', '抽查比例5%，频次1次/年', 'abc'],
  category: ['一般检查事项', '重点检查事项', '', '其他'],
};

/** A checklist of `rows` items in one of two layouts, with 检查主体 merged over groups of five rows. */
function sheet(rows: number, combined: boolean, pad: boolean): Grid {
  let state = combined ? 11 : 7;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (field: string) => SPELLINGS[field]![Math.floor(rand() * SPELLINGS[field]!.length)]!;
  let distinct = 0;
  // Leading and trailing spaces a person does not read, a different pair for every cell.
  const padded = (v: CellValue): CellValue => {
    if (!pad || typeof v !== 'string' || v === '') return v;
    distinct++;
    return `${' '.repeat(distinct % 97)}${v}${' '.repeat(Math.floor(distinct / 97) % 97)}`;
  };
  // The benchmark's columns up to 检查频次, or with one 抽查比例及频次 column instead of the last three.
  const head = combined
    ? [...CHECKLIST_HEADER.slice(0, 6), '抽查比例及频次', '事项类别']
    : [...CHECKLIST_HEADER.slice(0, 9), '事项类别'];
  const values: CellValue[][] = [['于都县测试局行政检查事项清单'], head];
  const numberFormats: (string | undefined)[][] = [[], []];
  const merges: MergeRange[] = [{ top: 1, left: 1, bottom: 1, right: head.length }];
  for (let i = 1; i <= rows; i++) {
    const cells: CellValue[] = [
      rand() < 0.02 ? i + 1 : i,
      `${['食品生产企业监督检查', '药品经营企业检查'][i % 2]!}${Math.floor(rand() * rows)}`,
      pick('basis'),
      (i - 1) % 5 === 0 ? pick('agency') : null,
      pick('object'),
      pick('method'),
      ...(combined ? [pick('combined')] : [pick('flag'), pick('ratio'), pick('frequency')]),
      pick('category'),
    ];
    values.push(cells.map(padded));
    numberFormats.push(cells.map((v) => (typeof v === 'number' && v < 1 ? '0%' : undefined)));
    if (i % 5 === 0) merges.push({ top: i + 2 - 4, left: 4, bottom: i + 2, right: 4 });
  }
  return { name: '检查实施清单', values, numberFormats, merges };
}

const issuesOf = (grid: Grid): Issue[] => checkGrids([grid])[0]!.issues;

describe.each([
  ['separate ratio and frequency columns', false],
  ['a combined 抽查比例及频次 column', true],
])('validation of a 6,000-row sheet with %s', (_, combined) => {
  // More distinct contents per field than validation remembers (5,000): remembered and not remembered alike.
  const rows = 6000;
  const repeated = issuesOf(sheet(rows, combined, false));
  const distinct = issuesOf(sheet(rows, combined, true));

  test('finds issues of every kind the sheet holds', () => {
    const codes = new Set(repeated.map((i) => i.code));
    for (const code of ['required/missing', 'ratio/invalid', 'unique/duplicate', 'seq/not-sequential'])
      expect(codes).toContain(code);
    // A combined cell that gives one part only; a frequency column of its own with words that are no frequency.
    expect(codes).toContain(combined ? 'frequency/absent' : 'frequency/invalid');
    expect(repeated.length).toBeGreaterThan(rows / 2);
  });

  test('a repeated spelling gives the same issues as a spelling seen for the first time', () => {
    expect(distinct).toEqual(repeated);
  });
});
