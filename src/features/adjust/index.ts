/** The dynamic-adjustment report (动态调整情况表): two lists compared, the report and the adjusted list as sheets. */
export {
  type AdjustEntry,
  type AdjustIssue,
  type AdjustOptions,
  type AdjustResult,
  type AdjustType,
  adjustLists,
  DEFAULT_YEAR,
} from './adjust-lists';
export { ADJUSTED_LIST_SHEET, buildAdjustedList } from './adjusted-list-sheet';
export { readConfirmMap } from './confirm-map';
export {
  buildAdjustReport,
  noChangeSentence,
  REPORT_SHEET,
  type ReportOptions,
  reportTitle,
} from './report-sheet';
