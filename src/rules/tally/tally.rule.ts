import type { MessageTable } from '../../core/locale';

/**
 * Messages of the monitoring-point tally's checks across files (not cell rules): nominating units matched to the
 * quota table, enterprises nominated twice, and the quota table's own total.
 */
export const tallyMessages: MessageTable = {
  'zh-CN': {
    'unknown-unit': '单位“{name}”不在监测点分配表中,最接近的是“{suggestion}”;请使用分配表中的单位名称',
    'no-unit':
      '无法确定推荐单位:表中没有“推荐单位”列,工作表名和文件名中也没有分配表里的单位;请加一列“推荐单位”或在文件名中写明单位',
    duplicate:
      '“{enterprise}”重复申报:{firstUnit}已在“{firstFile}”中申报了该企业;同一企业只计一次,请另选企业',
    'quota-total-mismatch': '分配表“合计”为 {stated},但各单位任务数之和为 {sum};请核对',
    'quota-invalid': '单位“{unit}”的任务数“{received}”不是非负整数',
    'quota-duplicate-unit': '单位“{unit}”在分配表中出现了两次(第 {firstRow} 行已有);以第一次为准',
  },
  'en-US': {
    'unknown-unit':
      'Unit "{name}" is not in the monitoring-point quota table (closest: "{suggestion}"); use the unit name of the table',
    'no-unit':
      'Cannot tell the nominating unit: there is no 推荐单位 column, and neither the sheet name nor the file name names a unit of the quota table; add a 推荐单位 column or put the unit in the file name',
    duplicate:
      '"{enterprise}" is nominated twice: {firstUnit} already nominated it in "{firstFile}"; it counts once, choose another enterprise',
    'quota-total-mismatch':
      'The quota table says 合计 {stated}, but its units add up to {sum}; check the table',
    'quota-invalid': 'The quota "{received}" of unit "{unit}" is not a whole number of zero or more',
    'quota-duplicate-unit':
      'Unit "{unit}" appears twice in the quota table (first on row {firstRow}); the first one is used',
  },
};
