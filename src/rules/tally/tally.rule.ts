import type { MessageTable } from '../../core/locale';
import { type CheckModule, type FileFinding, fileFinding, type Place } from '../../core/rule';

/**
 * The monitoring-point tally's checks across files. Decided here, from what the tally feature read and matched: why a
 * nominating unit counts for no unit, whether a second nomination of an enterprise is a duplicate to report, a
 * possible duplicate's note, what a row of the decisions file achieved, and whether a quota table's rows and 合计
 * add up. Reading the files, grouping nominations by enterprise and choosing who counts stay in `features/tally`.
 */

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

/** A nominating unit the tally could not place in the quota table: the text read, and the closest names found. */
export interface UnplacedUnit {
  /** The unit as written ('' when no column, sheet name or file name gave one). */
  text: string;
  /** The units register's name, when the register knows the text but the quota table does not. */
  registered?: string;
  /** The quota table's closest unit, when one is close. */
  suggestion?: string;
}

/** Why a declaration's unit counts for no unit of the quota table, at its 推荐单位 cell (or the sheet). */
export function unplacedUnitFinding(unit: UnplacedUnit, at: Place): FileFinding {
  if (unit.text === '') return fileFinding('tally/no-unit', { sheet: at.sheet }, {});
  if (unit.registered)
    return fileFinding('tally/unit-outside-quota', at, { name: unit.text, unit: unit.registered });
  if (unit.suggestion)
    return fileFinding('tally/unknown-unit', at, { name: unit.text, suggestion: unit.suggestion });
  return fileFinding('tally/unknown-unit-no-match', at, { name: unit.text });
}

/** One nomination of an enterprise, as the duplicate checks compare it. */
export interface Nomination {
  enterprise: string;
  /** The enterprise's name as compared (brackets, spaces and the like left out). */
  key: string;
  file: string;
  sheet: string;
  /** The unit it counts for, or the unit as written ('' when none). */
  unit: string;
  /** Its 企业名称 cell. */
  at: Place;
}

/**
 * A second nomination of an enterprise already counted for `first`: a duplicate, unless both are rows of one
 * sheet with one name (the sheet's own unique check reports those).
 */
export function duplicateFinding(later: Nomination, first: Nomination): FileFinding | undefined {
  if (first.file === later.file && first.sheet === later.sheet && first.key === later.key) return undefined;
  return fileFinding('tally/duplicate', later.at, {
    enterprise: later.enterprise,
    firstUnit: first.unit || '?',
    firstFile: first.file.replace(/^.*[\\/]/, ''),
  });
}

/** A nomination whose name differs from `first`'s only in brackets, punctuation or 有限公司: a note, both count. */
export function possibleDuplicateFinding(later: Nomination, first: Nomination): FileFinding {
  return fileFinding('tally/possible-duplicate', later.at, {
    enterprise: later.enterprise,
    other: first.enterprise,
    otherUnit: first.unit || '?',
  });
}

/** A row of the decisions file (which unit a duplicate counts for) and what the tally found for it. */
export interface DecisionRow {
  /** The enterprise as the row names it (its name, else its credit code). */
  enterprise: string;
  /** The unit as written. */
  unit: string;
  /** True when the enterprise is nominated more than once. */
  duplicated: boolean;
  /** The quota table's unit the written one resolves to. */
  resolved?: string;
  /** True when that unit nominated the enterprise (not as a large enterprise). */
  nominated: boolean;
}

/** Why a row of the decisions file is not followed, or undefined when it decides who counts. */
export function decisionFinding(row: DecisionRow, at: Place): FileFinding | undefined {
  const { enterprise } = row;
  if (!row.duplicated) return fileFinding('tally/decision-unused', at, { enterprise });
  if (row.resolved === undefined)
    return fileFinding(
      'tally/decision-unit-unknown',
      { ...at, received: row.unit },
      { enterprise, unit: row.unit },
    );
  if (!row.nominated)
    return fileFinding(
      'tally/decision-no-match',
      { ...at, received: row.unit },
      { enterprise, unit: row.resolved },
    );
  return undefined;
}

/** A quota table's row as read: the unit, its quota's text and number, and the row that named the unit first. */
export interface QuotaRow {
  unit: string;
  text: string;
  /** The quota when the text is a whole number of zero or more. */
  quota?: number;
  /** The earlier row with the same unit, if any. */
  firstRow?: number;
}

/** A quota row that cannot count: its quota is not a number, or its unit was listed before. */
export function quotaRowFinding(row: QuotaRow, unitCell: Place, quotaCell: Place): FileFinding | undefined {
  if (row.quota === undefined)
    return fileFinding(
      'tally/quota-invalid',
      { ...quotaCell, received: row.text },
      { unit: row.unit, received: row.text },
    );
  if (row.firstRow !== undefined)
    return fileFinding(
      'tally/quota-duplicate-unit',
      { ...unitCell, received: row.unit },
      { unit: row.unit, firstRow: row.firstRow },
    );
  return undefined;
}

/** A 合计 the quota table states, where it is, and the sum of the units of its half of the table. */
export interface StatedTotal {
  value: number;
  row: number;
  column: number;
  pairSum: number;
}

/**
 * A quota table's 合计 against its units' sum: the last one stated is the whole table's, or several (one under each
 * half of a table printed in two halves) each their half's. No 合计 at all is a note when the table has units.
 */
export function quotaTotalFinding(
  stated: readonly StatedTotal[],
  sum: number,
  units: number,
  sheet: string,
): FileFinding | undefined {
  const last = stated[stated.length - 1];
  if (!last) return units > 0 ? fileFinding('tally/quota-no-total', { sheet }, { sum }) : undefined;
  const agrees = last.value === sum || (stated.length > 1 && stated.every((s) => s.value === s.pairSum));
  if (agrees) return undefined;
  return fileFinding(
    'tally/quota-total-mismatch',
    { sheet, row: last.row, column: last.column, received: String(last.value) },
    { stated: last.value, sum },
  );
}
