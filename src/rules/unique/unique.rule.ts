import type { MessageTable } from '../../core/locale';
import { uniqueKey } from '../../core/normalise';
import { NO_FINDINGS, type RowRule } from '../../core/rule';
import { FirstRows, TextMemo } from '../../core/memo';

/** Messages of the `unique` rule. */
export const uniqueMessages: MessageTable = {
  'zh-CN': { duplicate: '“{name}”重复,与第{firstRow}行相同' },
  'en-US': { duplicate: '"{name}" is a duplicate of row {firstRow}' },
};

/** What must not repeat: the key fields (joined, compared as `uniqueKey` does) and the field the mark goes on. */
export interface UniqueOptions {
  fields: readonly string[];
  mark: string;
}

/**
 * 唯一: a row whose key fields repeat an earlier row's is a duplicate of it (rows without a name, and rows under a
 * merged name, are skipped).
 */
export const uniqueRule: RowRule<UniqueOptions> = {
  id: 'unique',
  messages: uniqueMessages,
  severities: { duplicate: 'error' },
  start({ fields, mark }) {
    // Why no joined key per row: a 50k-row sheet would make 50k key strings. Each field's key is remembered per
    // distinct text (lists repeat their objects and agencies), and the first rows are kept in nested maps.
    const seen = new FirstRows();
    // Each key field with its key per distinct text (bounded: a column of unique names stops looking up).
    const columns = fields.map((field) => ({ field, keys: new TextMemo(uniqueKey) }));
    const parts = fields.map(() => '');
    return (row, r) => {
      // Rows under a name merged down over them are the named item itself: never a duplicate of it.
      if (row.borrowed(mark)) return NO_FINDINGS;
      const name = row.text(mark);
      // A name of spaces alone is no name (the required rule speaks of it), not a duplicate of an empty row's.
      if (name.trim() === '') return NO_FINDINGS;
      let k = 0;
      for (const { field, keys } of columns) parts[k++] = keys.of(row.text(field));
      const first = seen.firstOr(parts, r);
      if (first === undefined) return NO_FINDINGS;
      return [{ id: 'duplicate', field: mark, params: { firstRow: first, name } }];
    };
  },
};
