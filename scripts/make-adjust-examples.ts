// Writes the example list pairs under examples/adjust/ (run: npx tsx scripts/make-adjust-examples.ts), used by
// `drc adjust` / `drc compare` examples and tests:
// - 于都县市场监督管理局 2019 and 2020 lists: headers named differently (抽查事项 / 检查事项名称), rows in another
//   order, one item deleted with its 删除 row and reason, one deleted silently, two added, a renamed item, a ratio
//   5% → 10% (text → a number with a % format), a frequency spelt differently with the same meaning, a method
//   change, a change without a reason, and a pair similar enough to ask a person about;
// - 于都县应急管理局 2019 and 2020 lists with nothing changed but the spelling (the 无动态调整 form);
// - two exports of the 2020 market-supervision list (互联网+监管 and the 双随机 platform) for `drc compare`;
// - a confirmation file (原事项名称, 现事项名称) pairing the uncertain items.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../src/rules/uscc/uscc.rule';

const OUT = path.join(__dirname, '..', 'examples', 'adjust');
const code = (first17: string) => first17 + usccCheckChar(first17);
const SCJG = code('11360731014258003'); // 于都县市场监督管理局 (illustrative)
const SCJG_TYPO = SCJG.slice(0, 17) + (SCJG[17] === '0' ? '1' : '0'); // the same code with a wrong check character
const SC = '于都县市场监督管理局';
const YJ = '于都县应急管理局';

/** Example files, by role. */
export const ADJUST_EXAMPLES = {
  previous: path.join(OUT, '于都县市场监督管理局-2019年度检查事项清单.xlsx'),
  current: path.join(OUT, '于都县市场监督管理局-2020年度检查事项清单.xlsx'),
  confirm: path.join(OUT, '事项对应确认.csv'),
  sameBefore: path.join(OUT, '于都县应急管理局-2019年度检查事项清单.xlsx'),
  sameAfter: path.join(OUT, '于都县应急管理局-2020年度检查事项清单.xlsx'),
  platformA: path.join(OUT, '互联网+监管-检查实施清单导出.xlsx'),
  platformB: path.join(OUT, '双随机平台-抽查事项清单导出.xlsx'),
};

type Cell = string | number | null;
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** A list sheet: title, 填报单位 line, a header, rows (percent cells given as numbers get a 0% format), a frame. */
function listSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  unitLine: Cell[],
  header: string[],
  rows: Cell[][],
  widths: number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell('A1').font = { name: '黑体', size: 16 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow(unitLine);
  ws.addRow(header);
  const percentColumns = header.map((h, i) => (/比例/.test(h) ? i + 1 : 0)).filter(Boolean);
  for (const r of rows) {
    const row = ws.addRow(r);
    for (const c of percentColumns)
      if (typeof row.getCell(c).value === 'number') row.getCell(c).numFmt = '0%';
  }
  for (let r = 3; r <= rows.length + 3; r++)
    for (let c = 1; c <= header.length; c++) {
      const cell = ws.getCell(r, c);
      cell.border = border;
      cell.alignment = { wrapText: true, vertical: 'middle' };
      cell.font = { name: '宋体', size: 10, bold: r === 3 };
    }
  ws.columns.forEach((col, i) => (col.width = widths[i] ?? 12));
  return ws;
}

const save = async (wb: ExcelJS.Workbook, file: string) =>
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

const FOOD = '《中华人民共和国食品安全法》第一百一十条';
const BASIS = {
  food: FOOD,
  special: '《中华人民共和国特种设备安全法》第五十七条',
  drug: '《中华人民共和国药品管理法》第九十九条',
  metrology: '《中华人民共和国计量法》第十八条',
  advert: '《中华人民共和国广告法》第四十九条',
  online: '《中华人民共和国电子商务法》第二十八条',
  cotton: '《棉花质量监督管理条例》第十二条',
  licence: '《中华人民共和国工业产品生产许可证管理条例》第三十九条',
  barcode: '《商品条码管理办法》第二十四条',
  quality: '《中华人民共和国产品质量法》第十五条',
  fertiliser: '《农药管理条例》第四十一条',
};

/** Last year's list: 抽查事项 headers, ratios typed as text (one as a number), 检查主体 merged down. */
async function previousList() {
  const wb = new ExcelJS.Workbook();
  const rows: Cell[][] = [
    [1, '食品生产企业监督检查', BASIS.food, SC, '辖区内食品生产企业', '双随机抽查', '5%', '每年1次', ''],
    [2, '食品经营企业监督检查', BASIS.food, null, '辖区内食品经营企业', '双随机抽查', 0.03, '1次/年', ''],
    [
      3,
      '特种设备使用单位监督检查',
      BASIS.special,
      null,
      '特种设备使用单位',
      '双随机抽查',
      '5%',
      '每年1次',
      '',
    ],
    [4, '药品零售企业监督检查', BASIS.drug, null, '药品零售企业', '双随机抽查', '5%', '每年1次', ''],
    [
      5,
      '计量器具使用单位检查',
      BASIS.metrology,
      null,
      '集贸市场、加油站等计量器具使用单位',
      '双随机抽查',
      '3%',
      '每年一次',
      '',
    ],
    [6, '广告发布单位检查', BASIS.advert, null, '广告发布单位', '双随机抽查', '5%', '每年1次', ''],
    [
      7,
      '对网络交易平台经营者的检查',
      BASIS.online,
      null,
      '网络交易平台经营者',
      '网络检查',
      '10%',
      '每年1次',
      '',
    ],
    [8, '棉花质量监督检查', BASIS.cotton, null, '棉花经营企业', '双随机抽查', '5%', '每年1次', ''],
    [9, '工业产品生产许可证获证企业检查', BASIS.licence, null, '获证企业', '双随机抽查', '5%', '每年1次', ''],
    [10, '商品条码使用单位检查', BASIS.barcode, null, '商品条码系统成员', '双随机抽查', '3%', '每年1次', ''],
  ];
  const ws = listSheet(
    wb,
    '2019年清单',
    `${SC}2019年度行政检查事项清单`,
    [`填报单位(盖章):${SC}`],
    ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '抽查比例', '抽查频次', '备注'],
    rows,
    [6, 28, 34, 16, 22, 12, 10, 10, 10],
  );
  ws.mergeCells('D4:D13');
  ws.addRow([]);
  ws.addRow(['填报人:王小明', '', '联系电话:0797-6222222']);
  await save(wb, ADJUST_EXAMPLES.previous);
}

/** This year's list: 检查事项名称 headers, another row order, 调整类型 and 调整原因, a row marked 删除. */
async function currentList() {
  const wb = new ExcelJS.Workbook();
  const rows: Cell[][] = [
    [
      1,
      '工业产品生产许可证获证企业检查',
      BASIS.licence,
      SC,
      SCJG,
      '获证企业',
      '双随机抽查',
      '是',
      0.05,
      '每年1次',
      '无变化',
      '',
      '',
    ],
    [
      2,
      '特种设备使用单位监督检查',
      BASIS.special,
      null,
      null,
      '特种设备使用单位',
      '双随机抽查',
      '是',
      0.1,
      '每年1次',
      '修改(比例)',
      '法律法规规章调整',
      '',
    ],
    [
      3,
      '食品生产企业监督检查',
      BASIS.food,
      null,
      null,
      '辖区内食品生产企业',
      '双随机抽查',
      '是',
      0.05,
      '1次/年',
      '无变化',
      '',
      '',
    ],
    [
      4,
      '计量器具使用单位检查',
      BASIS.metrology,
      null,
      null,
      '集贸市场、加油站等计量器具使用单位',
      '双随机抽查',
      '是',
      '3%',
      '1次/年',
      '无变化',
      '',
      '',
    ],
    [
      5,
      '药品零售企业监督检查',
      BASIS.drug,
      null,
      null,
      '药品零售企业',
      '双随机抽查、重点检查',
      '是',
      '5%',
      '每年1次',
      '修改(方式)',
      '监管实际',
      '',
    ],
    [
      6,
      '食品经营企业监督检查',
      BASIS.food,
      null,
      null,
      '辖区内食品经营企业',
      '双随机抽查',
      '是',
      '3%',
      '2次/年',
      '修改(频次)',
      '',
      '',
    ],
    [
      7,
      '网络交易平台经营者监督检查',
      BASIS.online,
      null,
      null,
      '网络交易平台经营者',
      '网络检查',
      '否',
      '10%',
      '每年1次',
      '修改',
      '机构改革',
      '事项更名',
    ],
    [
      8,
      '商品条码印刷企业检查',
      BASIS.barcode,
      null,
      null,
      '商品条码印刷企业',
      '双随机抽查',
      '是',
      '3%',
      '每年1次',
      '新增',
      '监管实际',
      '',
    ],
    [
      9,
      '电动自行车销售企业检查',
      BASIS.quality,
      null,
      null,
      '电动自行车销售企业',
      '双随机抽查',
      '是',
      '5%',
      '每年1次',
      '新增',
      '监管实际',
      '',
    ],
    [
      10,
      '广告发布单位检查',
      BASIS.advert,
      null,
      null,
      '广告发布单位',
      '双随机抽查',
      '是',
      '5%',
      '每年1次',
      '删除',
      '机构改革',
      '职能划转',
    ],
  ];
  const ws = listSheet(
    wb,
    '检查实施清单',
    `${SC}2020年度行政检查事项清单`,
    [`填报单位(盖章):${SC}`, '', '', '', '', '', '', '', '', '', '填报日期:2020年3月25日'],
    [
      '序号',
      '检查事项名称',
      '检查依据',
      '检查主体',
      '机构代码',
      '检查对象',
      '检查方式',
      '是否纳入双随机',
      '检查比例',
      '检查频次',
      '调整类型',
      '调整原因',
      '备注',
    ],
    rows,
    [6, 28, 34, 16, 22, 20, 14, 8, 10, 10, 10, 14, 10],
  );
  ws.mergeCells('D4:D13');
  ws.mergeCells('E4:E13');
  await save(wb, ADJUST_EXAMPLES.current);
}

/** A unit with no change: the same four items, spelt differently and in another order. */
async function unchangedPair() {
  const before = new ExcelJS.Workbook();
  listSheet(
    before,
    'Sheet1',
    `${YJ}2019年度行政检查事项清单`,
    [`填报单位(印章):${YJ}`],
    ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '抽查比例', '抽查频次'],
    [
      [
        1,
        '危险化学品经营单位安全生产检查',
        '《危险化学品安全管理条例》第六条',
        YJ,
        '危险化学品经营单位',
        '双随机抽查',
        '5%',
        '每年一次',
      ],
      [
        2,
        '非煤矿山企业安全生产检查',
        '《中华人民共和国安全生产法》第六十二条',
        YJ,
        '非煤矿山企业',
        '双随机抽查',
        '30%',
        '每年1次',
      ],
      [
        3,
        '烟花爆竹经营单位安全检查',
        '《烟花爆竹安全管理条例》第三十条',
        YJ,
        '烟花爆竹零售经营单位',
        '双随机抽查',
        '10%',
        '每半年一次',
      ],
      [
        4,
        '工贸企业安全生产检查',
        '《中华人民共和国安全生产法》第六十二条',
        YJ,
        '工贸企业',
        '双随机抽查、现场检查',
        '5%',
        '1次/年',
      ],
    ],
    [6, 30, 34, 16, 20, 18, 10, 12],
  );
  await save(before, ADJUST_EXAMPLES.sameBefore);
  const after = new ExcelJS.Workbook();
  listSheet(
    after,
    '检查实施清单',
    `${YJ}2020年度行政检查事项清单`,
    [`填报单位(盖章):${YJ}`],
    [
      '序号',
      '检查事项名称',
      '检查依据',
      '检查主体',
      '检查对象',
      '检查方式',
      '检查比例',
      '检查频次',
      '调整类型',
      '调整原因',
    ],
    [
      [
        1,
        '工贸企业安全生产检查',
        '《中华人民共和国安全生产法》第62条',
        YJ,
        '工贸企业',
        '现场检查、双随机抽查',
        0.05,
        '每年1次',
        '无变化',
        '',
      ],
      [
        2,
        '危险化学品经营单位安全生产检查',
        '《危险化学品安全管理条例》第六条',
        YJ,
        '危险化学品经营单位',
        '双随机抽查',
        0.05,
        '1次/年',
        '无变化',
        '',
      ],
      [
        3,
        '烟花爆竹经营单位安全检查',
        '《烟花爆竹安全管理条例》第三十条',
        YJ,
        '烟花爆竹零售经营单位',
        '双随机抽查',
        '百分之十',
        '2次/年',
        '无变化',
        '',
      ],
      [
        4,
        '非煤矿山企业安全生产检查',
        '《中华人民共和国安全生产法》第六十二条',
        YJ,
        '非煤矿山企业',
        '双随机抽查',
        0.3,
        '=1',
        '无变化',
        '',
      ],
    ],
    [6, 30, 34, 16, 20, 18, 10, 12, 10, 12],
  );
  await save(after, ADJUST_EXAMPLES.sameAfter);
}

/** Two exports of this year's list, one per platform, that disagree in a few places. */
async function platformPair() {
  const a = new ExcelJS.Workbook();
  listSheet(
    a,
    '检查实施清单',
    `${SC}检查实施清单(互联网+监管系统导出)`,
    [`实施机构:${SC}`],
    [
      '检查实施清单编码',
      '检查实施清单名称',
      '检查依据',
      '实施主体',
      '统一社会信用代码',
      '检查对象',
      '检查方式',
      '检查比例',
      '检查频次',
    ],
    [
      [
        '3607310001',
        '工业产品生产许可证获证企业检查',
        BASIS.licence,
        SC,
        SCJG,
        '获证企业',
        '双随机抽查',
        '5%',
        '每年1次',
      ],
      [
        '3607310002',
        '特种设备使用单位监督检查',
        BASIS.special,
        SC,
        SCJG,
        '特种设备使用单位',
        '双随机抽查',
        '10%',
        '每年1次',
      ],
      [
        '3607310003',
        '食品生产企业监督检查',
        BASIS.food,
        SC,
        SCJG,
        '辖区内食品生产企业',
        '双随机抽查',
        '5%',
        '每年1次',
      ],
      [
        '3607310004',
        '药品零售企业监督检查',
        BASIS.drug,
        SC,
        SCJG,
        '药品零售企业',
        '双随机抽查、重点检查',
        '5%',
        '每年1次',
      ],
      [
        '3607310005',
        '食品经营企业监督检查',
        BASIS.food,
        SC,
        SCJG,
        '辖区内食品经营企业',
        '双随机抽查',
        '3%',
        '2次/年',
      ],
      [
        '3607310006',
        '网络交易平台经营者监督检查',
        BASIS.online,
        SC,
        SCJG,
        '网络交易平台经营者',
        '网络检查',
        '10%',
        '每年1次',
      ],
      [
        '3607310007',
        '商品条码印刷企业检查',
        BASIS.barcode,
        SC,
        SCJG,
        '商品条码印刷企业',
        '双随机抽查',
        '3%',
        '每年1次',
      ],
      [
        '3607310008',
        '棉花质量监督检查',
        BASIS.cotton,
        SC,
        SCJG,
        '棉花经营企业',
        '双随机抽查',
        '5%',
        '每年1次',
      ],
    ],
    [14, 28, 34, 16, 22, 18, 14, 10, 10],
  );
  await save(a, ADJUST_EXAMPLES.platformA);
  const b = new ExcelJS.Workbook();
  listSheet(
    b,
    '抽查事项清单',
    '双随机抽查事项清单',
    [`发起部门:${SC}`],
    [
      '序号',
      '抽查事项名称',
      '抽查依据',
      '发起部门',
      '机构代码',
      '抽查对象',
      '抽查方式',
      '抽查比例',
      '抽查频次',
    ],
    [
      [1, '食品生产企业监督检查', BASIS.food, SC, SCJG_TYPO, '辖区内食品生产企业', '双随机抽查', 0.05, '=1'],
      [
        2,
        '食品经营企业监督检查',
        '《中华人民共和国食品安全法》第110条',
        SC,
        SCJG_TYPO,
        '辖区内食品经营企业',
        '双随机抽查',
        0.03,
        '=2',
      ],
      [
        3,
        '特种设备使用单位监督检查',
        BASIS.special,
        SC,
        SCJG_TYPO,
        '特种设备使用单位',
        '双随机抽查',
        0.05,
        '=1',
      ],
      [4, '药品零售企业监督检查', BASIS.drug, SC, SCJG_TYPO, '药品零售企业', '双随机抽查', 0.05, '=1'],
      [
        5,
        '对网络交易平台经营者的检查',
        BASIS.online,
        SC,
        SCJG_TYPO,
        '网络交易平台经营者',
        '网络检查',
        0.1,
        '=1',
      ],
      [
        6,
        '工业产品生产许可证获证企业检查',
        BASIS.licence,
        SC,
        SCJG_TYPO,
        '获证企业',
        '双随机抽查',
        0.05,
        '=1',
      ],
      [7, '农药经营企业检查', BASIS.fertiliser, SC, SCJG_TYPO, '农药经营企业', '双随机抽查', 0.05, '=1'],
    ],
    [6, 28, 34, 16, 22, 18, 14, 10, 10],
  );
  await save(b, ADJUST_EXAMPLES.platformB);
}

function confirmFile() {
  const lines = [
    '原事项名称,现事项名称',
    '# 一行两个名称:同一事项改名;只写一个名称:该事项单独删除或新增',
    '商品条码使用单位检查,商品条码印刷企业检查',
  ];
  writeFileSync(ADJUST_EXAMPLES.confirm, `${lines.join('\r\n')}\r\n`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  await previousList();
  await currentList();
  await unchangedPair();
  await platformPair();
  confirmFile();
  console.log(`adjust examples written to ${path.relative(process.cwd(), OUT)}`);
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
