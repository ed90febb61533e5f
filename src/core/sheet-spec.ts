import type { MergeRange } from './grid';

/** Cell look: fonts as in official documents, fills, alignment, thin borders, number format. */
export interface StyleSpec {
  font?: { name?: string; size?: number; bold?: boolean; colour?: string };
  /** ARGB fill, e.g. FFFFC7CE. */
  fill?: string;
  align?: {
    horizontal?: 'left' | 'center' | 'right';
    vertical?: 'top' | 'middle' | 'bottom';
    wrap?: boolean;
  };
  border?: 'thin';
  numberFormat?: string;
}

/**
 * One cell of a generated sheet. `value` strings are literal text, always: a host must write them so that
 * text such as `=1` or `+86…` never becomes a formula. Only `formula` (made by our code, never from user
 * text) is a formula; `value` is then its cached result.
 */
export interface CellSpec {
  value: string | number | null;
  formula?: string;
  /** Key into `SheetSpec.styles`. */
  style?: string;
  /** A link to a cell of this workbook (sheet and A1 address). */
  link?: { sheet: string; cell: string };
}

/** Page setup of a printable sheet. */
export interface PageSpec {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  /** Fit all columns on the page width (any number of pages tall). */
  fitToWidth: boolean;
  /** 1-based rows repeated at the top of every printed page. */
  printTitleRows?: { first: number; last: number };
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number };
  horizontalCentered?: boolean;
  /** Centre footer on every printed page; `&P` is the page number and `&N` the page count (Excel and WPS codes). */
  footer?: string;
}

/** A bar chart of some columns against a category column (drawn where the host supports charts). */
export interface ChartSpec {
  title: string;
  /** 1-based rows of the data (without the header row). */
  firstRow: number;
  lastRow: number;
  categoryColumn: number;
  seriesColumns: number[];
  /** 1-based row and column of the chart's top-left corner. */
  anchor: { row: number; column: number };
  /** 1-based row and column of the cell the chart's bottom-right corner reaches (a host's default size when absent). */
  to?: { row: number; column: number };
  /** The sheet the data rows are on, when not the chart's own sheet (a chart on a sheet of its own). */
  dataSheet?: string;
  /** Bars drawn upwards (`column`, the default) or sideways (`bar`: long category names read in a column). */
  direction?: 'column' | 'bar';
  /** RGB fill of each series (e.g. 5B9BD5), in `seriesColumns` order. */
  colours?: string[];
}

/** A generated sheet described without any host: the xlsx, Excel and WPS adapters each render it. */
export interface SheetSpec {
  name: string;
  /** Column widths in characters (as Excel and WPS count them). */
  columns: number[];
  rows: Array<{ cells: Array<CellSpec | null>; height?: number }>;
  merges: MergeRange[];
  styles: Record<string, StyleSpec>;
  page?: PageSpec;
  freeze?: { rows: number; columns: number };
  /** 1-based rows after which a new printed page starts (manual page breaks). */
  rowBreaks?: number[];
  charts?: ChartSpec[];
  /** Formats the host re-evaluates as values change (a status recoloured when a live count changes). */
  conditionalFormats?: ConditionalFormatSpec[];
}

/**
 * Rules applied by the host to the cells of `range`, first true rule wins: `formula` is written for the range's
 * top-left cell (relative references move with the cell, as in Excel's and WPS's "use a formula" rules), and
 * `style` is a key into `SheetSpec.styles` (its fill and font are used).
 */
export interface ConditionalFormatSpec {
  range: MergeRange;
  rules: Array<{ formula: string; style: string }>;
}

/** A text cell. */
export const text = (value: string | number | null, style?: string): CellSpec => ({ value, style });

/** Rectangles of same-style cells: horizontal runs per row, merged down where consecutive rows share a run. */
export function styleRects(spec: SheetSpec): Map<string, MergeRange[]> {
  const out = new Map<string, MergeRange[]>();
  const open = new Map<string, MergeRange>();
  spec.rows.forEach((row, i) => {
    const r = i + 1;
    const runs: Array<[string, number, number]> = [];
    row.cells.forEach((cell, j) => {
      const s = cell?.style;
      if (!s) return;
      const last = runs[runs.length - 1];
      if (last && last[0] === s && last[2] === j) last[2] = j + 1;
      else runs.push([s, j + 1, j + 1]);
    });
    for (const [style, left, right] of runs) {
      const key = `${style}\u0001${left}\u0001${right}`;
      const prev = open.get(key);
      if (prev && prev.bottom === r - 1) {
        prev.bottom = r;
        continue;
      }
      const rect = { top: r, left, bottom: r, right };
      open.set(key, rect);
      let list = out.get(style);
      if (!list) out.set(style, (list = []));
      list.push(rect);
    }
  });
  return out;
}
