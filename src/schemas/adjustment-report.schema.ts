import { useRowRule } from '../core/rule';
import type { SheetSchema } from '../core/schema';
import { adjustReasonRule } from '../rules/adjust-reason/adjust-reason.rule';
import { ADJUST_TYPE, enumRule } from '../rules/enum/enum.rule';
import { frequencyRule } from '../rules/frequency/frequency.rule';
import { ratioRule } from '../rules/ratio/ratio.rule';
import { seqOrderRule, seqRule } from '../rules/seq/seq.rule';
import { uniqueRule } from '../rules/unique/unique.rule';
import { checklistSchema } from './checklist.schema';

/** The list's own item-name spellings, plus the words reports use (调整事项). */
const ITEM_NAMES = [
  '调整事项名称',
  '调整事项',
  ...(checklistSchema.fields.find((f) => f.key === 'itemName')?.synonyms ?? []),
];

/**
 * 动态调整情况表 (DOMAIN.md §2): one row per adjusted item — its name, the 调整类型 (新增 / 删除 / 修改), what
 * changed (one 调整内容 column, 调整前 / 调整后 columns, or the ratio and frequency before and after), and the
 * reason. A unit's list that carries 调整类型 and 调整原因 columns is still a list: its many list columns outscore
 * these few.
 */
export const adjustmentReportSchema: SheetSchema = {
  kind: 'adjustment',
  label: { 'zh-CN': '动态调整情况表', 'en-US': 'Dynamic-adjustment report' },
  fields: [
    { key: 'seq', synonyms: ['序号', '编号', '序'], rule: seqRule },
    { key: 'itemName', synonyms: ITEM_NAMES, required: true },
    {
      key: 'adjustType',
      synonyms: [
        '调整类型',
        '调整情况',
        '调整方式',
        '动态调整类型',
        '动态调整情况',
        '变更类型',
        '调整类别',
        '新增/删除/修改',
      ],
      rule: enumRule,
      options: ADJUST_TYPE,
      required: true,
      early: true,
    },
    {
      key: 'content',
      synonyms: ['调整内容', '具体调整内容', '调整情况说明', '变更内容', '调整的内容', '修改内容'],
    },
    { key: 'before', synonyms: ['调整前', '调整前内容', '变更前', '原内容', '修改前', '调整前情况'] },
    { key: 'after', synonyms: ['调整后', '调整后内容', '变更后', '现内容', '修改后', '调整后情况'] },
    {
      key: 'ratioBefore',
      synonyms: ['调整前检查比例', '调整前抽查比例', '原检查比例', '原抽查比例', '原比例', '调整前比例'],
    },
    {
      key: 'ratioAfter',
      synonyms: ['调整后检查比例', '调整后抽查比例', '现检查比例', '现抽查比例', '新检查比例', '调整后比例'],
      rule: ratioRule,
    },
    {
      key: 'frequencyBefore',
      synonyms: ['调整前检查频次', '调整前抽查频次', '原检查频次', '原抽查频次', '原频次', '调整前频次'],
    },
    {
      key: 'frequencyAfter',
      synonyms: ['调整后检查频次', '调整后抽查频次', '现检查频次', '现抽查频次', '新检查频次', '调整后频次'],
      rule: frequencyRule,
    },
    {
      key: 'adjustReason',
      synonyms: ['调整原因', '调整理由', '动态调整原因', '变更原因', '调整依据', '原因', '理由'],
    },
    { key: 'remarks', synonyms: ['备注', '说明'] },
  ],
  recognise: (fields) =>
    fields.has('itemName') &&
    fields.has('adjustType') &&
    ['content', 'before', 'after', 'ratioAfter', 'frequencyAfter', 'adjustReason'].some((f) => fields.has(f)),
  expectedColumns: ['itemName', 'adjustType', 'adjustReason'],
  severities: {
    'header/missing-column': 'error',
    // A report with no row is the 无动态调整 form: its one sentence says so (the review reads it).
    'sheet/no-data': 'info',
  },
  rowRules: [
    // First: its finding comes where the field's own `required` one did, before the other row rules' findings.
    useRowRule(adjustReasonRule, { type: 'adjustType', reason: 'adjustReason' }),
    useRowRule(uniqueRule, { fields: ['itemName', 'adjustType'], mark: 'itemName' }),
    useRowRule(seqOrderRule, { field: 'seq' }),
  ],
};
