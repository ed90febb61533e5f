import { useRowRule } from '../core/rule';
import type { RowFields, SheetSchema } from '../core/schema';
import { adjustReasonRule } from '../rules/adjust-reason/adjust-reason.rule';
import { basisRule } from '../rules/basis/basis.rule';
import { consistentRule } from '../rules/consistent/consistent.rule';
import { doubleRandomRule } from '../rules/double-random/double-random.rule';
import { ADJUST_TYPE, enumRule, ITEM_CATEGORY, matchEnum, YES_NO } from '../rules/enum/enum.rule';
import { frequencyRule } from '../rules/frequency/frequency.rule';
import { methodRule } from '../rules/method/method.rule';
import { givesBoth, readRatio } from '../rules/quantity';
import { ratioRule } from '../rules/ratio/ratio.rule';
import { splitRatioFrequency } from '../rules/ratio-frequency/split-ratio-frequency';
import { seqOrderRule, seqRule } from '../rules/seq/seq.rule';
import { uniqueRule } from '../rules/unique/unique.rule';
import { usccRule } from '../rules/uscc/uscc.rule';

// A constant: a regular expression literal makes a new object each time it is evaluated (here once a row).
const RANDOM_METHOD = /双随机|随机抽查/;

/** True when a row is a 双随机 item: 是否纳入双随机 says 是, or (without that column) its method says 双随机. */
const doubleRandomRow = (row: RowFields): boolean => {
  const flag = row.parsed<string>('doubleRandom');
  if (flag === '是') return true;
  if (flag === '否') return false;
  const method = row.parsed<{ doubleRandom?: boolean }>('method');
  if (method && typeof method === 'object') return !!method.doubleRandom;
  return RANDOM_METHOD.test(row.text('method'));
};

// What a 是/否 column holds when it is another column: dates, months and month ranges, numbers, percentages.
const NOT_YES_NO = /^\d|\d{1,2}月|\d%|年\d/;

/** A 是/否 column's cell: 是/否 fits; a date, a month range or a number contradicts (4-10月 under 是否纳入双随机). */
function yesNoContent(text: string): boolean | undefined {
  if (matchEnum(text, YES_NO) !== undefined) return true;
  return NOT_YES_NO.test(text.replace(/\s/g, '')) ? false : undefined;
}

/** True when a cell gives a ratio (a share, an officer ratio, a bare number), not only counts or words. */
function givesRatio(text: string): boolean {
  const r = readRatio(text);
  return r.ok && r.value.kind !== 'count' && r.value.kind !== 'prose';
}

/**
 * 检查实施清单 / 行政检查事项清单 (DOMAIN.md §1): one row per inspection item. Also matches lists published as
 * plans (抽查工作计划, 检查计划统计表), whose columns are a subset of these.
 */
export const checklistSchema: SheetSchema = {
  kind: 'checklist',
  label: { 'zh-CN': '检查实施清单', 'en-US': 'Inspection list' },
  fields: [
    { key: 'seq', synonyms: ['序号', '编号', '序'], rule: seqRule },
    {
      key: 'itemCode',
      synonyms: ['事项编码', '检查事项编码', '事项代码', '清单编码', '实施清单编码', '检查实施清单编码'],
      group: 'itemName',
    },
    {
      key: 'itemName',
      synonyms: [
        '检查事项名称',
        '检查事项',
        '抽查事项',
        '事项名称',
        '抽查事项名称',
        '随机抽查事项名称',
        '抽查检查事项',
        '检查实施清单名称',
      ],
      // 事项 beats 任务, 项目 and 内容: a list with 任务名称 and 抽查事项 names its items in 抽查事项.
      weakSynonyms: [
        '监管事项名称',
        '监管事项',
        '抽查任务名称',
        '任务名称',
        '检查项目',
        '抽查项目',
        '抽查内容',
        '检查内容',
        '事项',
      ],
      required: true,
    },
    {
      key: 'basis',
      synonyms: ['检查依据', '抽查依据', '设定依据', '法律依据', '执法依据', '实施依据', '依据'],
      rule: basisRule,
      required: true,
    },
    {
      key: 'agency',
      synonyms: [
        '检查主体',
        '抽查主体',
        '实施主体',
        '发起部门',
        '实施机构',
        '执法主体',
        '检查部门',
        '检查单位',
        '实施部门',
        '责任单位',
        '本部门',
        '抽查检查部门',
      ],
      // The office that carries the checks out names the agency only where no 检查主体 column does.
      weakSynonyms: ['承办机构', '承办单位', '单位名称', '实施单位', '实施检查的处室', '实施检查的单位'],
      // 配合部门, 联合检查单位: another unit than the one the list is of.
      excludes: ['配合', '联合', '协助', '协办'],
      required: true,
      inheritBlank: true,
    },
    {
      key: 'agencyCode',
      synonyms: ['机构代码', '统一社会信用代码', '组织机构代码', '信用代码', '主体代码'],
      rule: usccRule,
      inheritBlank: true,
      group: 'agency',
    },
    {
      key: 'object',
      synonyms: ['检查对象', '抽查对象', '监管对象', '检查对象范围', '抽查对象范围'],
      required: true,
    },
    {
      key: 'method',
      synonyms: ['检查方式', '抽查方式', '随机抽查方式', '监管方式', '检查方法', '抽查方法'],
      rule: methodRule,
      required: true,
      early: true,
    },
    {
      key: 'doubleRandom',
      synonyms: [
        '是否纳入双随机',
        '是否双随机',
        '是否为双随机',
        '是否纳入双随机抽查',
        '是否纳入"双随机"',
        '双随机',
      ],
      rule: enumRule,
      options: YES_NO,
      fitsContent: yesNoContent,
      early: true,
    },
    {
      key: 'ratio',
      synonyms: ['检查比例', '抽查比例', '抽检比例', '抽查对象比例', '检查对象比例', '抽查检查比例', '比例'],
      rule: ratioRule,
      // A column named for objects and ratio at once (具体检查对象(含数量)或检查比例) is the ratio only if its
      // cells give one.
      fitsContent: (text, label) => (/对象/.test(label) ? givesRatio(text) : undefined),
      required: doubleRandomRow,
    },
    {
      key: 'frequency',
      synonyms: [
        '检查频次',
        '抽查频次',
        '抽查周期',
        '检查周期',
        '抽检频次',
        '检查频率',
        '抽查频率',
        '频次',
        '频率',
        '周期',
      ],
      rule: frequencyRule,
      required: doubleRandomRow,
    },
    {
      key: 'marketField',
      synonyms: [
        '是否属于市场监管领域',
        '是否市场监管领域',
        '是否为市场监管领域',
        '市场监管领域',
        '是否属于市场监管领域检查事项',
      ],
      rule: enumRule,
      options: YES_NO,
      fitsContent: yesNoContent,
      early: true,
    },
    {
      key: 'category',
      synonyms: [
        '事项类别',
        '检查事项类别',
        '事项类型',
        '一般检查事项/重点检查事项',
        '一般或重点检查事项',
        '一般/重点',
      ],
      rule: enumRule,
      options: ITEM_CATEGORY,
      required: (row) => row.parsed<string>('marketField') === '是',
    },
    {
      key: 'adjustType',
      synonyms: ['调整类型', '调整情况', '动态调整类型', '动态调整情况', '变更类型'],
      rule: enumRule,
      options: ADJUST_TYPE,
      early: true,
    },
    {
      key: 'adjustReason',
      synonyms: ['调整原因', '调整理由', '动态调整原因', '变更原因'],
    },
    { key: 'remarks', synonyms: ['备注', '说明'] },
  ],
  combined: [
    {
      // 抽查比例及频次, 抽检比例及频次, 抽查比例和频次, 比例/频次 …
      matches: (label) => /比例/.test(label) && /频次|频率|周期/.test(label),
      fields: ['ratio', 'frequency'],
      split: (text) => {
        const parts = splitRatioFrequency(text);
        return { ratio: parts.ratio, frequency: parts.frequency };
      },
      givesAll: givesBoth,
    },
  ],
  doubleRandom: doubleRandomRow,
  recognise: (fields) => {
    const anchor = fields.has('itemName') || fields.has('ratio') || fields.has('frequency');
    const others = [
      'basis',
      'agency',
      'object',
      'method',
      'doubleRandom',
      'ratio',
      'frequency',
      'category',
      'adjustType',
      'seq',
      'agencyCode',
      'marketField',
    ].filter((f) => fields.has(f)).length;
    return anchor && others >= 2;
  },
  expectedColumns: ['itemName', 'basis', 'agency', 'object', 'method', 'ratio', 'frequency'],
  severities: {
    'header/missing-column': 'warning',
    'sheet/no-data': 'warning',
  },
  rowRules: [
    // First: its finding comes where the field's own `required` one did, before the other row rules' findings.
    useRowRule(adjustReasonRule, { type: 'adjustType', reason: 'adjustReason' }),
    useRowRule(doubleRandomRule, { flag: 'doubleRandom', method: 'method' }),
    useRowRule(uniqueRule, { fields: ['itemName', 'object'], mark: 'itemName' }),
    useRowRule(consistentRule, { fields: ['agencyCode'] }),
    useRowRule(seqOrderRule, { field: 'seq' }),
  ],
};
