import type { MessageTable } from '../../core/locale';
import { parseDate, replaceChineseNumbers } from '../../core/normalise';
import { type Rule, fail, ok } from '../../core/rule';

/** A calendar date as read from a cell. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Default plausible years; a schema may pass `{ minYear, maxYear }` in the rule options. */
export const DATE_YEAR_RANGE = { minYear: 1990, maxYear: 2100 } as const;

/** Messages of the `date` rule. */
export const dateMessages: MessageTable = {
  'zh-CN': {
    invalid: '“{received}”不是有效日期(应写成2020年3月27日、2020-3-27、2020/3/27、2020.03.27或20200327)',
    'out-of-range': '年份{year}不合理(应在{min}年至{max}年之间)',
  },
  'en-US': {
    invalid:
      '"{received}" is not a valid date (write 2020年3月27日, 2020-3-27, 2020/3/27, 2020.03.27 or 20200327)',
    'out-of-range': 'Year {year} is implausible (expected {min}–{max})',
  },
};

/** A number cell typed as 20200327 (no date format) → the same digits as text; otherwise undefined. */
function yyyymmdd(value: number): string | undefined {
  return Number.isInteger(value) && value >= 10000101 && value <= 99991231 ? String(value) : undefined;
}

/** 日期: a date value, an Excel serial (with or without a date format), or text in the usual Chinese spellings. */
export const dateRule: Rule<CalendarDate> = {
  id: 'date',
  messages: dateMessages,
  parse({ text, value, format }) {
    let date: CalendarDate | undefined;
    if (value instanceof Date) date = parseDate(value);
    else if (typeof value === 'number') date = parseDate(yyyymmdd(value) ?? value, format);
    // 二〇二〇年三月二十七日, as stamped documents write it.
    else date = parseDate(text) ?? parseDate(replaceChineseNumbers(text));
    return date ? ok(date) : fail('invalid', { received: text });
  },
  check(date, ctx) {
    const minYear = Number(ctx.options?.minYear ?? DATE_YEAR_RANGE.minYear);
    const maxYear = Number(ctx.options?.maxYear ?? DATE_YEAR_RANGE.maxYear);
    if (date.year >= minYear && date.year <= maxYear) return [];
    return [{ id: 'out-of-range', params: { year: date.year, min: minYear, max: maxYear } }];
  },
};
