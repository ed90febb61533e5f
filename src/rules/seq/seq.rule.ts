import type { MessageTable } from '../../core/locale';
import { parseChineseNumber } from '../../core/normalise';
import type { Severity } from '../../core/issue';
import { NO_FINDINGS, type Rule, type RowRule, fail, ok } from '../../core/rule';

/** Messages of the `seq` rules: a 序号 that is no number (the cell rule), one out of order (the row rule). */
export const seqMessages: MessageTable = {
  'zh-CN': {
    'not-integer': '序号“{received}”不是整数',
    'not-sequential': '序号不连续:应为{expected},实际为{received}',
  },
  'en-US': {
    'not-integer': 'Sequence number "{received}" is not a whole number',
    'not-sequential': 'Sequence number out of order: expected {expected}, found {received}',
  },
};

const seqSeverities: Record<string, Severity> = { 'not-integer': 'warning', 'not-sequential': 'warning' };

// 1, 01, 1., 1、, (1), 第1, 1号; full-width brackets are already half-width in the cell text.
const SEQ = /^(?:第)?\(?(\d+|[一二三四五六七八九十百零〇两]+)\)?[.、)]?(?:号)?$/;

/** 序号: a whole number, also written 01, 1., 1、, (1), （一）; the value is the number. */
export const seqRule: Rule<number> = {
  id: 'seq',
  messages: seqMessages,
  severities: seqSeverities,
  parse({ text, value }) {
    if (typeof value === 'number') {
      return Number.isInteger(value) && value >= 0 ? ok(value) : fail('not-integer', { received: text });
    }
    const m = SEQ.exec(text.replace(/\s/g, ''));
    const n = m?.[1] !== undefined ? parseChineseNumber(m[1]) : undefined;
    return n !== undefined && Number.isSafeInteger(n) ? ok(n) : fail('not-integer', { received: text });
  },
};

/**
 * 序号 in order: each number written in its own cell follows the one above by one (a merged or borrowed 序号 is
 * not a new number). The field holds the `seq` cell rule's parsed value.
 */
export const seqOrderRule: RowRule<{ field: string }> = {
  id: 'seq',
  messages: seqMessages,
  severities: seqSeverities,
  start({ field }) {
    let previous: number | undefined;
    return (row) => {
      if (!row.own(field)) return NO_FINDINGS;
      const seq = row.parsed<number>(field);
      if (typeof seq !== 'number') return NO_FINDINGS;
      const expected = previous === undefined ? seq : previous + 1;
      previous = seq;
      return seq === expected
        ? NO_FINDINGS
        : [{ id: 'not-sequential', field, received: String(seq), params: { expected, received: seq } }];
    };
  },
};
