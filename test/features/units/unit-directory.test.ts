import type { CellValue } from '../../../src/core/grid';
import {
  readUnitRegister,
  readUnitRegisterGrids,
  regionLevel,
  UnitDirectory,
  unitKeys,
} from '../../../src/features/units';

const grid = (values: CellValue[][]) => ({ name: '单位名录', values, merges: [] });

describe('a district (区) and a county-level city (市)', () => {
  const ganxian = new UnitDirectory(
    ['工业和信息化局', '住建局', '市场监督管理局', '城市管理局'].map((name) => ({ name, aliases: [] })),
    { region: '赣县区' },
  );

  test.each([
    ['赣县区工业和信息化局', '工业和信息化局'],
    ['赣州市赣县区工业和信息化局', '工业和信息化局'],
    ['区工信局', '工业和信息化局'],
    ['区住建局', '住建局'],
    ['赣县区住房和城乡建设局', '住建局'],
    ['赣县住建局', '住建局'],
    ['区市场监管局', '市场监督管理局'],
    ['赣县区城市管理局', '城市管理局'],
    ['城管局', '城市管理局'],
  ])('赣县区: %s → %s', (name, unit) => {
    expect(ganxian.match(name)?.entry.name).toBe(unit);
  });

  const ruijin = new UnitDirectory(
    ['住建局', '市场监督管理局', '公安局'].map((name) => ({ name, aliases: [] })),
    { region: '瑞金市' },
  );

  test.each([
    ['瑞金市住建局', '住建局'],
    ['市住建局', '住建局'],
    ['赣州市瑞金市公安局', '公安局'],
    ['市场监督管理局', '市场监督管理局'],
    ['瑞金市市场监督管理局', '市场监督管理局'],
    ['市市场监管局', '市场监督管理局'],
  ])('瑞金市: %s → %s', (name, unit) => {
    expect(ruijin.match(name)?.entry.name).toBe(unit);
  });

  test('the level of a region, and names that keep their 市', () => {
    expect([regionLevel('于都县'), regionLevel('赣县区'), regionLevel('瑞金市'), regionLevel('')]).toEqual([
      '县',
      '区',
      '市',
      '县',
    ]);
    // 市场… is never read as 市 + 场…, whatever the region.
    expect(unitKeys('市场监督管理局', '于都县')).toEqual(['市场监督管理局']);
    expect(unitKeys('城市管理局', '于都县')).toEqual(['城市管理局']);
  });
});

describe('townships', () => {
  const towns = new UnitDirectory(
    [
      { name: '贡江镇', aliases: [] },
      { name: '罗坳镇人民政府', aliases: [] },
    ],
    { region: '于都县' },
  );
  test.each([
    ['于都县贡江镇人民政府', '贡江镇'],
    ['贡江镇政府', '贡江镇'],
    ['罗坳镇', '罗坳镇人民政府'],
    ['江西省于都县罗坳镇人民政府', '罗坳镇人民政府'],
  ])('%s → %s', (name, unit) => {
    expect(towns.match(name)?.entry.name).toBe(unit);
  });
});

describe('the office’s units register', () => {
  test('a header with 别名 and 机构代码: other names in one cell, split on 、 ; and ，', () => {
    const read = readUnitRegister(
      grid([
        ['于都县县直单位及乡镇名录'],
        ['序号', '单位名称', '类别', '别名', '统一社会信用代码'],
        [1, '于都县住房和城乡建设局', '县直单位', '住建局、城建局；建设局', '11360731MB1234567X'],
        [2, '于都县气象局', '县直单位', null, null],
        [3, '贡江镇', '乡镇', '贡江镇人民政府，城关镇', null],
        [4, '于都县住房和城乡建设局', '县直单位', null, null],
        [5, '于都县城市管理局', '县直单位', '城建局', null],
      ]),
    );
    expect(read.entries).toEqual([
      {
        name: '于都县住房和城乡建设局',
        aliases: ['住建局', '城建局', '建设局'],
        kind: '县直单位',
        code: '11360731MB1234567X',
      },
      { name: '于都县气象局', aliases: [], kind: '县直单位' },
      { name: '贡江镇', aliases: ['贡江镇人民政府', '城关镇'], kind: '乡镇' },
      { name: '于都县城市管理局', aliases: [], kind: '县直单位' },
    ]);
    expect(read.problems.map((p) => [p.code, p.row, p.column, p.params])).toEqual([
      ['units/duplicate-name', 6, 2, { name: '于都县住房和城乡建设局', firstRow: 3 }],
      [
        'units/alias-taken',
        7,
        4,
        { alias: '城建局', name: '于都县城市管理局', other: '于都县住房和城乡建设局' },
      ],
    ]);
    const dir = new UnitDirectory(read.entries, { region: '于都县' });
    expect(dir.match('县城建局')?.entry.name).toBe('于都县住房和城乡建设局');
    expect(dir.match('城关镇人民政府')?.entry.name).toBe('贡江镇');
    expect(dir.withCode('11360731mb1234567x')?.name).toBe('于都县住房和城乡建设局');
    expect(dir.findIn('附件2 申报表-于都县气象局.docx')?.name).toBe('于都县气象局');
  });

  test('without a header: the first column is the name, the second its other names; a title line is skipped', () => {
    const read = readUnitRegister(
      grid([['于都县单位名录'], ['工信局', '工业和信息化局'], ['# 乡镇'], ['银坑镇', null]]),
    );
    expect(read.entries).toEqual([
      { name: '工信局', aliases: ['工业和信息化局'] },
      { name: '银坑镇', aliases: [] },
    ]);
  });

  test('two lists side by side (县直单位 | 乡镇): the header names the kind', () => {
    const read = readUnitRegisterGrids([
      { name: '说明', values: [['本名录供汇总使用']], merges: [] },
      grid([
        ['序号', '县直单位', '序号', '乡镇'],
        [1, '林业局', 1, '贡江镇'],
        [2, '商务局', 2, null],
      ]),
    ])!;
    expect(read.sheet).toBe('单位名录');
    expect(read.entries).toEqual([
      { name: '林业局', aliases: [], kind: '县直单位' },
      { name: '贡江镇', aliases: [], kind: '乡镇' },
      { name: '商务局', aliases: [], kind: '县直单位' },
    ]);
  });

  test('a register alias outranks a built-in name of another unit', () => {
    // The office says 建设局 is its 城市管理局 (a local usage); the built-in rules would read it as 住建局.
    const dir = new UnitDirectory(
      [
        { name: '住建局', aliases: [] },
        { name: '城市管理局', aliases: ['建设局'] },
      ],
      { region: '于都县' },
    );
    expect(dir.match('于都县建设局')?.entry.name).toBe('城市管理局');
    expect(dir.match('住房和城乡建设局')?.entry.name).toBe('住建局');
  });

  test('suggestions only when close', () => {
    const dir = new UnitDirectory(
      ['水利局', '统战部', '自然资源局'].map((name) => ({ name, aliases: [] })),
      { region: '于都县' },
    );
    expect(dir.suggest('税务局')).toBeUndefined();
    expect(dir.suggest('统计局')).toBeUndefined();
    expect(dir.suggest('于都县自然资原局')?.name).toBe('自然资源局');
    expect(dir.suggest('水利委')?.name).toBe('水利局');
  });
});
