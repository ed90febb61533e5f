import { YUDU_2020 } from '../../../src/features/tally/quota-table';
import { UnitMatcher, unitKey, unitNameIn } from '../../../src/features/tally/unit-names';

const matcher = new UnitMatcher(YUDU_2020);

describe('unit names matched to the Yudu 2020 quota table', () => {
  test.each([
    // The table's own names, with county prefixes, spaces, brackets, stamps.
    ['工信局', '工信局'],
    ['于都县工信局', '工信局'],
    ['于都工信局', '工信局'],
    ['县工信局', '工信局'],
    [' 于都县 工信局 ', '工信局'],
    ['于都县工信局(盖章)', '工信局'],
    ['于都县市场监督管理局（县知识产权局）', '市场监督管理局'],
    // Full names and abbreviations.
    ['于都县工业和信息化局', '工信局'],
    ['于都县教育科技体育局', '教科体局'],
    ['人力资源和社会保障局', '人社局'],
    ['于都县医疗保障局', '医保局'],
    ['于都县住房和城乡建设局', '住建局'],
    ['交通局', '交通运输局'],
    ['于都县文化广电新闻出版旅游局', '文广新旅局'],
    ['于都县发展和改革委员会', '发改委'],
    ['发展改革委', '发改委'],
    ['城市管理局', '城管局'],
    ['应急局', '应急管理局'],
    // Alternative official names both ways.
    ['市场监管局', '市场监督管理局'],
    ['县市场监管局', '市场监督管理局'],
    ['卫生健康委员会', '卫健委'],
    ['于都县卫生健康委员会', '卫健委'],
    ['县卫健委', '卫健委'],
    // Party committee departments.
    ['县委统战部', '统战部'],
    ['中共于都县委统战部', '统战部'],
    ['于都县委统一战线工作部', '统战部'],
    // Former names (机构改革).
    ['环保局', '生态环境局'],
    ['国土资源局', '自然资源局'],
    ['兴国县工信局', '工信局'],
  ])('%s → %s', (name, unit) => {
    expect(matcher.match(name).unit).toBe(unit);
  });

  test.each([
    ['自然资原局', '自然资源局'],
    ['于都县自然资原局', '自然资源局'],
    ['市场监督管里局', '市场监督管理局'],
    ['住建委', '住建局'],
    ['于都县文化局', '文广新旅局'],
    // Only close names are suggested: 税务局 is not 水利局, 统计局 is not 统战部.
    ['于都县税务局', undefined],
    ['于都县统计局', undefined],
    ['县档案局', undefined],
    ['气象局', undefined],
  ])('%s is unknown, suggested %s', (name, suggestion) => {
    const m = matcher.match(name);
    expect(m.unit).toBeUndefined();
    expect(m.suggestion).toBe(suggestion);
  });

  test.each([
    // City and province prefixes.
    ['赣州市于都县住房和城乡建设局', '住建局'],
    ['江西省于都县公安局', '公安局'],
    ['江西省赣州市于都县市场监督管理局', '市场监督管理局'],
    ['赣州市于都县卫生健康委员会', '卫健委'],
    // Sub-units.
    ['于都县公安局交警大队', '公安局'],
    ['于都县住房和城乡建设局法规股', '住建局'],
    ['县市场监督管理局城关分局', '市场监督管理局'],
    ['于都县自然资源局执法大队', '自然资源局'],
    ['赣州市于都县生态环境局综合执法大队', '生态环境局'],
  ])('%s → %s (prefix or sub-unit)', (name, unit) => {
    expect(matcher.match(name).unit).toBe(unit);
  });

  test('a table that writes the full name matches the abbreviation too', () => {
    const other = new UnitMatcher({
      ...YUDU_2020,
      region: '兴国县',
      units: [
        { unit: '市场监管局', quota: 3 },
        { unit: '卫生健康委员会', quota: 1 },
      ],
    });
    expect(other.match('兴国县市场监督管理局').unit).toBe('市场监管局');
    expect(other.match('卫健委').unit).toBe('卫生健康委员会');
    expect(other.match('工信局').unit).toBeUndefined();
  });

  test('a table unit named inside a title, sheet or file name', () => {
    expect(matcher.findIn('于都县林业局-监测点企业申报表')?.unit).toBe('林业局');
    expect(matcher.findIn('填报单位(盖章):于都县住房和城乡建设局')?.unit).toBe('住建局');
    expect(matcher.findIn('于都县卫生健康委员会行政检查监测点企业申报表')?.unit).toBe('卫健委');
    expect(matcher.findIn('行政检查监测点企业申报表')).toBeUndefined();
    expect(matcher.findIn('Sheet1')).toBeUndefined();
  });

  test('a unit-like name read from a file name', () => {
    expect(unitNameIn('于都县档案局-监测点申报表')).toBe('于都县档案局');
    expect(unitNameIn('监测点申报表_县档案局')).toBe('县档案局');
    expect(unitNameIn('行政检查监测点企业申报表')).toBeUndefined();
  });

  test('keys', () => {
    expect(unitKey('于都县卫生健康委员会', '于都县')).toBe('卫生健康委');
    expect(unitKey('县委统战部')).toBe('统战部');
  });
});
