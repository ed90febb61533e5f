import type { Grid } from '../core/grid';
import { resolveSettings } from '../core/settings';
import type { SheetSpec } from '../core/sheet-spec';
import {
  buildTallySheets,
  type QuotaRead,
  type QuotaTable,
  readQuotaGrid,
  type TallyResult,
  type TallySource,
  tallySources,
  tallyWorkbook,
  totalStatus,
  type UnitStatus,
  YUDU_2020,
} from '../features/tally';
import { PaneError } from './pane-error';
import { byName, type ChosenFile, GENERATED_SHEETS, isRead, type UnreadFile } from './report-sources';

/** A tally as the 监测点汇总 section shows and writes it. */
export interface TallyOutcome {
  /** The open workbook's sheets, or files chosen in the pane. */
  from: 'workbook' | 'files';
  result: TallyResult;
  /** The sheets to write, in document order: 监测点汇总, then 申报明细 when the declarations came from files. */
  sheets: [SheetSpec, ...SheetSpec[]];
  /** True when the summary counts with live formulas (it updates as declarations are added). */
  live: boolean;
  /** The county total against the quota total, as a unit's status. */
  totalStatus: UnitStatus;
}

/** Today as the summary's 制表日期 prints it (2020年3月30日). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** The quota table used when none is chosen and the workbook has none (Annex 1, Yudu 2020). */
export const DEFAULT_QUOTA: QuotaTable = YUDU_2020;

/** The quota table of a chosen file: its first sheet with 单位 and 任务数 columns; a `PaneError` when none. */
export function readQuotaFile(file: ChosenFile): QuotaRead {
  const settings = resolveSettings();
  for (const grid of file.grids) {
    const read = readQuotaGrid(grid, file.name, 'file', settings);
    if (read && read.table.units.length > 0) return read;
  }
  throw new PaneError('errNoQuota', { name: file.name });
}

/** The status of a count against a quota (the summary sheet's rule for its 合计 row). */
export function statusOf(quota: number, declared: number): UnitStatus {
  if (declared === 0 && quota > 0) return 'none';
  return declared < quota ? 'short' : declared > quota ? 'over' : 'met';
}

function outcome(
  from: TallyOutcome['from'],
  result: TallyResult,
  sheets: TallyOutcome['sheets'],
): TallyOutcome {
  const live = sheets[0].rows.some((r) => r.cells.some((c) => c?.formula?.startsWith('SUMPRODUCT(')));
  return { from, result, sheets, live, totalStatus: totalStatus(result) };
}

/**
 * Tallies the open workbook: its declarations, its own quota sheet if it has one (else `quota`, else the
 * default), and the summary to write into it — with live COUNTIFS over its lists where they allow them. Sheets the
 * sections wrote earlier are left out (a 申报明细 written from files would count everything twice).
 */
export function tallyOpenWorkbook(grids: readonly Grid[], fileName: string, quota?: QuotaRead): TallyOutcome {
  const inputs = grids.filter((g) => !GENERATED_SHEETS.includes(g.name));
  const { result, sheets } = tallyWorkbook(inputs, fileName, { quota, date: today() });
  return outcome('workbook', result, sheets);
}

/**
 * Tallies files chosen in the pane, in name order (as `drc tally FOLDER` does: the first nomination of an
 * enterprise counts); a file that could not be read is listed with its error. Writes the summary with the
 * 申报明细 sheet it counts, as `drc tally --out` does.
 */
export function tallyChosenFiles(
  files: ReadonlyArray<ChosenFile | UnreadFile>,
  quota?: QuotaRead,
): TallyOutcome {
  const sources: TallySource[] = byName(files).map((f) =>
    isRead(f) ? { file: f.name, grids: f.grids, document: f.document } : { file: f.name, error: f.error },
  );
  const result = tallySources(sources, { quota });
  const sheets = buildTallySheets(result, { detail: true, files: files.length, date: today() });
  return outcome('files', result, sheets);
}
