// Writes the bundled example workbooks under examples/ (run: npx tsx scripts/make-examples.ts).
// They look like what a 于都县 unit sends: a title, a 填报单位 line, merged group cells, percentages typed as
// numbers with a % format, notes and a signature line, and a few real-looking defects.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../src/rules/uscc/uscc.rule';
import { encodeText } from '../test/helpers/encode-text';

const OUT = path.join(__dirname, '..', 'examples');
const code = (first17: string) => first17 + usccCheckChar(first17);
const SCJG = code('11360731014258003'); // 于都县市场监督管理局 (illustrative)
const YJ = code('11360731MB1721359'); // 于都县应急管理局 (illustrative)

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function frame(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, cols: number) {
  for (let r = fromRow; r <= toRow; r++)
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.style = {
        ...cell.style,
        border,
        alignment: { wrapText: true, vertical: 'middle' },
        font: { name: '宋体', size: 10 },
      };
    }
}

async function marketSupervision() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查实施清单');
  const head = [
    '序号',
    '检查事项名称',
    '检查依据',
    '检查主体',
    '机构代码',
    '检查对象',
    '检查方式',
    '是否纳入双随机',
    '抽查要求',
    '',
    '是否属于市场监管领域',
    '事项类别',
    '调整类型',
    '调整原因',
    '备注',
  ];
  ws.addRow(['于都县市场监督管理局2020年度行政检查事项清单']);
  ws.mergeCells('A1:O1');
  ws.getCell('A1').font = { name: '黑体', size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow([
    '填报单位(盖章):于都县市场监督管理局',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '填报日期:2020年3月25日',
  ]);
  ws.addRow(head);
  ws.addRow(['', '', '', '', '', '', '', '', '抽查比例', '抽查频次']);
  // Two-row header: 抽查要求 groups 比例 and 频次; the other labels span both rows.
  ws.mergeCells('I3:J3');
  for (const col of 'ABCDEFGHKLMNO') ws.mergeCells(`${col}3:${col}4`);
  const A = '于都县市场监督管理局';
  const rows: (string | number | null)[][] = [
    [
      1,
      '食品生产企业监督检查',
      '《中华人民共和国食品安全法》第一百一十条',
      A,
      SCJG,
      '辖区内食品生产企业',
      '双随机抽查',
      '是',
      0.05,
      '每年1次',
      '是',
      '重点检查事项',
      '无变化',
      '',
      '',
    ],
    [
      2,
      '食品经营企业监督检查',
      '《中华人民共和国食品安全法》第一百一十条',
      null,
      null,
      '辖区内食品经营企业',
      '双随机抽查',
      '是',
      '不低于5%',
      '1次/年',
      '是',
      '一般检查事项',
      '修改(比例)',
      '监管实际',
      '比例由3%调整为5%',
    ],
    [
      3,
      '特种设备使用单位监督检查',
      '《中华人民共和国特种设备安全法》第五十七条',
      null,
      null,
      '特种设备使用单位',
      '双随机抽查',
      '是',
      '150%',
      '每季度一次',
      '是',
      '重点检查事项',
      '无变化',
      '',
      '',
    ],
    [
      4,
      '工业产品生产许可证获证企业检查',
      '',
      null,
      null,
      '获证企业',
      '双随机抽查',
      '是',
      '１０％',
      '每年一次',
      '是',
      '',
      '新增',
      '法律法规规章调整',
      '',
    ],
    [
      5,
      '药品零售企业监督检查',
      '《药品管理法》第九十九条',
      null,
      null,
      '药品零售企业',
      '双随机抽查',
      '是',
      '100%',
      '每周一次',
      '是',
      '一般检查事项',
      '修改(频次)',
      '',
      '',
    ],
    [
      6,
      '计量器具使用单位检查',
      '《中华人民共和国计量法》',
      null,
      null,
      '集贸市场',
      '双随机抽查',
      '是',
      '根据实际情况确定',
      '=1',
      '是',
      '一般检查事项',
      '无变化',
      '',
      '',
    ],
    [
      7,
      '食品生产企业监督检查',
      '《中华人民共和国食品安全法》第一百一十条',
      null,
      null,
      '辖区内食品生产企业',
      '重点检查',
      '否',
      '',
      '',
      '是',
      '重点检查事项',
      '无变化',
      '',
      '与第1项重复',
    ],
    [
      8,
      '网络交易平台经营者检查',
      '《电子商务法》',
      null,
      null,
      '网络交易平台',
      '网络检查',
      '否',
      '',
      '',
      '是',
      '一般检查事项',
      '无变化',
      '',
      '',
    ],
    [
      9,
      '广告发布单位检查',
      '《中华人民共和国广告法》第四十九条',
      null,
      null,
      '广告发布单位',
      '双随机抽查',
      '是',
      'abc',
      '每年1次',
      '是',
      '一般检查事项',
      '无变化',
      '',
      '',
    ],
  ];
  for (const r of rows) ws.addRow(r);
  // 检查主体 and 机构代码 merged down over the group, as clerks do: the blanks below are not missing.
  ws.mergeCells('D5:D13');
  ws.mergeCells('E5:E13');
  ws.getCell('I5').numFmt = '0%';
  ws.getCell('E5').value = SCJG.slice(0, 17) + (SCJG[17] === '0' ? '1' : '0'); // a wrong check character
  ws.addRow([]);
  ws.addRow(['备注:1.检查比例填写百分比;2.调整类型填写新增、删除、修改或无变化。']);
  ws.mergeCells('A15:O15');
  ws.addRow(['填报人:王小明', '', '联系电话:0797-6222222', '', '审核人:刘芳']);
  frame(ws, 3, 13, 15);
  ws.columns.forEach((c, i) => (c.width = [6, 26, 32, 16, 22, 18, 12, 10, 12, 12, 10, 14, 12, 16, 16][i]));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  const other = wb.addWorksheet('填表说明');
  other.addRow(['本表由各单位法制机构审核后报县司法局。']);
  writeFileSync(
    path.join(OUT, '于都县市场监督管理局-检查实施清单.xlsx'),
    new Uint8Array(await wb.xlsx.writeBuffer()),
  );
}

async function emergencyClean() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['于都县应急管理局行政检查事项清单(2020年)']);
  ws.mergeCells('A1:I1');
  ws.addRow(['填报单位(印章):于都县应急管理局']);
  ws.addRow([
    '序号',
    '抽查事项',
    '抽查依据',
    '抽查主体',
    '统一社会信用代码',
    '抽查对象',
    '随机抽查方式',
    '抽查比例及频次',
    '备注',
  ]);
  const A = '于都县应急管理局';
  ws.addRow([
    1,
    '危险化学品经营单位安全生产检查',
    '《危险化学品安全管理条例》第六条',
    A,
    YJ,
    '危险化学品经营单位',
    '双随机抽查',
    '5%,不少于1次/年',
    '',
  ]);
  ws.addRow([
    2,
    '非煤矿山企业安全生产检查',
    '《中华人民共和国安全生产法》第六十二条',
    A,
    YJ,
    '非煤矿山企业',
    '双随机抽查',
    '矿山企业抽查比例为30%,每年抽查1次',
    '',
  ]);
  ws.addRow([
    3,
    '烟花爆竹经营单位安全检查',
    '《烟花爆竹安全管理条例》第三十条',
    A,
    YJ,
    '烟花爆竹零售经营单位',
    '双随机抽查',
    '10%;2次/年',
    '',
  ]);
  ws.addRow([
    4,
    '工贸企业安全生产检查',
    '《中华人民共和国安全生产法》第六十二条',
    A,
    YJ,
    '工贸企业',
    '双随机抽查、现场检查',
    '1次/年 5%',
    '',
  ]);
  frame(ws, 3, 7, 9);
  ws.columns.forEach((c, i) => (c.width = [6, 28, 34, 16, 22, 20, 14, 22, 10][i]));
  writeFileSync(
    path.join(OUT, '于都县应急管理局-检查实施清单(无问题).xlsx'),
    new Uint8Array(await wb.xlsx.writeBuffer()),
  );
}

function housingCsvGbk() {
  const lines = [
    '于都县住房和城乡建设局抽查事项清单,,,,,,,',
    '序号,抽查事项,抽查依据,抽查主体,抽查对象,抽查方式,抽查比例,抽查周期',
    '1,建筑施工安全检查,《建设工程安全生产管理条例》第四十三条,于都县住房和城乡建设局,在建工程项目,双随机抽查,10%-20%,每季度一次',
    '2,房地产开发企业资质检查,《房地产开发企业资质管理规定》,于都县住房和城乡建设局,房地产开发企业,双随机抽查,60-70家,每年1次',
    '3,物业服务企业检查,《物业管理条例》,于都县住房和城乡建设局,物业服务企业,双随机抽查,5%,随便查',
    '4,燃气经营企业检查,《城镇燃气管理条例》第四十二条,于都县住房和城乡建设局,燃气经营企业,双随机抽查,≥10%,>=1',
    '注:本表由系统导出',
  ];
  writeFileSync(
    path.join(OUT, '于都县住建局-抽查事项清单(GBK).csv'),
    encodeText(lines.join('\r\n') + '\r\n', 'gbk'),
  );
}

async function main() {
  await marketSupervision();
  await emergencyClean();
  housingCsvGbk();
  console.log(`examples written to ${path.relative(process.cwd(), OUT)}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
