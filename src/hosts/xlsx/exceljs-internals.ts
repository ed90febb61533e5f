import type ExcelJS from 'exceljs';
import type { MergeRange } from '../../core/grid';

// Why internals: the public per-cell API copies (formula values, `worksheet.model` rebuilds every row), which
// costs seconds on a 50k-row sheet. These shapes are exceljs 4.4.0's (lib/doc/worksheet.js, row.js, cell.js);
// package.json pins that version, and test/hosts/xlsx checks them on a real workbook.

/** exceljs 4.4.0 `Enums.ValueType`. */
export const ValueType = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

/** The per-cell value model exceljs keeps (`cell._value.model`). */
export interface ValueModel {
  type: number;
  value?: unknown;
  result?: unknown;
  text?: unknown;
}

/** A cell as stored: its value holder and its (possibly shared) style object. */
export interface InternalCell {
  _value: { model: ValueModel };
  style: Partial<ExcelJS.Style>;
}

/** A row as stored: a sparse, 0-based array of cells. */
export interface InternalRow {
  _cells: (InternalCell | undefined)[];
}

interface InternalSheet {
  _rows: (InternalRow | undefined)[];
  _merges: Record<string, { top: number; left: number; bottom: number; right: number }>;
}

/** The sheet's rows, 0-based (index = row number - 1), sparse. */
export function rowsOf(sheet: ExcelJS.Worksheet): (InternalRow | undefined)[] {
  return (sheet as unknown as InternalSheet)._rows ?? [];
}

/** The sheet's merged ranges, read from the index exceljs keeps (not `worksheet.model`, which rebuilds everything). */
export function mergesOf(sheet: ExcelJS.Worksheet): MergeRange[] {
  const index = (sheet as unknown as InternalSheet)._merges ?? {};
  const out: MergeRange[] = [];
  for (const key of Object.keys(index)) {
    const r = index[key];
    out.push({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
  }
  return out;
}
