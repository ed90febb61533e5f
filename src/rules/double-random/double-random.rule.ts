import type { MessageTable } from '../../core/locale';
import { NO_FINDINGS, type RowRule } from '../../core/rule';

/** Messages of the `doubleRandom` rule. */
export const doubleRandomMessages: MessageTable = {
  'zh-CN': { 'contradicts-method': '"是否纳入双随机"为"否",但检查方式为"{method}";请核对二者是否一致' },
  'en-US': {
    'contradicts-method': 'Marked as not double-random, but the method is "{method}"; check which is right',
  },
};

/** The two fields compared: the 是否纳入双随机 flag (parsed to 是/否) and the 检查方式 text. */
export interface DoubleRandomOptions {
  flag: string;
  method: string;
}

// A constant: a regular expression literal makes a new object each time it is evaluated (here once a row).
const DOUBLE_RANDOM = /双随机/;

/** 是否纳入双随机 vs 检查方式: a row that says 否 but gives a 双随机 method contradicts itself. */
export const doubleRandomRule: RowRule<DoubleRandomOptions> = {
  id: 'doubleRandom',
  messages: doubleRandomMessages,
  severities: { 'contradicts-method': 'warning' },
  start({ flag, method }) {
    return (row) =>
      row.parsed<string>(flag) === '否' && DOUBLE_RANDOM.test(row.text(method))
        ? [{ id: 'contradicts-method', field: flag, params: { method: row.text(method) } }]
        : NO_FINDINGS;
  },
};
