// Generates large synthetic checklists (Chinese text, merged group cells, ~5% bad cells) for the benchmark.
import ExcelJS from 'exceljs';

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
/** 检查依据 the generated lists cite. */
export const BASIS = [
  '《中华人民共和国食品安全法》第一百一十条',
  '《中华人民共和国特种设备安全法》第五十七条',
  '《药品管理法》第九十九条',
  '《建设工程安全生产管理条例》第四十三条',
];
/** 检查对象 of the generated lists. */
export const OBJECTS = [
  '辖区内食品生产企业',
  '特种设备使用单位',
  '药品零售企业',
  '在建工程项目',
  '危险化学品经营企业',
];
const GOOD_RATIO = ['5%', '不低于5%', '10%-20%', '≥3%', 0.05];
const BAD_RATIO = ['150%', 'abc', '60-70家', '根据实际情况确定', '0%'];
const GOOD_FREQ = ['每年1次', '1次/年', '每季度一次', '=1', '>=1', '不少于1次/年'];
const BAD_FREQ = ['每周一次', '随便', '每日'];

/** The header of the generated checklists: 12 columns. */
export const CHECKLIST_HEADER = [
  '序号',
  '检查事项名称',
  '检查依据',
  '检查主体',
  '检查对象',
  '检查方式',
  '是否纳入双随机',
  '检查比例',
  '检查频次',
  '是否属于市场监管领域',
  '事项类别',
  '备注',
] as const;

/** Builds an .xlsx checklist of `rows` data rows × 12 columns; about 5% of cells are bad. */
export async function generateChecklist(rows: number, seed = 1): Promise<Uint8Array> {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查实施清单');
  ws.addRow(['于都县测试局2020年度行政检查事项清单']);
  ws.mergeCells(1, 1, 1, 12);
  ws.addRow(['填报单位(盖章):于都县测试局']);
  ws.addRow([...CHECKLIST_HEADER]);
  let groupStart = 4;
  for (let i = 1; i <= rows; i++) {
    const bad = rand() < (0.05 * 12) / 4; // four checked columns carry the bad cells
    const ratio = bad && rand() < 0.5 ? pick(BAD_RATIO) : pick(GOOD_RATIO);
    const freq = bad && rand() < 0.5 ? pick(BAD_FREQ) : pick(GOOD_FREQ);
    const r = ws.addRow([
      i,
      `${pick(ITEMS)}${i}`,
      bad && rand() < 0.3 ? '' : pick(BASIS),
      (i - 1) % 5 === 0 ? '于都县测试局' : null,
      pick(OBJECTS),
      '双随机抽查',
      '是',
      ratio,
      freq,
      rand() < 0.5 ? '是' : '否',
      bad && rand() < 0.3 ? '' : '一般检查事项',
      '',
    ]);
    if (typeof ratio === 'number') r.getCell(8).numFmt = '0%';
    // 检查主体 is merged down over groups of five rows, as clerks do.
    if (i % 5 === 0) {
      ws.mergeCells(groupStart, 4, r.number, 4);
      groupStart = r.number + 1;
    }
  }
  ws.addRow(['填报人:张三', '', '联系电话:0797-6222222', '', '审核人:李四']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
