import type { MessageTable } from '../../core/locale';
import { type Rule, fail, ok } from '../../core/rule';

/** Messages of the `required` rule; `{field}` is the field's display name, filled in by the engine. */
export const requiredMessages: MessageTable = {
  'zh-CN': { missing: '“{field}”为必填项,不能为空' },
  'en-US': { missing: '"{field}" is required and must not be empty' },
};

/** 必填: fails with `missing` on an empty cell (option `field` names it), else passes the text through. */
export const requiredRule: Rule<string> = {
  id: 'required',
  messages: requiredMessages,
  parse({ text }, ctx) {
    const field = ctx.options?.field;
    if (text === '') return fail('missing', { field: typeof field === 'string' ? field : '' });
    return ok(text);
  },
};
