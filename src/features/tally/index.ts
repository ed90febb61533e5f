/** Monitoring points (Annex 1 and 2): declarations read, matched to the quota table, tallied and summarised. */
import type { Grid } from '../../core/grid';
import type { SheetSpec } from '../../core/sheet-spec';
import { liveSourcesIn } from './live-formulas';
import { buildTallySheets } from './tally-sheets';
import { type TallyOptions, type TallyResult, tallySources } from './tally-sources';

export type { Declaration, DeclarationLayout, UnitRef, UnitSource } from './declaration';
export { buildChartSheet, CHART_SHEET } from './chart-sheet';
export { buildDetailSheet, DETAIL_SHEET } from './detail-sheet';
export { buildListSheets, LIST_SHEETS } from './list-sheets';
export { NO_DECLARATION_WORDS, type NoDeclaration, type NoDeclarationKind } from './no-declaration';
export { buildTallySheets, type TallySheetsOptions } from './tally-sheets';
export { type DecisionsRead, type DuplicateDecision, readDecisions } from './decisions';
export { countFormula, liveSourcesIn, type LiveSource, simulateCount } from './live-formulas';
export {
  type QuotaEntry,
  type QuotaSource,
  type QuotaTable,
  regionOf,
  regionWhole,
  YUDU_2020,
} from './quota-table';
export { isQuotaSheet, type QuotaRead, readQuotaGrid } from './read-quota';
export {
  buildSummarySheet,
  STATUS_FILLS,
  statusText,
  SUMMARY_HEADER_ROW,
  SUMMARY_SHEET,
  totalStatusText,
  type SummaryOptions,
} from './summary-sheet';
export { totalStatus } from './tally';
export type {
  Duplicate,
  DuplicateChoice,
  Excluded,
  ExclusionReason,
  Gap,
  PossibleDuplicate,
  UnitStatus,
  UnitTally,
  UnknownUnit,
} from './tally';
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
 * and the sheets to write into it (the summary, with live formulas when the declaration lists allow them, and
 * the lists).
 */
export function tallyWorkbook(
  grids: readonly Grid[],
  fileName: string,
  options: TallyOptions & { date?: string } = {},
): { result: TallyResult; summary: SheetSpec; sheets: [SheetSpec, ...SheetSpec[]] } {
  const result = tallySources([{ file: fileName, grids }], options);
  const sheets = buildTallySheets(result, {
    live: liveSourcesIn(result, grids),
    files: 1,
    date: options.date,
  });
  return { result, summary: sheets[0], sheets };
}
