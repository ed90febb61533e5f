/** Rows of a sheet in Excel and WPS 表格 (1,048,576). */
export const SHEET_ROWS = 1_048_576;

/** Columns of a sheet in Excel and WPS 表格 (16,384, XFD). */
export const SHEET_COLUMNS = 16_384;

/**
 * The one number of a 1-based cell, for maps and sets: `row × 16,384 + column`, exact for every cell of a sheet
 * (far below 2^53). Every host adapter and the clear logic key cells with it, so their maps agree.
 */
export function cellKey(row: number, column: number): number {
  return row * SHEET_COLUMNS + column;
}
