/** Monitoring points (Annex 1 and 2): declarations read, matched to the quota table, tallied and summarised. */
import type { Grid } from '../../core/grid';
import type { SheetSpec } from '../../core/sheet-spec';
import { liveSourcesIn } from './live-formulas';
import { buildSummarySheet } from './summary-sheet';
import { type TallyOptions, type TallyResult, tallySources } from './tally-sources';

export type { Declaration, DeclarationLayout, UnitRef, UnitSource } from './declaration';
export { buildDetailSheet, DETAIL_SHEET } from './detail-sheet';
export { countFormula, liveSourcesIn, type LiveSource, simulateCount } from './live-formulas';
export { type QuotaEntry, type QuotaSource, type QuotaTable, YUDU_2020 } from './quota-table';
export { isQuotaSheet, type QuotaRead, readQuotaGrid } from './read-quota';
export {
  buildSummarySheet,
  STATUS_FILLS,
  statusText,
  SUMMARY_SHEET,
  type SummaryOptions,
} from './summary-sheet';
export type { Duplicate, Excluded, ExclusionReason, UnitStatus, UnitTally, UnknownUnit } from './tally';
export type { TallyIssue } from './tally-issue';
export {
  type FileTally,
  type SheetTally,
  type TallyOptions,
  type TallyResult,
  type TallySource,
  tallySources,
} from './tally-sources';
export { UnitMatcher, unitKey } from './unit-names';

/**
 * Tallies the open workbook (for the Excel and WPS panes): its declarations, its own quota sheet if it has one,
 * and the summary sheet to write into it, with live COUNTIFS when the declaration lists allow them.
 */
export function tallyWorkbook(
  grids: readonly Grid[],
  fileName: string,
  options: TallyOptions = {},
): { result: TallyResult; summary: SheetSpec } {
  const result = tallySources([{ file: fileName, grids }], options);
  return { result, summary: buildSummarySheet(result, { live: liveSourcesIn(result, grids), files: 1 }) };
}
