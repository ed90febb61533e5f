import type { Grid } from '../../../src/core/grid';
import { readUnitRegister, RegisterMatcher, registerFromQuota } from '../../../src/features/review';
import { YUDU_2020 } from '../../../src/features/tally';

const grid = (values: (string | null)[][]): Grid => ({ name: '单位名单', values, merges: [] });

describe('the units register', () => {
  const quota = new RegisterMatcher(registerFromQuota(YUDU_2020));

  test.each([
    ['住建局', '住建局'],
    ['于都县住房和城乡建设局', '住建局'],
    ['赣州市于都县住房和城乡建设局', '住建局'],
    ['江西省赣州市于都县公安局', '公安局'],
    ['于都县住房和城乡建设局法规股', '住建局'],
    ['于都县公安局交警大队', '公安局'],
    ['县市场监管局', '市场监督管理局'],
    ['中共于都县委统战部', '统战部'],
  ])('%s is %s', (name, unit) => expect(quota.match(name).unit).toBe(unit));

  test('a name of no unit gets no unit', () => {
    expect(quota.match('于都县统计局').unit).toBeUndefined();
    expect(quota.match('贡江镇人民政府').unit).toBeUndefined();
  });

  test('a unit named inside a title or a file name', () => {
    expect(quota.findIn('赣州市于都生态环境局2020年度行政检查事项清单')).toBe('生态环境局');
    expect(quota.findIn('附件2 申报表-林业局')).toBe('林业局');
    expect(quota.findIn('新建 Microsoft Excel 工作表')).toBeUndefined();
  });

  test("the office's own list: names, aliases, 机构代码; townships too", () => {
    const register = readUnitRegister(
      [
        grid([
          ['于都县县直单位和乡镇名单'],
          ['序号', '单位名称', '别名', '统一社会信用代码'],
          ['1', '于都县住房和城乡建设局', '住建局、县建设局', '11360731MB0001001X'],
          ['2', '贡江镇人民政府', '贡江镇', null],
          ['3', '于都县档案馆', null, null],
          ['4', '贡江镇人民政府', null, null],
        ]),
      ],
      '单位名单.xlsx',
      '于都县',
    )!;
    expect(register.units.map((u) => u.name)).toEqual([
      '于都县住房和城乡建设局',
      '贡江镇人民政府',
      '于都县档案馆',
    ]);
    expect(register.units[0]).toMatchObject({ aliases: ['住建局', '县建设局'] });
    const m = new RegisterMatcher(register);
    expect(m.match('县建设局').unit).toBe('于都县住房和城乡建设局');
    expect(m.match('住房和城乡建设局法规股').unit).toBe('于都县住房和城乡建设局');
    expect(m.match('贡江镇').unit).toBe('贡江镇人民政府');
    expect(m.findIn('贡江镇2020年检查事项清单')).toBe('贡江镇人民政府');
    expect(m.match('档案馆').unit).toBe('于都县档案馆');
  });

  test('a list without a header: names in the first column, aliases in the second', () => {
    const register = readUnitRegister(
      [
        grid([
          ['住建局', '建设局'],
          ['林业局', null],
        ]),
      ],
      'units.csv',
      '于都县',
    )!;
    expect(register.units).toEqual([
      { name: '住建局', aliases: ['建设局'] },
      { name: '林业局', aliases: [] },
    ]);
  });

  test('a sheet that names no unit is no register', () => {
    expect(readUnitRegister([grid([['序号', '单位名称']])], 'x.xlsx', '于都县')).toBeUndefined();
  });
});
