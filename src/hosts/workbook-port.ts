import type { Grid } from '../core/grid';
import type { Severity } from '../core/issue';

/** A mark to put on one cell: a fill by severity and a note saying what is wrong and what is expected. */
export interface CellMark {
  sheet: string;
  row: number;
  column: number;
  severity: Severity;
  note: string;
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
