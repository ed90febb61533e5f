import { useRowRule } from '../core/rule';
import type { SheetSchema } from '../core/schema';
import { enumRule, YES_NO } from '../rules/enum/enum.rule';
import { phoneRule } from '../rules/phone/phone.rule';
import { scaleRule } from '../rules/scale/scale.rule';
import { seqOrderRule, seqRule } from '../rules/seq/seq.rule';
import { uniqueRule } from '../rules/unique/unique.rule';
import { usccRule } from '../rules/uscc/uscc.rule';

/** Fields an Annex 2 declaration has besides the enterprise's name; two of them make a header a declaration's. */
const DETAIL_FIELDS = [
  'legalRep',
  'address',
  'industry',
  'contact',
  'phone',
  'scale',
  'privateOwned',
  'intro',
];

/**
 * 行政检查监测点企业申报表 (DOMAIN.md §7, Annex 2) in its list layout: one row per enterprise, the nominating unit
 * in a column (推荐单位 / 申报单位 / 单位) or, without one, named by the title, the sheet or the file. The printed
 * form (labels beside values, one enterprise per sheet) is read with the same fields by the tally.
 */
export const declarationSchema: SheetSchema = {
  kind: 'declaration',
  label: { 'zh-CN': '监测点企业申报表', 'en-US': 'Monitoring-point declaration' },
  fields: [
    { key: 'seq', synonyms: ['序号', '编号', '序'], rule: seqRule },
    {
      // A column headed only 单位 is taken by the tally (a whole-label match): as a synonym, 单位 would match
      // every sentence that mentions 各单位.
      key: 'unit',
      synonyms: [
        '推荐单位',
        '申报单位',
        '推荐部门',
        '申报部门',
        '推荐单位名称',
        '申报单位名称',
        '填报单位',
        '主管部门',
        '行业主管部门',
        '县直单位',
      ],
      inheritBlank: true,
    },
    {
      key: 'enterprise',
      synonyms: [
        '企业名称',
        '企业全称',
        '申报企业',
        '申报企业名称',
        '监测点企业',
        '监测点企业名称',
        '监测点名称',
        '企业单位名称',
        '市场主体名称',
      ],
      required: true,
    },
    {
      key: 'uscc',
      synonyms: ['统一社会信用代码', '社会信用代码', '信用代码', '企业信用代码'],
      rule: usccRule,
    },
    { key: 'legalRep', synonyms: ['法定代表人', '法人代表', '法定代表', '法人', '负责人'], required: true },
    {
      key: 'address',
      synonyms: ['地址', '企业地址', '住所', '经营地址', '注册地址', '经营场所'],
      required: true,
    },
    { key: 'industry', synonyms: ['行业', '所属行业', '行业类别', '行业类型', '所属领域'], required: true },
    { key: 'contact', synonyms: ['联系人', '企业联系人'], required: true },
    {
      key: 'phone',
      synonyms: ['联系电话', '电话', '联系方式', '手机', '手机号码', '联系人电话'],
      rule: phoneRule,
      required: true,
    },
    {
      key: 'scale',
      synonyms: ['规模', '企业规模', '规模类型', '企业规模类型'],
      rule: scaleRule,
      required: true,
    },
    {
      key: 'privateOwned',
      synonyms: ['是否为民营企业', '是否民营企业', '是否民营', '民营企业', '是否属于民营企业'],
      rule: enumRule,
      options: YES_NO,
      required: true,
    },
    { key: 'intro', synonyms: ['企业简介', '简介', '企业基本情况', '企业概况', '基本情况'] },
    { key: 'review', synonyms: ['审核意见', '司法行政部门审核意见'] },
    { key: 'remarks', synonyms: ['备注'] },
  ],
  // A directory of inspected objects (名称, 代码, 地址, 法定代表人…) is not a declaration: the Annex 2 fields
  // 规模, 是否为民营企业 or 企业简介 must be there too. A checklist has no enterprise column at all.
  recognise: (fields) =>
    fields.has('enterprise') &&
    DETAIL_FIELDS.filter((f) => fields.has(f)).length >= 2 &&
    (fields.has('scale') || fields.has('privateOwned') || fields.has('intro')),
  expectedColumns: [
    'enterprise',
    'legalRep',
    'address',
    'industry',
    'contact',
    'phone',
    'scale',
    'privateOwned',
  ],
  severities: {
    'header/missing-column': 'warning',
    'sheet/no-data': 'warning',
  },
  rowRules: [
    useRowRule(uniqueRule, { fields: ['enterprise'], mark: 'enterprise' }),
    useRowRule(seqOrderRule, { field: 'seq' }),
  ],
};
