import type { CellValue } from '../../../src/core/grid';
import { compareLists, listsAgree } from '../../../src/features/compare/compare-lists';
import { differenceRows } from '../../../src/features/compare/compare-sheet';
import { nameKey, sameValue, textKey } from '../../../src/features/compare/field-compare';
import { matchItems, similarity } from '../../../src/features/compare/match-items';
import { readList, readMeta } from '../../../src/features/compare/read-list';
import { usccCheckChar } from '../../../src/rules/uscc/uscc.rule';
import { HEAD, list, row, sheet } from '../../helpers/list-grid';

describe('sameValue: fields compared by meaning', () => {
  test.each([
    ['ratio', '5%', '5%', true],
    ['ratio', '5%', '百分之五', true],
    ['ratio', '5%', '0.05', true],
    ['ratio', '5%', '10%', false],
    ['ratio', '不低于5%', '5%', false],
    ['ratio', '不低于5%', '≥5%', true],
    ['ratio', '5%-10%', '5-10%', true],
    ['ratio', '根据实际情况确定', '根据实际情况确定', true],
    ['ratio', '', '5%', false],
    ['frequency', '每年1次', '1次/年', true],
    ['frequency', '每年一次', '=1', true],
    ['frequency', '每半年一次', '2次/年', true],
    ['frequency', '至少1次', '每年1次', false],
    ['frequency', '每季度', '每年4次', true],
    ['frequency', '每年1次20%；或者每年2次各10%', '每年1-2次', true],
    ['ratio', '每年1次20%；或者每年2次各10%', '20%', true],
    ['frequency', '每年1次33%;或者每年分次达到33%', '每年至少1次', true],
    ['frequency', '每年1次33%;或者每年分次达到33%', '每年1次', false],
    ['ratio', '企业数10家及以下的县不少于2家,企业数超过10家的县不低于50%', '不低于50%', false],
    ['method', '双随机抽查、重点检查', '重点检查,双随机抽查', true],
    ['method', '双随机抽查', '双随机抽查、重点检查', false],
    ['basis', '《中华人民共和国食品安全法》第一百一十条', '《中华人民共和国食品安全法》 第110条', true],
    ['basis', '《食品安全法》第一百一十条', '《食品安全法》第一百一十一条', false],
    ['object', '食品生产企业', '食品生产企业。', true],
  ] as const)('%s: %s vs %s → %s', (field, a, b, same) => {
    expect(sameValue(field, a, b)).toBe(same);
  });

  test('keys drop spaces, punctuation and width differences', () => {
    expect(nameKey(' 食品生产企业“监督”检查 ')).toBe(nameKey('食品生产企业监督检查'));
    expect(textKey('《计量法》第１８条')).toBe(textKey('《计量法》第十八条'));
  });
});

describe('readList: the same reader as drc check', () => {
  test('a ratio typed as text and one stored as 0.05 with a % format read the same', () => {
    const read = list(sheet('S', [], HEAD, [row(1, '甲', '5%'), row(2, '乙', 0.1)], { '1,6': '0%' }));
    expect(read.items.map((i) => i.texts.ratio)).toEqual(['5%', '10%']);
  });

  test('a combined 抽查比例及频次 column is split into both fields', () => {
    const head = ['序号', '抽查事项', '抽查依据', '抽查主体', '抽查对象', '抽查方式', '抽查比例及频次'];
    const read = list(
      sheet('S', [], head, [[1, '甲', '《法》', '某局', '企业', '双随机抽查', '5%,每年1次']]),
    );
    expect(read.items[0]!.texts).toMatchObject({ ratio: '5%', frequency: '每年1次' });
  });

  test('a 检查主体 merged down is the value of every row under it', () => {
    const grid = sheet('S', [], HEAD, [
      row(1, '甲'),
      [2, '乙', '《法》', null, '企业', '双随机抽查', '5%', '每年1次'],
    ]);
    grid.merges.push({ top: 2, left: 4, bottom: 3, right: 4 });
    expect(list(grid).items[1]!.texts.agency).toBe('于都县市场监督管理局');
  });

  test('rows marked 删除 keep their declared type; notes and signature lines are not items', () => {
    const head = [...HEAD, '调整类型', '调整原因'];
    const read = list(
      sheet('S', [], head, [
        [...row(1, '甲'), '删除', '机构改革'],
        [...row(2, '乙'), '修改(比例)', ''],
        ['备注:本表由系统导出'],
        ['填报人:王小明'],
      ]),
    );
    expect(read.items.map((i) => [i.itemName, i.adjustType, i.reason])).toEqual([
      ['甲', '删除', '机构改革'],
      ['乙', '修改', ''],
    ]);
  });

  test('readList skips sheets that are not lists', () => {
    const notes = { name: '填表说明', values: [['本表由各单位法制机构审核']], merges: [] };
    expect(readList([notes, sheet('清单', [], HEAD, [row(1, '甲')])])?.sheet).toBe('清单');
    expect(readList([notes])).toBeUndefined();
  });

  test.each([
    [
      [
        ['于都县市场监督管理局2020年度行政检查事项清单'],
        ['填报单位(盖章):于都县市场监督管理局', null, '填报日期:2020年3月25日'],
      ],
      { unit: '于都县市场监督管理局', year: 2020 },
    ],
    [[['于都县应急管理局2019年度行政检查事项清单']], { unit: '于都县应急管理局', year: 2019 }],
    [[['行政检查事项清单'], ['填报单位（印章）：', '于都县林业局']], { unit: '于都县林业局' }],
    [[['双随机抽查事项清单'], ['机构代码:11360731014258003K']], { agencyCode: '11360731014258003K' }],
    [[['于都县应急管理局行政检查事项清单(2020年)']], { unit: '于都县应急管理局', year: 2020 }],
    [[['于都县市场监督管理局检查实施清单(互联网+监管系统导出)']], { unit: '于都县市场监督管理局' }],
  ] as Array<[Array<Array<string | null>>, object]>)('readMeta %#', (lines, expected) => {
    expect(readMeta(lines.map((l) => l.filter((c): c is string => c !== null)))).toMatchObject(expected);
  });
});

describe('matchItems', () => {
  const a = list(
    sheet('A', [], HEAD, [
      row(1, '食品生产企业监督检查'),
      row(2, '对网络交易平台经营者的检查', '5%', '每年1次', { object: '网络交易平台' }),
      row(3, '商品条码使用单位检查', '5%', '每年1次', { object: '系统成员' }),
      row(4, '棉花质量监督检查', '5%', '每年1次', { basis: '《棉花质量监督管理条例》', object: '棉花企业' }),
    ]),
  );
  const b = list(
    sheet('B', [], HEAD, [
      row(1, '商品条码印刷企业检查', '5%', '每年1次', { object: '印刷企业' }),
      row(2, '网络交易平台经营者监督检查', '5%', '每年1次', { object: '网络交易平台' }),
      row(3, ' 食品生产企业监督检查。'),
      row(4, '电动自行车销售企业检查', '5%', '每年1次', {
        basis: '《产品质量法》',
        object: '电动自行车销售企业',
      }),
    ]),
  );

  test('by normalised name whatever the order; renamed items by similarity; unlike ones are not paired', () => {
    const m = matchItems(a.items, b.items);
    expect(m.pairs.map((p) => [p.previous.itemName, p.current.itemName.trim(), p.how])).toEqual([
      ['对网络交易平台经营者的检查', '网络交易平台经营者监督检查', 'similar'],
      ['食品生产企业监督检查', '食品生产企业监督检查。', 'name'],
    ]);
    expect(m.uncertain.map((u) => [u.previous.itemName, u.current.itemName])).toEqual([
      ['商品条码使用单位检查', '商品条码印刷企业检查'],
    ]);
    expect(m.onlyPrevious.map((i) => i.itemName)).toEqual(['商品条码使用单位检查', '棉花质量监督检查']);
    expect(m.onlyCurrent.map((i) => i.itemName)).toEqual(['商品条码印刷企业检查', '电动自行车销售企业检查']);
  });

  test('the similarity score weighs the name and whether 检查依据 and 检查对象 agree', () => {
    const [x, y] = [a.items[1], b.items[1]];
    expect(similarity(x!, y!)).toBeGreaterThanOrEqual(0.75);
    expect(similarity(a.items[2]!, b.items[0]!)).toBeGreaterThanOrEqual(0.45);
    expect(similarity(a.items[2]!, b.items[0]!)).toBeLessThan(0.75);
    expect(similarity(a.items[3]!, b.items[3]!)).toBeLessThan(0.45);
  });

  test('item codes pair items whose names differ completely', () => {
    const head = ['检查实施清单编码', ...HEAD.slice(1)];
    const x = list(
      sheet('A', [], head, [
        ['3607310001', '甲事项', '《法》', '某局', '企业', '双随机抽查', '5%', '每年1次'],
      ]),
    );
    const y = list(
      sheet('B', [], head, [
        ['3607310001', '完全不同的名字', '《法》', '某局', '企业', '双随机抽查', '5%', '每年1次'],
      ]),
    );
    expect(matchItems(x.items, y.items).pairs.map((p) => p.how)).toEqual(['code']);
  });

  test('a confirmation pairs an uncertain pair; a name standing alone is never paired by similarity', () => {
    const confirm = {
      sheet: '确认',
      pairs: [{ previous: '商品条码使用单位检查', current: '商品条码印刷企业检查', line: 2 }],
      alone: [
        { name: '对网络交易平台经营者的检查', side: 'previous' as const, line: 3 },
        { name: '不存在的事项', side: 'current' as const, line: 4 },
      ],
    };
    const m = matchItems(a.items, b.items, confirm);
    expect(m.pairs.map((p) => [p.previous.itemName, p.how])).toContainEqual([
      '商品条码使用单位检查',
      'confirmed',
    ]);
    expect(m.pairs.map((p) => p.previous.itemName)).not.toContain('对网络交易平台经营者的检查');
    expect(m.unknown).toEqual([{ name: '不存在的事项', side: 'current', line: 4 }]);
  });
});

describe('compareLists', () => {
  const code = (s: string) => s + usccCheckChar(s);
  const good = code('11360731014258003');
  const head = [...HEAD, '机构代码'];
  const withCode = (r: CellValue[], c: string) => [...r, c];

  test('counts, names in one list only, differences by meaning, 机构代码', () => {
    const x = list(
      sheet('A', [], head, [
        withCode(row(1, '甲', '5%', '每年1次'), good),
        withCode(row(2, '乙', '5%'), good),
        withCode(row(3, '丙'), good),
      ]),
    );
    const y = list(
      sheet(
        'B',
        [],
        head,
        [
          withCode(row(1, '乙', '10%'), `${good.slice(0, 17)}X`),
          withCode(row(2, '甲', 0.05, '=1'), `${good.slice(0, 17)}X`),
        ],
        { '1,6': '0%' },
      ),
    );
    const r = compareLists(x, y);
    expect(r).toMatchObject({ countA: 3, countB: 2, onlyInA: ['丙'], onlyInB: [] });
    expect(r.differences.map((d) => [d.itemName, d.field, d.a, d.b])).toEqual([['乙', 'ratio', '5%', '10%']]);
    expect(r.agencyCode).toEqual({
      a: good,
      b: `${good.slice(0, 17)}X`,
      same: false,
      validA: true,
      validB: false,
    });
    expect(listsAgree(r)).toBe(false);
    expect(differenceRows(r).map((d) => d[0])).toEqual(['事项数量', '仅清单A有', '内容不一致', '机构代码']);
  });

  test('two exports that agree', () => {
    const x = list(sheet('A', [], head, [withCode(row(1, '甲'), good)]));
    const y = list(sheet('B', [], head, [withCode(row(1, '甲', '百分之五', '1次/年'), good)]));
    const r = compareLists(x, y);
    expect(listsAgree(r)).toBe(true);
    expect(differenceRows(r)).toEqual([]);
  });
});
