import { itemAt } from '../core/item-at';
import type { Grid } from '../core/grid';
import type { Locale } from '../core/locale';
import type { SheetReport } from '../core/report';
import type { SheetHint } from '../core/validate';
import { checkGrids, issuesToMarks } from '../features/check-workbook';
import type { CellMark, ClearReport, PaneWorkbookPort } from '../core/workbook-port';
import { type PaneSettings, parsePaneSettings, toEngineSettings } from './pane-settings';

/** Keys of what the pane keeps inside the workbook (or, standalone, in the browser). */
export const STATE_KEYS = {
  result: 'drc.result',
  hints: 'drc.hints',
  settings: 'drc.settings',
  /** A ribbon command's failure, for the pane to show when it opens next. */
  commandError: 'drc.commandError',
} as const;

/** At most this many issues per sheet are kept in the workbook: the state must stay small. */
export const MAX_STORED_ISSUES = 2000;

/** One sheet's last result as kept in the workbook. */
export interface StoredSheet {
  report: SheetReport;
  /** ISO time of the validation. */
  at: string;
  /** True while the add-in's marks for this result are on the sheet. */
  marked: boolean;
  /** How many issues were left out to keep the state small (absent when none). */
  truncated?: number;
}

/** The last results by sheet name, and which sheet was validated last. */
export interface StoredResult {
  v: 1;
  last: string;
  sheets: Record<string, StoredSheet>;
}

/** A validated sheet: its report, the grid it was read from, and the marks to put on it. */
export interface SheetCheck {
  report: SheetReport;
  grid: Grid;
  marks: CellMark[];
}

/** Validates one grid with the pane's settings and the user's correction of the header, if any. */
export function checkGrid(grid: Grid, settings: PaneSettings, hint?: SheetHint): SheetCheck {
  // One grid in, one report out.
  const report = itemAt(
    checkGrids([grid], toEngineSettings(settings), hint ? { [grid.name]: hint } : undefined),
    0,
  );
  return { report, grid, marks: issuesToMarks([report], settings.locale) };
}

/** The rows that carry at least one mark. */
export function markedRows(marks: readonly CellMark[]): number[] {
  return [...new Set(marks.map((m) => m.row))].sort((a, b) => a - b);
}

/** The rows whose marks differ between two markings of a sheet (a mark added, removed, or changed). */
export function changedMarkRows(before: readonly CellMark[], after: readonly CellMark[]): number[] {
  const key = (m: CellMark) => `${m.row}:${m.column}`;
  const old = new Map(before.map((m) => [key(m), m]));
  const rows = new Set<number>();
  for (const m of after) {
    const o = old.get(key(m));
    if (!o || o.severity !== m.severity || o.note !== m.note) rows.add(m.row);
    old.delete(key(m));
  }
  for (const m of old.values()) rows.add(m.row);
  return [...rows].sort((a, b) => a - b);
}

/** The marks of one report in a locale (notes are written in the pane's language). */
export function marksOf(report: SheetReport | undefined, locale: Locale): CellMark[] {
  return report ? issuesToMarks([report], locale) : [];
}

/** Rows 1 to the last row a grid covers (a full re-marking of the sheet touches each of them). */
export function gridRows(grid: Grid): number[] {
  const last = (grid.startRow ?? 1) + grid.values.length - 1;
  return Array.from({ length: Math.max(0, last) }, (_, i) => i + 1);
}

/**
 * Puts a sheet's new marks on it by re-marking every row: the adapter restores the marks it recorded on those rows
 * before (keeping the originals of the first marking) and applies the new ones, so cells fixed since an earlier
 * validation lose their marks even when the stored result is cut short or was lost. Nothing to mark and nothing
 * marked before: the workbook is not touched (a read-only workbook with no problems stays quiet).
 */
export async function markSheet(
  port: PaneWorkbookPort,
  grid: Grid,
  marks: CellMark[],
  previous?: StoredSheet,
  locale: Locale = 'zh-CN',
): Promise<void> {
  if (marks.length === 0 && !previous?.marked) return;
  const rows = new Set([
    ...gridRows(grid),
    ...markedRows(marks),
    ...(previous ? markedRows(marksOf(previous.report, locale)) : []),
  ]);
  await port.remarkRows(
    grid.name,
    [...rows].sort((a, b) => a - b),
    marks,
  );
}

/** Reads, validates and marks one sheet of an open workbook; the grid is read once. */
export async function validateSheet(
  port: PaneWorkbookPort,
  sheet: string,
  settings: PaneSettings,
  hint: SheetHint | undefined,
  previous: StoredSheet | undefined,
): Promise<SheetCheck> {
  const grid = await port.readSheet(sheet);
  const check = checkGrid(grid, settings, hint);
  await markSheet(port, grid, check.marks, previous, settings.locale);
  return check;
}

/**
 * After an edit: validates the whole grid again (fast; a duplicate may appear on a row not edited) and returns the
 * rows whose marks must change, with their new marks. Rows the user edited are always included.
 */
export function recheck(
  grid: Grid,
  settings: PaneSettings,
  hint: SheetHint | undefined,
  previous: SheetReport,
  editedRows: readonly number[],
): { check: SheetCheck; rows: number[]; marks: CellMark[] } {
  const check = checkGrid(grid, settings, hint);
  const rows = new Set([...changedMarkRows(marksOf(previous, settings.locale), check.marks), ...editedRows]);
  const marks = check.marks.filter((m) => rows.has(m.row));
  return { check, rows: [...rows].sort((a, b) => a - b), marks };
}

/** A stored result with one sheet's report put in (issues cut to the cap). */
export function withSheet(
  stored: StoredResult | undefined,
  report: SheetReport,
  marked: boolean,
  at = new Date(),
): StoredResult {
  const kept =
    report.issues.length > MAX_STORED_ISSUES
      ? { ...report, issues: report.issues.slice(0, MAX_STORED_ISSUES) }
      : report;
  const entry: StoredSheet = { report: kept, at: at.toISOString(), marked };
  if (kept !== report) entry.truncated = report.issues.length - MAX_STORED_ISSUES;
  return { v: 1, last: report.name, sheets: { ...(stored?.sheets ?? {}), [report.name]: entry } };
}

/** The stored result after 清除标记: the reports stay, no sheet carries marks any more. */
export function withoutMarks(stored: StoredResult | undefined): StoredResult | undefined {
  if (!stored) return undefined;
  const sheets: Record<string, StoredSheet> = {};
  for (const [name, s] of Object.entries(stored.sheets)) sheets[name] = { ...s, marked: false };
  return { ...stored, sheets };
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads a stored result; anything unreadable is treated as no result. */
export function parseStoredResult(text: string | undefined): StoredResult | undefined {
  const raw = parseJson(text) as StoredResult | undefined;
  if (!raw || raw.v !== 1 || typeof raw.sheets !== 'object' || raw.sheets === null) return undefined;
  for (const s of Object.values(raw.sheets))
    if (!s || !s.report || !Array.isArray(s.report.issues)) return undefined;
  return raw;
}

/** Reads the stored hints (header corrections by sheet name). */
export function parseHints(text: string | undefined): Record<string, SheetHint> {
  const raw = parseJson(text);
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, SheetHint> = {};
  for (const [sheet, h] of Object.entries(raw as Record<string, SheetHint>)) {
    const hint: SheetHint = {};
    const rows = h?.headerRows;
    if (
      rows &&
      Number.isInteger(rows.first) &&
      Number.isInteger(rows.last) &&
      rows.first >= 1 &&
      rows.last >= rows.first
    )
      hint.headerRows = { first: rows.first, last: rows.last };
    if (h?.columns && typeof h.columns === 'object') {
      const columns: Record<string, number> = {};
      for (const [field, c] of Object.entries(h.columns))
        if (Number.isInteger(c) && c >= 1) columns[field] = c;
      if (Object.keys(columns).length > 0) hint.columns = columns;
    }
    if (hint.headerRows || hint.columns) out[sheet] = hint;
  }
  return out;
}

/** Everything the pane and the ribbon commands keep in a workbook, loaded at once. */
export interface PaneState {
  settings: PaneSettings;
  hints: Record<string, SheetHint>;
  result: StoredResult | undefined;
}

/** Loads settings, hints and the last result; broken entries fall back to defaults. */
export async function loadPaneState(port: PaneWorkbookPort, defaults: PaneSettings): Promise<PaneState> {
  const [settings, hints, result] = await Promise.all([
    port.loadState(STATE_KEYS.settings),
    port.loadState(STATE_KEYS.hints),
    port.loadState(STATE_KEYS.result),
  ]);
  return {
    settings: parsePaneSettings(settings, defaults),
    hints: parseHints(hints),
    result: parseStoredResult(result),
  };
}

/** Saves the last result. */
export async function saveResult(port: PaneWorkbookPort, result: StoredResult | undefined): Promise<void> {
  await port.saveState(STATE_KEYS.result, result ? JSON.stringify(result) : '');
}

/**
 * What the 校验 button on the ribbon does: validates the active sheet with the saved settings and header
 * corrections, marks it, and keeps the result for the pane. Returns the report.
 */
export async function validateActiveSheet(
  port: PaneWorkbookPort,
  defaults: PaneSettings,
): Promise<SheetReport> {
  const state = await loadPaneState(port, defaults);
  const sheet = await port.activeSheet();
  const check = await validateSheet(
    port,
    sheet,
    state.settings,
    state.hints[sheet],
    state.result?.sheets[sheet],
  );
  await saveResult(port, withSheet(state.result, check.report, true));
  return check.report;
}

/** What 清除标记 does: restores every marked cell and remembers that nothing is marked any more. */
export async function clearAllMarks(
  port: PaneWorkbookPort,
): Promise<{ stored: StoredResult | undefined; report?: ClearReport }> {
  let report: ClearReport | undefined;
  if (port.clearMarksWithReport) report = await port.clearMarksWithReport();
  else await port.clearMarks();
  const stored = withoutMarks(parseStoredResult(await port.loadState(STATE_KEYS.result)));
  await saveResult(port, stored);
  return { stored, report };
}
