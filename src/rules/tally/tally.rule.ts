import type { MessageTable } from '../../core/locale';
import type { CheckModule } from '../../core/rule';

/**
 * Messages of the monitoring-point tally's checks across files (not cell rules): nominating units matched to the
 * quota table, enterprises nominated twice, and the quota table's own total.
 */
export const tallyMessages: MessageTable = {
  'zh-CN': {
    'unknown-unit': '单位“{name}”不在监测点分配表中,最接近的是“{suggestion}”;请使用分配表中的单位名称',
    'unknown-unit-no-match':
      '单位“{name}”不在监测点分配表中,分配表中没有相近的单位;如是分配表中的单位,请用 --units 单位名录写明它的其他名称',
    'unit-outside-quota':
      '单位“{name}”在单位名录中(“{unit}”),但分配表没有给它分配任务;它申报的企业不计入任何单位',
    'no-unit':
      '无法确定推荐单位:表中没有“推荐单位”列,工作表名和文件名中也没有分配表里的单位;请加一列“推荐单位”或在文件名中写明单位',
    duplicate: '“{enterprise}”重复申报:该企业已计入{firstUnit}(“{firstFile}”);同一企业只计一次,请另选企业',
    'possible-duplicate':
      '“{enterprise}”与{otherUnit}申报的“{other}”可能是同一企业(名称只差括号、标点或“有限责任公司/有限公司”),请核实;两者暂都计入',
    'decision-unused': '决定文件中的“{enterprise}”不是重复申报的企业,这一行没有用到',
    'decision-unit-unknown': '决定文件中“{enterprise}”的计入单位“{unit}”不在分配表中;仍按默认计入',
    'decision-no-match':
      '决定文件要把“{enterprise}”计入{unit},但{unit}没有申报该企业(或申报的是大型企业);仍按默认计入',
    'quota-total-mismatch': '分配表“合计”为 {stated},但各单位任务数之和为 {sum};请核对',
    'quota-invalid': '单位“{unit}”的任务数“{received}”不是非负整数',
    'quota-duplicate-unit': '单位“{unit}”在分配表中出现了两次(第 {firstRow} 行已有);以第一次为准',
    'quota-no-total': '分配表没有“合计”行,无法核对各单位任务数之和({sum})',
  },
  'en-US': {
    'unknown-unit':
      'Unit "{name}" is not in the monitoring-point quota table (closest: "{suggestion}"); use the unit name of the table',
    'unknown-unit-no-match':
      'Unit "{name}" is not in the monitoring-point quota table, and no unit of the table is close to it; if it is one of them, give its other names in a --units register',
    'unit-outside-quota':
      '"{name}" is "{unit}" of the units register, but the quota table gives it no quota; its enterprises count for no unit',
    'no-unit':
      'Cannot tell the nominating unit: there is no 推荐单位 column, and neither the sheet name nor the file name names a unit of the quota table; add a 推荐单位 column or put the unit in the file name',
    duplicate:
      '"{enterprise}" is nominated twice: it counts for {firstUnit} ("{firstFile}"); it counts once, choose another enterprise',
    'possible-duplicate':
      '"{enterprise}" and "{other}" ({otherUnit}) may be one enterprise (the names differ only in brackets, punctuation or 有限责任公司/有限公司); check it. Both are counted for now',
    'decision-unused':
      'The decisions file names "{enterprise}", which is not nominated twice; the row is not used',
    'decision-unit-unknown':
      'The decisions file counts "{enterprise}" for "{unit}", which is not in the quota table; the default stands',
    'decision-no-match':
      'The decisions file counts "{enterprise}" for {unit}, but {unit} did not nominate it (or nominated it as a large enterprise); the default stands',
    'quota-total-mismatch':
      'The quota table says 合计 {stated}, but its units add up to {sum}; check the table',
    'quota-invalid': 'The quota "{received}" of unit "{unit}" is not a whole number of zero or more',
    'quota-duplicate-unit':
      'Unit "{unit}" appears twice in the quota table (first on row {firstRow}); the first one is used',
    'quota-no-total':
      'The quota table has no 合计 (total) row; the sum of its quotas ({sum}) cannot be checked',
  },
};

/** The monitoring-point tally's checks (run by the tally feature across the files it reads). */
export const tallyCheck: CheckModule = {
  id: 'tally',
  messages: tallyMessages,
  severities: {
    'unknown-unit': 'error',
    'no-unit': 'error',
    duplicate: 'error',
    'quota-total-mismatch': 'error',
    'quota-invalid': 'error',
    'quota-duplicate-unit': 'warning',
    'quota-no-total': 'info',
    'unknown-unit-no-match': 'error',
    'unit-outside-quota': 'warning',
    'possible-duplicate': 'warning',
    'decision-unused': 'warning',
    'decision-unit-unknown': 'error',
    'decision-no-match': 'error',
  },
};
