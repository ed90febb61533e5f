import fc from 'fast-check';
import { cellText } from '../../core/normalise';
import { resolveSettings } from '../../core/settings';
import { testRule } from '../../../test/helpers/rule-tester';
import { dateRule } from './date.rule';

const d = (year: number, month: number, day: number) => ({ year, month, day });

testRule(dateRule, {
  valid: [
    // Text as clerks type it (the notice: 3月27日前, 2020年3月19日).
    { cell: '2020年3月27日', value: d(2020, 3, 27) },
    { cell: '2020年03月27日', value: d(2020, 3, 27) },
    { cell: '2020 年 3 月 19 日', value: d(2020, 3, 19) },
    { cell: '2020.03.27', value: d(2020, 3, 27) },
    { cell: '2020.3.27', value: d(2020, 3, 27) },
    { cell: '2020-3-27', value: d(2020, 3, 27) },
    { cell: '2020-03-27', value: d(2020, 3, 27) },
    { cell: '2020/3/27', value: d(2020, 3, 27) },
    { cell: '20200327', value: d(2020, 3, 27) },
    { cell: '２０２０年３月２７日', value: d(2020, 3, 27) },
    { cell: '2020-02-29', value: d(2020, 2, 29) },
    { cell: '二〇二〇年三月十九日', value: d(2020, 3, 19) },
    { cell: '二〇二〇年三月二十七日', value: d(2020, 3, 27) },
    // Host values: a Date, an Excel serial with or without a date format, 20200327 typed as a number.
    { cell: new Date(Date.UTC(2020, 2, 27)), value: d(2020, 3, 27) },
    { cell: 43917, format: 'yyyy/m/d', value: d(2020, 3, 27) },
    { cell: 43917, format: 'yyyy"年"m"月"d"日"', value: d(2020, 3, 27) },
    { cell: 43917, value: d(2020, 3, 27) },
    { cell: 43909, value: d(2020, 3, 19) },
    { cell: 43861, format: 'm/d/yy', value: d(2020, 1, 31) },
    { cell: 20200327, value: d(2020, 3, 27) },
    // Range bounds are inclusive; a schema may narrow them.
    { cell: '1990-01-01', value: d(1990, 1, 1) },
    { cell: '2100-12-31', value: d(2100, 12, 31) },
    { cell: '2019-12-31', ctx: { options: { minYear: 2019, maxYear: 2020 } }, value: d(2019, 12, 31) },
  ],
  invalid: [
    { cell: '2020-02-30', findings: [{ id: 'invalid', params: { received: '2020-02-30' } }] },
    { cell: '2019-02-29', findings: [{ id: 'invalid' }] },
    { cell: '明天', findings: [{ id: 'invalid', params: { received: '明天' } }] },
    { cell: '2020年13月1日', findings: [{ id: 'invalid', params: { received: '2020年13月1日' } }] },
    { cell: '2020年3月', findings: [{ id: 'invalid' }] },
    { cell: '3月27日', findings: [{ id: 'invalid' }] },
    { cell: '2020-3-27 前', findings: [{ id: 'invalid' }] },
    { cell: '20201327', findings: [{ id: 'invalid' }] },
    { cell: '27/3/2020', findings: [{ id: 'invalid' }] },
    { cell: 'N/A', findings: [{ id: 'invalid' }] },
    { cell: true, findings: [{ id: 'invalid' }] },
    { cell: { error: '#VALUE!' }, findings: [{ id: 'invalid', params: { received: '#VALUE!' } }] },
    { cell: -1, findings: [{ id: 'invalid' }] },
    { cell: new Date(Number.NaN), findings: [{ id: 'invalid' }] },
    // Out of range: year before 1990 or after 2100.
    { cell: '1989-12-31', findings: [{ id: 'out-of-range', params: { year: 1989 } }] },
    { cell: '2101-01-01', findings: [{ id: 'out-of-range', params: { year: 2101 } }] },
    { cell: '0202-03-27', findings: [{ id: 'out-of-range', params: { year: 202 } }] },
    { cell: 5, findings: [{ id: 'out-of-range', params: { year: 1900 } }] },
    { cell: 19000101, findings: [{ id: 'out-of-range', params: { year: 1900 } }] },
    {
      cell: '2018-12-31',
      ctx: { options: { minYear: 2019 } },
      findings: [{ id: 'out-of-range', params: { year: 2018, min: 2019 } }],
    },
  ],
});

describe('date properties', () => {
  const settings = resolveSettings();
  test('parse never throws on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        dateRule.parse({ text: cellText(s), value: s }, { settings });
      }),
    );
  });
  test('parse never throws on any number', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        dateRule.parse({ text: cellText(n), value: n }, { settings });
      }),
    );
  });
  test('a real date reads back the same in every spelling', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (date) => {
          const [y, m, dd] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          for (const text of [
            `${y}年${m}月${dd}日`,
            `${y}-${m}-${dd}`,
            `${y}/${m}/${dd}`,
            `${y}.${m}.${dd}`,
          ]) {
            expect(dateRule.parse({ text, value: text }, { settings })).toEqual({
              ok: true,
              value: d(y, m, dd),
              findings: [],
            });
          }
        },
      ),
    );
  });
});
