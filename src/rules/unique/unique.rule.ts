import type { MessageTable } from '../../core/locale';
import { type Rule, ok } from '../../core/rule';

/** Messages of the `unique` rule; the engine reports `duplicate` when a value repeats across rows. */
export const uniqueMessages: MessageTable = {
  'zh-CN': { duplicate: '“{name}”重复,与第{firstRow}行相同' },
  'en-US': { duplicate: '"{name}" is a duplicate of row {firstRow}' },
};

/** 唯一: the cross-row check is the engine's; per cell the text passes through unchanged. */
export const uniqueRule: Rule<string> = {
  id: 'unique',
  messages: uniqueMessages,
  parse({ text }) {
    return ok(text);
  },
};
