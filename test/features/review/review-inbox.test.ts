import type { Grid } from '../../../src/core/grid';
import { type InboxFile, reviewFile, reviewInbox } from '../../../src/features/review';
import { HEAD, row, sheet } from '../../helpers/list-grid';

const CODE = '11360731MB0001009X';
const listGrid = (title: string | null, agency = '于都县市场监督管理局', code = ''): Grid =>
  sheet(
    '清单',
    title ? [[title]] : [],
    [...HEAD, '机构代码'],
    [
      [...row(1, '食品生产企业监督检查').map((v, i) => (i === 3 ? agency : v)), code],
      [...row(2, '食品经营企业监督检查').map((v, i) => (i === 3 ? agency : v)), code],
    ],
  );
const file = (path: string, grids?: Grid[]): InboxFile => ({
  file: path,
  folder: path.split('/').slice(0, -1).join('/'),
  ...(grids ? { grids } : { error: { code: 'file/corrupt', message: '已损坏' } }),
});
const review = (files: InboxFile[]) => reviewInbox(files.map((f) => reviewFile(f)));
const unitOf = (r: ReturnType<typeof review>, path: string) => r.files.find((f) => f.file === path);

describe('which unit a file belongs to', () => {
  test('the folder, a title, a stamp line, the file name, the 检查主体 column', () => {
    const r = review([
      file('住建局/新建 Microsoft Excel 工作表.xlsx', [listGrid(null, '')]),
      file('清单1.xlsx', [listGrid('于都县水利局2020年度行政检查事项清单', '')]),
      file('清单2.xlsx', [
        sheet('清单', [['填报单位(盖章):于都县林业局']], HEAD, [row(1, '林木种子生产经营检查')]),
      ]),
      file('附件1 清单-商务局.xlsx', [listGrid(null, '')]),
      file('导出.xlsx', [listGrid(null, '于都县公安局交警大队')]),
    ]);
    expect(r.files.map((f) => [f.file, f.units, f.unitSource])).toEqual([
      ['住建局/新建 Microsoft Excel 工作表.xlsx', ['住建局'], 'folder'],
      ['清单1.xlsx', ['水利局'], 'title'],
      ['清单2.xlsx', ['林业局'], 'stamp'],
      ['附件1 清单-商务局.xlsx', ['商务局'], 'file'],
      ['导出.xlsx', ['公安局'], 'agency'],
    ]);
  });

  test('the nearest folder that names a unit; a folder that disagrees with the title is reported', () => {
    const r = review([
      file('第一批/林业局/附件/清单.xlsx', [listGrid(null, '')]),
      file('水利局/清单.xlsx', [listGrid('于都县林业局2020年度行政检查事项清单', '')]),
    ]);
    expect(unitOf(r, '第一批/林业局/附件/清单.xlsx')?.units).toEqual(['林业局']);
    expect(unitOf(r, '水利局/清单.xlsx')?.units).toEqual(['水利局']);
    const water = r.units.find((u) => u.unit === '水利局')!;
    expect(water.issues.find((i) => i.code === 'review/unit-conflict')?.params).toMatchObject({
      folder: '水利局',
      named: '于都县林业局',
      unit: '水利局',
    });
  });

  test('a file that gives only its 机构代码 goes with the unit whose other file has that code', () => {
    const r = review([
      file('住建局/2019年清单.xlsx', [listGrid(null, '', CODE)]),
      file('平台导出.xlsx', [listGrid(null, '', CODE)]),
    ]);
    expect([unitOf(r, '平台导出.xlsx')?.units, unitOf(r, '平台导出.xlsx')?.unitSource]).toEqual([
      ['住建局'],
      'code',
    ]);
  });

  test('a file of no unit, and one of a unit outside the register, are listed with the reason', () => {
    const r = review([
      file('说明.xlsx', [sheet('Sheet1', [], ['收文日期', '文件名'], [['2020-03-25', '清单']])]),
      file('统计局/清单.xlsx', [listGrid('于都县统计局2020年度行政检查事项清单', '')]),
    ]);
    expect(
      r.unassigned.map((u) => [u.file.file, u.file.kind, u.issue.code, u.issue.params.text ?? null]),
    ).toEqual([
      ['说明.xlsx', 'other', 'review/no-unit', null],
      ['统计局/清单.xlsx', 'checklist', 'review/unknown-unit-no-match', '于都县统计局'],
    ]);
  });
});

describe("a unit's deliverables", () => {
  test('an unreadable file is listed under its unit, with its reason, and delivers nothing', () => {
    const r = review([file('公安局/清单.xlsx')]);
    const police = r.units.find((u) => u.unit === '公安局')!;
    expect(police.files.map((f) => [f.file, f.kind])).toEqual([['公安局/清单.xlsx', 'unreadable']]);
    expect(police.deliverables.checklist).toBe('missing');
    expect(police.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['review/unreadable', 'review/missing-checklist']),
    );
    expect(r.summary).toMatchObject({ units: 23, complete: 0, missing: 23, files: 1 });
  });

  test("this year's list is used over last year's; both are listed", () => {
    const r = review([
      file('林业局/2019.xlsx', [listGrid('于都县林业局2019年度行政检查事项清单', '')]),
      file('林业局/2020.xlsx', [
        sheet('清单', [['于都县林业局2020年度行政检查事项清单']], HEAD, [row(1, '林木种子生产经营检查')]),
      ]),
    ]);
    const forest = r.units.find((u) => u.unit === '林业局')!;
    expect([forest.list?.file, forest.list?.stats.items, r.year]).toEqual(['林业局/2020.xlsx', 1, 2020]);
    expect(forest.issues.map((i) => i.code)).toContain('review/several-lists');
  });

  test('a 无动态调整 statement counts as the adjustment report, and is ok', () => {
    const statement = sheet('Sheet1', [], ['于都县林业局2020年度行政检查事项清单无动态调整'], []);
    const r = review([file('林业局/说明.xlsx', [statement])]);
    const forest = r.units.find((u) => u.unit === '林业局')!;
    expect([forest.files[0]!.kind, forest.deliverables.adjustment, forest.report?.statement]).toEqual([
      'adjustment',
      'ok',
      true,
    ]);
  });
});

test('a report of only 序号, 事项名称, 调整类型 and 调整原因 is a report, not a list', () => {
  const grid = sheet(
    'Sheet1',
    [['于都县林业局动态调整情况表']],
    ['序号', '事项名称', '调整类型', '调整原因'],
    [[1, '林木种子生产经营检查', '新增', '监管实际']],
  );
  const f = reviewFile(file('林业局/情况表.xlsx', [grid]));
  expect([f.kinds, f.report?.entries.length, f.issues]).toEqual([['adjustment'], 1, []]);
});

test('a workbook holding a list and a declaration list is both, and only the declaration sheet is tallied', () => {
  const declarations = sheet(
    '申报表',
    [['行政检查监测点企业申报表']],
    [
      '序号',
      '申报单位',
      '企业名称',
      '法定代表人',
      '地址',
      '行业',
      '联系人',
      '联系电话',
      '规模',
      '是否为民营企业',
    ],
    [
      [
        1,
        '市场监督管理局',
        '于都县某某食品有限公司',
        '张三',
        '于都县贡江镇',
        '食品',
        '李四',
        '13907970001',
        '小型',
        '是',
      ],
    ],
  );
  const f = reviewFile(file('市场监管局/报送材料.xlsx', [listGrid(null), declarations]));
  expect(f.kinds).toEqual(['checklist', 'declaration']);
  expect(f.declarationSheets.map((g) => g.name)).toEqual(['申报表']);
});
