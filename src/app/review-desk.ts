import type { Grid } from '../core/grid';
import type { Locale } from '../core/locale';
import type { FileError } from '../core/report';
import { type DeepPartial, resolveSettings, type Settings } from '../core/settings';
import type { SheetSpec } from '../core/sheet-spec';
import {
  buildReviewWorkbook,
  type FileFindings,
  type InboxFile,
  readUnitRegister,
  reviewFile,
  reviewInbox,
  type ReviewResult,
  type UnitRegister,
} from '../features/review';
import { type QuotaRead, readQuotaGrid, YUDU_2020 } from '../features/tally';

/** The review desk's inputs besides the files: the units register and quota table, if chosen, and settings. */
export interface ReviewDeskOptions {
  register?: UnitRegister;
  quota?: QuotaRead;
  settings?: DeepPartial<Settings>;
  /** The date printed under the titles (YYYY-MM-DD). */
  date?: string;
  locale?: Locale;
}

/** The review and the sheets of the office's workbook. */
export interface ReviewDesk {
  result: ReviewResult;
  sheets: SheetSpec[];
}

/**
 * Reads every file's content where the front hands it over (`reviewFile`, in order, in this thread); the command
 * line does the same per file in worker threads and calls `deskFromFindings`.
 */
export function reviewDesk(files: readonly InboxFile[], options: ReviewDeskOptions = {}): ReviewDesk {
  return deskFromFindings(
    files.map((f) => reviewFile(f, options.settings)),
    options,
  );
}

/** The review of files already read, and the office's workbook. */
export function deskFromFindings(
  findings: readonly FileFindings[],
  options: ReviewDeskOptions = {},
): ReviewDesk {
  const result = reviewInbox(findings, {
    register: options.register,
    quota: options.quota,
    settings: options.settings,
  });
  return { result, sheets: buildReviewWorkbook(result, { date: options.date, locale: options.locale }) };
}

/** The quota table of a chosen file (its first sheet with 单位 and 任务数 columns), or undefined when it has none. */
export function quotaFromGrids(grids: readonly Grid[], file: string): QuotaRead | undefined {
  const settings = resolveSettings();
  for (const grid of grids) {
    const read = readQuotaGrid(grid, file, 'file', settings);
    if (read && read.table.units.length > 0) return read;
  }
  return undefined;
}

/** The office's units list of a chosen file, named for the county of the quota table; undefined when it has none. */
export function registerFromGrids(
  grids: readonly Grid[],
  file: string,
  quota?: QuotaRead,
): UnitRegister | undefined {
  return readUnitRegister(grids, file, (quota?.table ?? YUDU_2020).region);
}

/** A file as the front read it: its path relative to the inbox, its folders, its sheets or its error. */
export function inboxFile(
  file: string,
  read: { grids?: readonly Grid[]; error?: FileError; errorKind?: InboxFile['errorKind'] },
): InboxFile {
  const parts = file.split('/');
  return { file, folder: parts.slice(0, -1).join('/'), ...read };
}
