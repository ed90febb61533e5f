import { localiseTemplate } from './locale';
import {
  cellText,
  excelSerialToDate,
  isoDate,
  normaliseLabel,
  normaliseText,
  parseChineseNumber,
  parseDate,
  replaceChineseNumbers,
  toHalfWidth,
} from './normalise';

describe('toHalfWidth / normaliseText', () => {
  test.each([
    ['１２３％', '123%'],
    ['ＡＢＣ，；：（）', 'ABC,;:()'],
    ['不低于５％', '不低于5%'],
    ['中文不变，只换标点', '中文不变,只换标点'],
  ])('%s → %s', (input, out) => expect(toHalfWidth(input)).toBe(out));

  test.each([
    ['\u00A0\u00A0', ''],
    [' 抽查\n比例 ', '抽查 比例'],
    ['5%\r\n每年1次', '5% 每年1次'],
    ['\u3000食品\u3000\u3000安全\u200B', '食品 安全'],
    ['\uFEFF序号', '序号'],
  ])('%j → %j', (input, out) => expect(normaliseText(input)).toBe(out));

  test('labels lose spaces, breaks, brackets and stars', () => {
    expect(normaliseLabel('抽查 比例\n（%）*')).toBe('抽查比例%');
    expect(normaliseLabel('检 查 事 项')).toBe('检查事项');
  });
});

describe('cellText', () => {
  test.each<[unknown, string | undefined, string]>([
    [0.05, '0%', '5%'],
    [0.05, '0.00%', '5%'],
    [0.1, '0%', '10%'],
    [0.005, '0.0%', '0.5%'],
    [0.05, undefined, '0.05'],
    [12, 'General', '12'],
    [360731210001234, undefined, '360731210001234'],
    [0.1 + 0.2, undefined, '0.3'],
    [43917, 'yyyy"年"m"月"d"日"', '2020-03-27'],
    [43917, 'yyyy-mm-dd', '2020-03-27'],
    [new Date(Date.UTC(2020, 2, 27)), undefined, '2020-03-27'],
    [{ error: '#N/A' }, undefined, '#N/A'],
    [true, undefined, 'TRUE'],
    [null, undefined, ''],
    ['  ５％ ', undefined, '5%'],
  ])('%j [%s] → %s', (value, format, text) => expect(cellText(value as never, format)).toBe(text));

  test('a number with a % format equals the same text with %', () => {
    expect(cellText(0.05, '0%')).toBe(cellText('5%'));
    expect(cellText(0.3, '0%')).toBe(cellText('３０％'));
  });
});

describe('dates', () => {
  test('Excel serials, including the 1900 leap-year bug', () => {
    expect(isoDate(excelSerialToDate(1))).toBe('1900-01-01');
    expect(isoDate(excelSerialToDate(61))).toBe('1900-03-01');
    expect(isoDate(excelSerialToDate(43917))).toBe('2020-03-27');
  });
  test.each([
    ['2020年3月27日', { year: 2020, month: 3, day: 27 }],
    ['2020.03.27', { year: 2020, month: 3, day: 27 }],
    ['2020-3-27', { year: 2020, month: 3, day: 27 }],
    ['2020/3/27', { year: 2020, month: 3, day: 27 }],
    ['２０２０年３月２７日', { year: 2020, month: 3, day: 27 }],
    ['20200327', { year: 2020, month: 3, day: 27 }],
    ['2020-02-30', undefined],
    ['2020年13月1日', undefined],
    ['明天', undefined],
  ])('%s', (text, expected) => expect(parseDate(text)).toEqual(expected));
  test('serial numbers', () => expect(parseDate(43917)).toEqual({ year: 2020, month: 3, day: 27 }));
});

describe('Chinese numerals', () => {
  test.each([
    ['五', 5],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['一百零五', 105],
    ['两', 2],
    ['二〇二〇', 2020],
    ['12', 12],
    ['五斤', undefined],
    ['', undefined],
  ])('%s → %s', (text, n) => expect(parseChineseNumber(text)).toBe(n));
  test.each([
    ['百分之五', '5%'],
    ['百分之十五', '15%'],
    ['每年两次', '每年2次'],
    ['每月一次', '每月1次'],
    ['每季度一次', '每季度1次'],
    ['一般不超过两次', '一般不超过2次'],
    ['结合年检一并开展', '结合年检一并开展'],
    ['统一', '统一'],
    ['第一条', '第1条'],
    ['第一百一十条', '第110条'],
    ['二〇二〇年三月二十七日', '2020年3月27日'],
    ['一年一次', '1年1次'],
  ])('%s → %s', (text, out) => expect(replaceChineseNumbers(text)).toBe(out));
});

describe('localiseTemplate', () => {
  test('ASCII punctuation after Chinese text becomes full-width in zh-CN only', () => {
    expect(localiseTemplate('比例超出范围:{value}%,应在 0%–100% 之间;请改正', 'zh-CN')).toBe(
      '比例超出范围：{value}%，应在 0%–100% 之间；请改正',
    );
    expect(localiseTemplate('如 1次/年、10%(20户)', 'zh-CN')).toBe('如 1次/年、10%(20户)');
    expect(localiseTemplate('Out of range: {value}%, expected 0–100%', 'en-US')).toBe(
      'Out of range: {value}%, expected 0–100%',
    );
  });
});
