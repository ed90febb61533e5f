import type { Locale } from '../core/locale';

/** Display names of field keys, per locale (the names clerks see in the pane and in notes). */
export const FIELD_LABELS: Record<string, Record<Locale, string>> = {
  seq: { 'zh-CN': '序号', 'en-US': 'No.' },
  itemCode: { 'zh-CN': '事项编码', 'en-US': 'Item code' },
  itemName: { 'zh-CN': '检查事项名称', 'en-US': 'Inspection item' },
  basis: { 'zh-CN': '检查依据', 'en-US': 'Legal basis' },
  agency: { 'zh-CN': '检查主体', 'en-US': 'Inspecting body' },
  agencyCode: { 'zh-CN': '机构代码', 'en-US': 'Agency code' },
  object: { 'zh-CN': '检查对象', 'en-US': 'Inspected objects' },
  method: { 'zh-CN': '检查方式', 'en-US': 'Method' },
  doubleRandom: { 'zh-CN': '是否纳入双随机', 'en-US': 'Double-random' },
  ratio: { 'zh-CN': '检查比例', 'en-US': 'Ratio' },
  frequency: { 'zh-CN': '检查频次', 'en-US': 'Frequency' },
  marketField: { 'zh-CN': '是否属于市场监管领域', 'en-US': 'Market supervision' },
  category: { 'zh-CN': '事项类别', 'en-US': 'Item category' },
  adjustType: { 'zh-CN': '调整类型', 'en-US': 'Adjustment type' },
  adjustReason: { 'zh-CN': '调整原因', 'en-US': 'Adjustment reason' },
  remarks: { 'zh-CN': '备注', 'en-US': 'Remarks' },
};
