import type { MessageTable } from '../../core/locale';
import { NO_FINDINGS, type RowFinding, type RowRule } from '../../core/rule';

/** Messages of the `consistent` rule. */
export const consistentMessages: MessageTable = {
  'zh-CN': {
    differs: '"{fieldLabel}"与第 {firstRow} 行不一致(第 {firstRow} 行为 {first});同一单位的该项应完全相同',
  },
  'en-US': {
    differs: '"{fieldLabel}" differs from row {firstRow} ({first}); it must be the same for the whole unit',
  },
};

// Why a constant: a regular expression literal makes a new object each time it is evaluated, here once a row.
const SPACES = /\s/g;

/** 一致: each field named (e.g. 机构代码) holds the same value on every row that fills it (spaces and case aside). */
export const consistentRule: RowRule<{ fields: readonly string[] }> = {
  id: 'consistent',
  messages: consistentMessages,
  severities: { differs: 'error' },
  start({ fields }) {
    const firsts = new Map<string, { text: string; row: number }>();
    return (row, r) => {
      let out: RowFinding[] | undefined;
      for (let k = 0; k < fields.length; k++) {
        const field = fields[k]!;
        const written = row.text(field);
        if (written === '') continue;
        const text = written.replace(SPACES, '').toUpperCase();
        if (text === '') continue;
        const first = firsts.get(field);
        if (!first) firsts.set(field, { text, row: r });
        else if (first.text !== text)
          (out ??= []).push({ id: 'differs', field, params: { first: first.text, firstRow: first.row } });
      }
      return out ?? NO_FINDINGS;
    };
  },
};
