// Synthetic 检查实施清单 sheets for the WPS adapter tests: a merged title, a unit line, a 15-column header, Chinese
// text, percent ratios, about 15% bad rows; optionally a 检查主体 column merged down over groups of five rows.
import type { CellMark } from '../../../src/core/workbook-port';
import type { FakeSheetInit } from './fake-et';

export const HEADER = [
  '序号',
  '事项编码',
  '检查事项名称',
  '检查依据',
  '检查主体',
  '统一社会信用代码',
  '检查对象',
  '检查方式',
  '是否纳入双随机',
  '检查比例',
  '检查频次',
  '是否属于市场监管领域',
  '事项类别',
  '调整类型',
  '备注',
];

const ITEMS = [
  '食品生产企业监督检查',
  '特种设备使用单位监督检查',
  '药品经营企业检查',
  '建筑施工安全检查',
  '危险化学品经营单位检查',
  '公共场所卫生监督检查',
];
const BASIS = [
  '《中华人民共和国食品安全法》第一百一十条',
  '《中华人民共和国特种设备安全法》第五十七条',
  '《药品管理法》第九十九条',
];
const OBJECTS = ['辖区内食品生产企业', '特种设备使用单位', '药品零售企业', '在建工程项目'];
const GOOD_FREQ = ['每年1次', '1次/年', '每季度一次'];
const BAD_FREQ = ['每周一次', '随便', '每日'];
const BAD_RATIO = ['150%', 'abc', '根据实际情况确定'];

/** A deterministic random source (LCG), so every run reads the same sheet. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Options of a generated list. */
export interface ListOptions {
  seed?: number;
  /** 检查主体 (column E) merged down over groups of five rows. */
  groupMerges?: boolean;
  /** `column`: the whole ratio column is formatted 0% (as clerks format a column); `cells`: only number cells. */
  formats?: 'column' | 'cells';
}

/** A checklist of `rows` data rows × 15 columns, data from row 4 (title, unit line and header above). */
export function checklistSheet(name: string, rows: number, options: ListOptions = {}): FakeSheetInit {
  const rand = seeded(options.seed ?? 7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const values: Array<Array<string | number | null>> = [
    ['于都县测试局2026年度行政检查事项清单'],
    ['填报单位(盖章):于都县测试局'],
    HEADER,
  ];
  const formats: Record<string, string> = {};
  const merges = ['A1:O1'];
  for (let i = 1; i <= rows; i++) {
    const bad = rand() < 0.15;
    const ratio = bad && rand() < 0.5 ? pick(BAD_RATIO) : rand() < 0.5 ? 0.05 : '不低于5%';
    const groupStart = (i - 1) % 5 === 0;
    const row = i + 3;
    values.push([
      i,
      `3607310${String(i).padStart(6, '0')}`,
      `${pick(ITEMS)}${i}`,
      bad && rand() < 0.3 ? '' : pick(BASIS),
      groupStart || !options.groupMerges ? '于都县测试局' : null,
      groupStart || !options.groupMerges ? '11360731MB1234567X' : null,
      pick(OBJECTS),
      '双随机抽查',
      '是',
      ratio,
      bad && rand() < 0.5 ? pick(BAD_FREQ) : pick(GOOD_FREQ),
      rand() < 0.5 ? '是' : '否',
      bad && rand() < 0.3 ? '' : '一般检查事项',
      '无变化',
      '',
    ]);
    if ((options.formats ?? 'column') === 'cells' && typeof ratio === 'number') formats[`J${row}`] = '0%';
    if (options.groupMerges && i % 5 === 0) {
      merges.push(`E${row - 4}:E${row}`);
      merges.push(`F${row - 4}:F${row}`);
    }
  }
  if ((options.formats ?? 'column') === 'column') formats[`J4:J${rows + 3}`] = '0%';
  return { name, values, formats, merges };
}

/** `count` marks spread over a sheet's data rows and columns, every severity, each with a note. */
export function scatteredMarks(sheet: string, rows: number, count: number, seed = 11): CellMark[] {
  const rand = seeded(seed);
  const seen = new Set<string>();
  const out: CellMark[] = [];
  const severities = ['error', 'warning', 'info'] as const;
  while (out.length < count) {
    const row = 4 + Math.floor(rand() * rows);
    const column = 1 + Math.floor(rand() * 15);
    const k = `${row}:${column}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({
      sheet,
      row,
      column,
      severity: severities[out.length % 3]!,
      note: `[错误] 第 ${row} 行第 ${column} 列:应为有效值`,
    });
  }
  return out;
}
