import type { MessageTable } from '../../core/locale';
import { parseChineseNumber } from '../../core/normalise';
import { type Rule, fail, ok } from '../../core/rule';

/** Messages of the `seq` rule; the engine reports `not-sequential` when a 序号 does not follow the one above. */
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

// 1, 01, 1., 1、, (1), 第1, 1号; full-width brackets are already half-width in the cell text.
const SEQ = /^(?:第)?\(?(\d+|[一二三四五六七八九十百零〇两]+)\)?[.、)]?(?:号)?$/;

/** 序号: a whole number, also written 01, 1., 1、, (1), （一）; the value is the number. */
export const seqRule: Rule<number> = {
  id: 'seq',
  messages: seqMessages,
  parse({ text, value }) {
    if (typeof value === 'number') {
      return Number.isInteger(value) && value >= 0 ? ok(value) : fail('not-integer', { received: text });
    }
    const m = SEQ.exec(text.replace(/\s/g, ''));
    const n = m ? parseChineseNumber(m[1]) : undefined;
    return n !== undefined && Number.isSafeInteger(n) ? ok(n) : fail('not-integer', { received: text });
  },
};
