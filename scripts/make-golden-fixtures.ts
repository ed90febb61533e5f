// Writes the golden input workbooks under test/fixtures/golden (run: npx tsx scripts/make-golden-fixtures.ts).
// Their expected JSON sits beside them and is reviewed by hand.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const OUT = path.join(__dirname, '..', 'test', 'fixtures', 'golden');

async function plan() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2020年抽查计划');
  ws.addRow(['于都县农业农村局2020年度“双随机、一公开”抽查工作计划']);
  ws.mergeCells('A1:H1');
  ws.addRow(['填报单位（盖章）：于都县农业农村局', '', '', '', '', '', '填报日期：2020.03.26']);
  ws.addRow([
    '序号',
    '抽查任务\n名称',
    '抽查 对象',
    '抽查比列',
    '抽查\r\n频次',
    '发起部门',
    '抽查时间',
    '牵头科室',
  ]);
  ws.addRow(['一、农业投入品类']);
  ws.mergeCells('A4:H4');
  ws.addRow([
    '1',
    '农药经营单位抽查',
    '农药经营门店',
    '10%(20户)',
    '每年两次',
    '于都县农业农村局',
    '2020年5月',
    '执法大队',
  ]);
  ws.addRow(['2', '兽药经营企业抽查', '兽药经营企业', '１５％', '一年一次', '', '2020年6月', '执法大队']);
  ws.addRow(['3', '种子经营者抽查', '种子经营门店', '2-5', '每半年一次', '', '2020年9月', '种子站']);
  ws.addRow(['二、农产品质量安全类']);
  ws.mergeCells('A8:H8');
  ws.addRow([
    '4',
    '农产品生产主体检查',
    '农产品生产企业、合作社',
    '1户',
    '不定期',
    '',
    '2020年全年',
    '质安站',
  ]);
  ws.addRow(['5', '生鲜乳收购站检查', '生鲜乳收购站', '-5%', '每日', '', '2020年7月', '畜牧站']);
  ws.addRow(['注：抽查比例为年度比例。']);
  writeFileSync(path.join(OUT, '农业农村局-抽查工作计划.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function twoRowHeader() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单');
  ws.addRow(['于都县卫生健康委员会行政检查事项清单']);
  ws.mergeCells('A1:J1');
  ws.addRow([
    '序号',
    '检查事项',
    '',
    '检查依据',
    '实施主体',
    '抽查对象',
    '随机抽查方式',
    '抽检比例及频次',
    '是否纳入“双随机”',
    '备注',
  ]);
  ws.addRow(['', '事项编码', '事项名称', '', '', '', '', '', '', '']);
  ws.mergeCells('B2:C2');
  for (const c of 'ADEFGHIJ') ws.mergeCells(`${c}2:${c}3`);
  ws.addRow([
    1,
    'WJ-001',
    '医疗机构依法执业检查',
    '《医疗机构管理条例》第四十条',
    '于都县卫生健康委员会',
    '医疗机构',
    '双随机抽查',
    '20%,1次/年',
    '是',
    '',
  ]);
  ws.addRow([
    2,
    'WJ-002',
    '公共场所卫生监督检查',
    '《公共场所卫生管理条例》第十一条',
    '',
    '公共场所经营单位',
    '双随机抽查',
    '3%;2次/年',
    '是',
    '',
  ]);
  ws.addRow([
    3,
    'WJ-003',
    '生活饮用水卫生监督检查',
    '生活饮用水卫生监督管理办法',
    '',
    '集中式供水单位',
    '双随机抽查',
    '100%',
    '是',
    '',
  ]);
  ws.addRow([4, 'WJ-004', '职业卫生监督检查', '《职业病防治法》', '', '用人单位', '专项检查', '', '否', '']);
  ws.addRow([
    5,
    'WJ-005',
    '学校卫生监督检查',
    '《学校卫生工作条例》',
    '',
    '学校',
    '双随机抽查',
    '全年抽查比例不低于5%,至少1次',
    '是',
    '',
  ]);
  ws.mergeCells('E4:E8');
  writeFileSync(path.join(OUT, '卫健委-两行表头.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
}

Promise.all([plan(), twoRowHeader()]).then(
  () => console.log('golden fixtures written'),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
