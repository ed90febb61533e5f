import type { CellValue, MergeRange } from '../../src/core/grid';
import { readSheet, validateRows } from '../../src/core/validate';
import { resolveSettings } from '../../src/core/settings';
import { SCHEMAS } from '../../src/schemas';
import { DEFAULT_SEVERITIES } from '../../src/schemas/severities';
import { checkGrids } from '../../src/features/check-workbook';

const HEAD = [
  '序号',
  '检查事项',
  '检查依据',
  '检查主体',
  '检查对象',
  '检查方式',
  '是否纳入双随机',
  '抽查比例',
  '抽查频次',
];
const ok = (n: number, name = `事项${n}`): CellValue[] => [
  n,
  name,
  '《食品安全法》',
  '于都县某局',
  '食品企业',
  '双随机抽查',
  '是',
  '5%',
  '每年1次',
];

/** Validates an inline grid; returns `row column code` tuples (column as a letter), sorted as reported. */
function tuples(values: CellValue[][], merges: MergeRange[] = [], numberFormats?: (string | undefined)[][]) {
  const [report] = checkGrids([{ name: 'S', values, merges, numberFormats }]);
  return report!.issues.map(
    (i) => `${i.column ? String.fromCharCode(64 + i.column) : '-'}${i.row ?? ''} ${i.code}`,
  );
}
const reportOf = (values: CellValue[][], merges: MergeRange[] = []) =>
  checkGrids([{ name: 'S', values, merges }])[0];

describe('checklist schema on inline grids', () => {
  test('a clean list has no issues', () => {
    expect(tuples([HEAD, ok(1), ok(2), ok(3)])).toEqual([]);
  });

  test('required fields are located at their cells', () => {
    const row = ok(1);
    row[2] = '';
    row[4] = '\u00A0';
    expect(tuples([HEAD, row])).toEqual(['C2 required/missing', 'E2 required/missing']);
  });

  test('a blank inside a merged range carries the value and is never missing', () => {
    const rows = [HEAD, ok(1), ok(2), ok(3)];
    rows[2]![3] = null;
    rows[3]![3] = null;
    expect(tuples(rows, [{ top: 2, left: 4, bottom: 4, right: 4 }])).toEqual([]);
  });

  test('a bad value in a merged range is reported once, on the master cell', () => {
    const rows = [HEAD, ok(1), ok(2), ok(3)];
    rows[1]![7] = '150%';
    rows[2]![7] = null;
    rows[3]![7] = null;
    expect(tuples(rows, [{ top: 2, left: 8, bottom: 4, right: 8 }])).toEqual(['H2 ratio/out-of-range']);
  });

  test('the agency written once with blanks below means "same as above"', () => {
    const rows = [HEAD, ok(1), ok(2)];
    rows[2]![3] = '';
    expect(tuples(rows)).toEqual([]);
  });

  test('titles, stamp line, notes, signature and empty rows are not data', () => {
    const report = reportOf([
      ['于都县某局2020年度行政检查事项清单'],
      ['填报单位(印章):于都县某局'],
      HEAD,
      ok(1),
      [],
      ['一、食品类'],
      ok(2),
      ['备注:比例为年度抽查比例'],
      ['1.本表一式两份'],
      ['填报人:张三', null, '联系电话:0797-6222222', null, '审核人:李四'],
    ])!;
    expect(report.headerRow).toBe(3);
    expect(report.dataRows).toBe(2);
    expect(report.issues).toEqual([]);
  });

  test('ratio and frequency are required only on 双随机 items', () => {
    const a = ok(1);
    a[7] = '';
    a[8] = '';
    const b = ok(2);
    b[5] = '重点检查';
    b[6] = '否';
    b[7] = '';
    b[8] = '';
    expect(tuples([HEAD, a, b])).toEqual(['H2 required/missing', 'I2 required/missing']);
  });

  test('without a 是否双随机 column, a 双随机 method makes ratio required', () => {
    const head = ['序号', '检查事项', '检查依据', '检查主体', '检查对象', '检查方式', '抽查比例', '抽查频次'];
    expect(
      tuples([
        head,
        [1, 'a', '《法》', '局', '对象', '双随机抽查', '', '每年1次'],
        [2, 'b', '《法》', '局', '对象', '日常巡查', '', ''],
      ]),
    ).toEqual(['G2 required/missing']);
  });

  test('事项类别 is required for market-supervision items; 调整原因 when 调整类型 is not 无变化', () => {
    const head = [...HEAD, '是否属于市场监管领域', '事项类别', '调整类型', '调整原因'];
    expect(
      tuples([
        head,
        [...ok(1), '是', '', '无变化', ''],
        [...ok(2), '否', '', '修改(比例)', ''],
        [...ok(3), '是', '重点检查事项', '新增', '法律法规规章调整'],
        [...ok(4), '是', '一般', '调来调去', ''],
      ]),
    ).toEqual(['K2 required/missing', 'M3 adjustReason/missing', 'L5 enum/not-allowed']);
  });

  test('item names are unique, unless the 检查对象 differs', () => {
    const a = ok(1, '食品检查');
    const b = ok(2, '食品检查');
    const c = ok(3, '食品检查');
    c[4] = '餐饮企业';
    expect(tuples([HEAD, a, b, c])).toEqual(['B3 unique/duplicate']);
  });

  test('序号 counts up by one; it may start anywhere', () => {
    expect(tuples([HEAD, ok(5), ok(6), ok(8)])).toEqual(['A4 seq/not-sequential']);
  });

  test('a combined 抽查比例及频次 column is split into both and checked', () => {
    const head = ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '抽查比例及频次'];
    const row = (n: number, v: string): CellValue[] => [
      n,
      `事项${n}`,
      '《法》',
      '局',
      '对象',
      '双随机抽查',
      v,
    ];
    expect(
      tuples([
        head,
        row(1, '25%,不少于1次/年'),
        row(2, '3%;2次/年'),
        row(3, '1次/年 100%'),
        row(4, '150%,每年1次'),
        row(5, '5%'),
        row(6, '企业抽查比例为15%,检查1次'),
        row(7, '待定xyz'),
        row(8, '每季度各抽查1次'),
      ]),
    ).toEqual([
      'G4 ratio/disturb',
      'G5 ratio/out-of-range',
      'G6 frequency/absent',
      'G8 ratio/invalid',
      'G9 ratio/absent',
    ]);
  });

  test('a combined cell missing a part says which part, and only on 双随机 items', () => {
    const head = ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '抽查比例及频次'];
    const report = reportOf([
      head,
      [1, 'a', '《法》', '局', '对象', '双随机抽查', '企业抽查比例为15%'],
      [2, 'b', '《法》', '局', '对象', '日常巡查', '企业抽查比例为15%'],
    ])!;
    expect(report.issues.map((i) => [i.code, i.severity, i.received])).toEqual([
      ['frequency/absent', 'warning', '企业抽查比例为15%'],
    ]);
  });

  test('0.05 with a % format is 5%; 0 with a % format is a blind spot', () => {
    const rows = [HEAD, ok(1), ok(2)];
    rows[1]![7] = 0.05;
    rows[2]![7] = 0;
    const formats = [
      [],
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined, '0%'],
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined, '0%'],
    ];
    expect(tuples(rows, [], formats)).toEqual(['H3 ratio/zero']);
  });

  test('the 机构代码 is the same for the whole unit', () => {
    const head = [...HEAD, '机构代码'];
    expect(
      tuples([
        head,
        [...ok(1), '11360731014258003K'],
        [...ok(2), '11360731014258003K'],
        [...ok(3), '113607310142580047'],
      ]),
    ).toEqual(['J4 uscc/checksum', 'J4 consistent/differs']);
  });

  test('a published plan (抽查工作计划) is a checklist too', () => {
    const report = reportOf([
      ['于都县2020年度部门联合抽查工作计划'],
      ['序号', '抽查任务名称', '抽查对象', '抽查比例', '发起部门', '配合部门', '抽查时间'],
      [1, '食品安全联合抽查', '食品生产企业', '5%', '县市场监管局', '县卫健委', '2020年5月'],
    ])!;
    expect(report.kind).toBe('checklist');
    expect(report.columns).toMatchObject({ itemName: 'B', object: 'C', ratio: 'D', agency: 'E' });
  });

  test('a sheet that is not a list is reported as unknown with the best header guess', () => {
    const report = reportOf([
      ['于都县某局执法人员名单'],
      ['姓名', '性别', '执法证号', '发证机关'],
      ['张三', '男', '赣A0001', '江西省人民政府'],
    ])!;
    expect(report.kind).toBe('unknown');
    expect(report.issues).toEqual([]);
  });

  test('a header with no data rows is reported', () => {
    expect(tuples([['某局检查事项清单'], HEAD])).toEqual(['-2 sheet/no-data']);
  });

  test('missing expected columns are reported once per sheet', () => {
    const report = reportOf([
      ['序号', '检查事项', '检查对象', '抽查比例'],
      [1, 'a', 'b', '5%'],
    ])!;
    expect(report.issues.map((i) => `${i.code} ${i.params.field}`)).toEqual([
      'header/missing-column basis',
      'header/missing-column agency',
      'header/missing-column method',
      'header/missing-column frequency',
    ]);
  });

  test('full-width digits, numbers stored as text and line breaks are read as a person would', () => {
    const row = ok(1);
    row[0] = '1';
    row[7] = '不低于５％';
    row[8] = '每年\n1次';
    expect(tuples([HEAD, row])).toEqual([]);
  });
});

describe('a person corrects the detection', () => {
  const grid = {
    name: 'S',
    merges: [],
    values: [
      ['说明:本表第3行为表头'],
      ['序号', '名称', '依据', '主体'],
      [1, '食品检查', '《食品安全法》', '某局'],
    ] as CellValue[][],
  };
  test('an unrecognised sheet becomes a checklist once its columns are mapped by hand', () => {
    expect(checkGrids([grid])[0]!.kind).toBe('unknown');
    const [report] = checkGrids([grid], undefined, {
      S: { headerRows: { first: 2, last: 2 }, columns: { itemName: 2, basis: 3, agency: 4 } },
    });
    expect(report).toMatchObject({ kind: 'checklist', headerRow: 2, dataRows: 1 });
    expect(report!.columns).toMatchObject({ seq: 'A', itemName: 'B', basis: 'C', agency: 'D' });
  });
});

describe('live re-validation of edited rows', () => {
  test('only the given rows are reported, with the same findings as a full check', () => {
    const grid = {
      name: 'S',
      merges: [],
      values: [
        ['序号', '检查事项', '抽查比例'],
        [1, 'a', '150%'],
        [2, 'b', 'abc'],
        [3, 'a', '5%'],
      ] as CellValue[][],
    };
    const full = checkGrids([grid])[0]!.issues.filter((i) => i.row === 3);
    const sheet = readSheet(grid, SCHEMAS);
    const partial = validateRows(sheet, resolveSettings(), DEFAULT_SEVERITIES, new Set([3]));
    expect(partial).toEqual(full);
    expect(partial.map((i) => i.code)).toEqual(['ratio/invalid']);
  });
});

describe('a ratio or frequency cell that holds both', () => {
  test('is split; the blank partner field takes the other part, located at the cell that holds it', () => {
    const a = ok(1);
    a[7] = '25%,不少于1次/年';
    a[8] = '';
    const b = ok(2);
    b[7] = '';
    b[8] = '1次/年 150%';
    expect(tuples([HEAD, a, b])).toEqual(['I3 ratio/out-of-range']);
  });

  test('a list with only a ratio column reads the frequency from it', () => {
    const head = ['序号', '检查事项', '检查依据', '检查主体', '检查对象', '检查方式', '抽查比例'];
    const row = (n: number, v: string): CellValue[] => [
      n,
      `事项${n}`,
      '《法》',
      '局',
      '对象',
      '双随机抽查',
      v,
    ];
    expect(
      tuples([head, row(1, '3%;2次/年'), row(2, '5%;每周一次')]).filter((t) => !t.includes('header/')),
    ).toEqual(['G3 frequency/too-frequent']);
  });
});

describe('columns read as they are published', () => {
  test('a column whose cells contradict its mapping is left unmapped, with one header-level note', () => {
    const report = reportOf([
      ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '双随机抽查时段', '抽查比例'],
      [1, 'a', '《法》', '局', '对象', '双随机抽查', '4-10月', '5%'],
      [2, 'b', '《法》', '局', '对象', '双随机抽查', '3-5月', '5%'],
    ])!;
    expect(report.columns.doubleRandom).toBeUndefined();
    const grid = [
      ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '是否纳入双随机', '抽查比例'],
      [1, 'a', '《法》', '局', '对象', '双随机抽查', '4-10月', '5%'],
      [2, 'b', '《法》', '局', '对象', '双随机抽查', '2020年3月', '5%'],
    ];
    const mismatched = reportOf(grid)!;
    expect(mismatched.columns.doubleRandom).toBeUndefined();
    const notes = mismatched.issues.filter((i) => i.code !== 'header/missing-column');
    expect(notes.map((i) => [i.code, i.severity, i.row, i.column, i.received])).toEqual([
      ['header/content-mismatch', 'info', 1, 7, '4-10月'],
    ]);
  });

  test('a 是/否 column with an odd cell keeps its mapping and flags the cell', () => {
    const report = reportOf([
      ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '是否纳入双随机', '抽查比例'],
      [1, 'a', '《法》', '局', '对象', '双随机抽查', '是', '5%'],
      [2, 'b', '《法》', '局', '对象', '双随机抽查', '4-10月', '5%'],
    ])!;
    expect(report.columns.doubleRandom).toBe('G');
    const cells = report.issues.filter((i) => i.code !== 'header/missing-column');
    expect(cells.map((i) => `${i.row} ${i.code}`)).toEqual(['3 enum/not-allowed']);
  });

  test('item name, basis and method without a ratio column is still a list, with header warnings', () => {
    const report = reportOf([
      ['序号', '检查事项', '检查依据', '检查方式', '检查主体', '检查对象'],
      [1, 'a', '《法》', '现场检查', '局', '对象'],
    ])!;
    expect(report.kind).toBe('checklist');
    expect(report.issues.map((i) => `${i.code} ${i.params.field} ${i.severity}`)).toEqual([
      'header/missing-column ratio warning',
      'header/missing-column frequency warning',
    ]);
  });

  test('a ratio column whose cells also give the frequency is read as both', () => {
    const report = reportOf([
      ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '抽查比例/数量'],
      [1, 'a', '《法》', '局', '对象', '双随机抽查', '100%,抽查1次'],
      [2, 'b', '《法》', '局', '对象', '双随机抽查', '5%,每周1次'],
    ])!;
    expect(report.columns).toMatchObject({ ratio: 'G', frequency: 'G' });
    expect(report.issues.map((i) => `${i.row} ${i.code}`)).toEqual([
      '2 ratio/disturb',
      '3 frequency/too-frequent',
    ]);
  });

  test('rows under an item name merged down over them are that item: never 重复, never missing', () => {
    const rows = [HEAD, ok(1, '食品检查'), ok(2, ''), ok(3, '')];
    rows[2]![1] = null;
    rows[3]![1] = null;
    rows[2]![0] = null;
    rows[3]![0] = null;
    const merges = [
      { top: 2, left: 2, bottom: 4, right: 2 },
      { top: 2, left: 1, bottom: 4, right: 1 },
    ];
    expect(tuples(rows, merges)).toEqual([]);
    // The same name written again in its own cell is a duplicate.
    const again = [HEAD, ok(1, '食品检查'), ok(2, '食品检查')];
    expect(tuples(again)).toEqual(['B3 unique/duplicate']);
  });
});
