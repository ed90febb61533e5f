// Synthetic 检查实施清单 sheets for the Excel adapter tests: Chinese text, a merged title, a 检查主体 column merged
// down over groups of five rows (as clerks do), percent-formatted ratios, and about 5% bad cells.
import type { CellMark } from '../../../src/core/workbook-port';
import type { FakeSheetInit } from './fake-excel';

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
  '医疗机构依法执业检查',
  '公共场所卫生监督检查',
  '农药经营单位检查',
];
const BASIS = [
  '《中华人民共和国食品安全法》第一百一十条',
  '《中华人民共和国特种设备安全法》第五十七条',
  '《药品管理法》第九十九条',
  '《建设工程安全生产管理条例》第四十三条',
];
const OBJECTS = [
  '辖区内食品生产企业',
  '特种设备使用单位',
  '药品零售企业',
  '在建工程项目',
  '危险化学品经营企业',
];
const GOOD_FREQ = ['每年1次', '1次/年', '每季度一次', '不少于1次/年'];
const BAD_FREQ = ['每周一次', '随便', '每日'];
const BAD_RATIO = ['150%', 'abc', '60-70家', '根据实际情况确定'];

/** A deterministic random source (LCG), so every run reads the same sheet. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** A checklist sheet of `rows` data rows × 15 columns starting at row 4 (title, unit line, header above). */
export function checklistSheet(name: string, rows: number, seed = 7, groupMerges = true): FakeSheetInit {
  const rand = seeded(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const values: Array<Array<string | number | null>> = [
    ['于都县测试局2026年度行政检查事项清单'],
    ['填报单位(盖章):于都县测试局'],
    HEADER,
  ];
  const formats: Array<Array<string | null>> = [[], [], []];
  const merges = ['A1:O1'];
  for (let i = 1; i <= rows; i++) {
    const bad = rand() < 0.15;
    const pct = rand() < 0.5;
    const ratio = bad && rand() < 0.5 ? pick(BAD_RATIO) : pct ? 0.05 : '不低于5%';
    const groupStart = (i - 1) % 5 === 0;
    values.push([
      i,
      `3607310${String(i).padStart(6, '0')}`,
      `${pick(ITEMS)}${i}`,
      bad && rand() < 0.3 ? '' : pick(BASIS),
      groupStart || !groupMerges ? '于都县测试局' : null,
      groupStart || !groupMerges ? '11360731MB1234567X' : null,
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
    formats.push(
      typeof ratio === 'number' ? [null, null, null, null, null, null, null, null, null, '0%'] : [],
    );
    if (groupMerges && i % 5 === 0) merges.push(`E${i - 4 + 3}:E${i + 3}`);
  }
  return { name, values, formats, merges };
}

/** `count` distinct cells spread over the data rows (1-based rows 4..rows+3, columns 1..15), notes of real length. */
export function scatteredMarks(sheet: string, rows: number, count: number, seed = 11): CellMark[] {
  const rand = seeded(seed);
  const seen = new Set<string>();
  const marks: CellMark[] = [];
  const severities = ['error', 'warning', 'info'] as const;
  while (marks.length < count) {
    const row = 4 + Math.floor(rand() * rows);
    // Column E is merged in groups (a mark there goes to the group's first row), so it is left out here.
    let column = 1 + Math.floor(rand() * 15);
    if (column === 5) column = 4;
    const key = `${row}:${column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const severity = severities[Math.floor(rand() * 3)]!;
    marks.push({
      sheet,
      row,
      column,
      severity,
      note: `[错误] 检查比例"150%"超出 0%–100% 的范围;应填写如"5%"或"不低于3%"(第${row}行)`,
    });
  }
  return marks;
}
