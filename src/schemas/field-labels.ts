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
  enterprise: { 'zh-CN': '企业名称', 'en-US': 'Enterprise' },
  legalRep: { 'zh-CN': '法定代表人', 'en-US': 'Legal representative' },
  address: { 'zh-CN': '地址', 'en-US': 'Address' },
  industry: { 'zh-CN': '行业', 'en-US': 'Industry' },
  contact: { 'zh-CN': '联系人', 'en-US': 'Contact person' },
  phone: { 'zh-CN': '联系电话', 'en-US': 'Phone' },
  scale: { 'zh-CN': '规模', 'en-US': 'Size' },
  privateOwned: { 'zh-CN': '是否为民营企业', 'en-US': 'Privately owned' },
  intro: { 'zh-CN': '企业简介', 'en-US': 'Profile' },
  uscc: { 'zh-CN': '统一社会信用代码', 'en-US': 'Credit code' },
  unit: { 'zh-CN': '推荐单位', 'en-US': 'Nominating unit' },
  review: { 'zh-CN': '司法行政部门审核意见', 'en-US': 'Justice bureau review' },
  content: { 'zh-CN': '调整内容', 'en-US': 'What changed' },
  before: { 'zh-CN': '调整前', 'en-US': 'Before' },
  after: { 'zh-CN': '调整后', 'en-US': 'After' },
  ratioBefore: { 'zh-CN': '调整前检查比例', 'en-US': 'Ratio before' },
  ratioAfter: { 'zh-CN': '调整后检查比例', 'en-US': 'Ratio after' },
  frequencyBefore: { 'zh-CN': '调整前检查频次', 'en-US': 'Frequency before' },
  frequencyAfter: { 'zh-CN': '调整后检查频次', 'en-US': 'Frequency after' },
};

/** A field key's display name in `locale`; the key itself for a key without one. */
export function fieldLabel(key: string, locale: Locale): string {
  return FIELD_LABELS[key]?.[locale] ?? key;
}
