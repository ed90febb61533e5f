import type { Grid } from './grid';
import type { Severity } from './issue';

/** A mark to put on one cell: a fill by severity and a note saying what is wrong and what is expected. */
export interface CellMark {
  sheet: string;
  row: number;
  column: number;
  severity: Severity;
  note: string;
}

/** A mark 清除标记 left in place, and why. */
export interface SkippedMark {
  sheet: string;
  address: string;
  /** The sheet is gone; the cell moved and its row was not found again; or the person changed its fill since. */
  reason: 'sheet-deleted' | 'moved' | 'changed';
}

/** What 清除标记 did in an open workbook, the same for every host: cells restored, and marks left alone. */
export interface ClearReport {
  restored: number;
  /** Of the restored: marks found again at another row (rows inserted, deleted or sorted since marking). */
  relocated: number;
  /** Notes or comments the person had written in since marking: only our text was taken out, their words stay. */
  kept: number;
  skipped: SkippedMark[];
}

/** What every host adapter (xlsx file, Excel, WPS) offers the engine and the pane. */
export interface WorkbookPort {
  /** Every worksheet as a grid (values, number formats, merges). */
  readSheets(): Promise<Grid[]>;
  /** Fills and notes the given cells; never writes a cell value. */
  applyMarks(marks: CellMark[]): Promise<void>;
  /** Removes the marks this add-in made, restoring what was there before. */
  clearMarks(): Promise<void>;
}

/** Fill colours of marks, ARGB: error red, warning amber, info blue. */
export const MARK_COLOURS: Record<Severity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};

/** What the host can do, detected at run time (Excel requirement sets, WPS version, or a file). */
export interface HostCapabilities {
  host: 'excel' | 'wps' | 'file';
  /** Cell notes (ExcelApi 1.18; absent from Office 2021/2024 LTSC). */
  notes: boolean;
  /** Threaded comments (ExcelApi 1.10). */
  comments: boolean;
  /** Multi-area ranges for grouped formatting (ExcelApi 1.9). */
  rangeAreas: boolean;
  /** Reading merged areas (ExcelApi 1.13). */
  mergedAreas: boolean;
  charts: boolean;
  /** Change events for live re-validation (ExcelApi 1.7). */
  events: boolean;
}

/** A sheet edit reported by the host: the sheet and the 1-based rows touched. */
export interface RowsChanged {
  sheet: string;
  rows: number[];
  /** Rows or columns inserted (`by` > 0) or deleted (`by` < 0) at `from`: positions at or after it moved. */
  shift?: { axis: 'rows' | 'columns'; from: number; by: number };
}

/** The port the task pane talks to: the file port plus what an open workbook in a host can do. */
export interface PaneWorkbookPort extends WorkbookPort {
  capabilities(): HostCapabilities;
  /** Name of the sheet the user is looking at. */
  activeSheet(): Promise<string>;
  /** Reads one sheet only (the pane validates the active sheet by default). */
  readSheet(name: string): Promise<import('./grid').Grid>;
  /** Selects a cell (and shows its sheet): one click from an issue to its cell. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Adds (or replaces) a generated sheet: results, summaries, reports. Never touches other sheets' data. */
  writeSheet(spec: import('./sheet-spec').SheetSpec): Promise<void>;
  /** Re-marks only the given rows of a sheet: their old marks are restored first, then the new ones applied. */
  remarkRows(sheet: string, rows: readonly number[], marks: CellMark[]): Promise<void>;
  /** Subscribes to edits; returns the unsubscribe function. Absent where the host has no events. */
  onRowsChanged?(listener: (change: RowsChanged) => void): Promise<() => void>;
  /** The sheet names in tab order, without reading any cell, where the host can list them cheaply. */
  sheetNames?(): Promise<string[]>;
  /** The open workbook's file name, where the host knows it. */
  workbookName?(): Promise<string>;
  /** 清除标记 with what it did, where the host keeps a record of its marks (Excel, WPS). */
  clearMarksWithReport?(): Promise<ClearReport>;
  /** Small state kept inside the workbook (the last result, the user's column mapping). */
  loadState(key: string): Promise<string | undefined>;
  saveState(key: string, value: string): Promise<void>;
}
