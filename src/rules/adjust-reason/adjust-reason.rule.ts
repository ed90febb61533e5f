import type { MessageTable } from '../../core/locale';
import { NO_FINDINGS, type RowRule } from '../../core/rule';

/** Messages of the `adjustReason` rule. */
export const adjustReasonMessages: MessageTable = {
  'zh-CN': {
    missing:
      '调整类型为“{type}”,但没有填写调整原因;请在“{fieldLabel}”中注明(法律法规规章调整、机构改革、监管实际等)',
  },
  'en-US': {
    missing:
      'The adjustment type is "{type}" but no reason is given; state it under "{fieldLabel}" (法律法规规章调整, 机构改革, 监管实际…)',
  },
};

/** The two fields read: the 调整类型 (parsed by the enum rule) and the 调整原因 that must explain it. */
export interface AdjustReasonOptions {
  type: string;
  reason: string;
}

/**
 * 调整原因: a row that adds, removes or changes an item (any 调整类型 but 无变化) must say why. A sheet without a
 * reason column is told so once, by the schema's expected columns, not on every row.
 */
export const adjustReasonRule: RowRule<AdjustReasonOptions> = {
  id: 'adjustReason',
  messages: adjustReasonMessages,
  severities: { missing: 'error' },
  start({ type, reason }) {
    return (row) => {
      if (!row.has(reason) || row.text(reason) !== '') return NO_FINDINGS;
      const t = row.parsed<string>(type);
      return t === undefined || t === '' || t === '无变化'
        ? NO_FINDINGS
        : [{ id: 'missing', field: reason, params: { type: t } }];
    };
  },
};
