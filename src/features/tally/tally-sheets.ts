import type { SheetSpec } from '../../core/sheet-spec';
import { buildChartSheet } from './chart-sheet';
import { buildDetailSheet } from './detail-sheet';
import type { LiveSource } from './live-formulas';
import { buildListSheets, LIST_SHEETS } from './list-sheets';
import { buildSummarySheet } from './summary-sheet';
import type { TallyResult } from './tally-sources';

/** How the summary workbook is made: with a 申报明细 sheet to count (files) or live sources in the workbook itself. */
export interface TallySheetsOptions {
  /** Write 申报明细 and count it with live formulas (files tallied); else `live`, when given, or values. */
  detail?: boolean;
  /** Live sources in the workbook the declarations are in (the pane's open workbook). */
  live?: readonly LiveSource[];
  files?: number;
  office?: string;
  date?: string;
}

/**
 * The sheets of the summary workbook, in order: 监测点汇总, 监测点图表 (the bar chart), one sheet per non-empty list,
 * then 申报明细.
 */
export function buildTallySheets(
  result: TallyResult,
  options: TallySheetsOptions = {},
): [SheetSpec, ...SheetSpec[]] {
  const detail = options.detail ? buildDetailSheet(result) : undefined;
  const lists = buildListSheets(result);
  const counts: Record<string, { count: number; what: string }> = {
    [LIST_SHEETS.duplicates]: { count: result.duplicates.length, what: `${result.duplicates.length} 家` },
    [LIST_SHEETS.possible]: {
      count: result.possibleDuplicates.length,
      what: `${result.possibleDuplicates.length} 组，请核实`,
    },
    [LIST_SHEETS.unknown]: { count: result.unknownUnits.length, what: `${result.unknownUnits.length} 个` },
    [LIST_SHEETS.excluded]: { count: result.excluded.length, what: `${result.excluded.length} 家` },
    [LIST_SHEETS.noDeclaration]: {
      count: result.noDeclaration.length,
      what: `${result.noDeclaration.length} 个`,
    },
  };
  const summary = buildSummarySheet(result, {
    live: detail ? [detail.live] : options.live,
    files: options.files,
    office: options.office,
    date: options.date,
    // Why `!`: each list sheet is named from LIST_SHEETS, and `counts` has every one of them.
    lists: lists.map((s) => ({ sheet: s.name, ...counts[s.name]! })),
  });
  const chart = result.units.length > 0 ? [buildChartSheet(result)] : [];
  return [summary, ...chart, ...lists, ...(detail ? [detail.spec] : [])];
}
