import { itemAt } from '../../core/item-at';
import type { MergeRange } from '../../core/grid';
import type { CellSpec, SheetSpec, StyleSpec } from '../../core/sheet-spec';
import { centredBox, reportTableStyles } from '../tally/table-styles';
import { wrappedHeight } from '../tally/text-height';

const BODY = { name: '宋体', size: 10 };
const box = (extra: StyleSpec = {}): StyleSpec => centredBox(BODY, extra);

/** Fills of the review's statuses (ARGB): sent green, sent with errors amber, missing red, not asked grey. */
export const REVIEW_FILLS = {
  ok: 'FFC6EFCE',
  issues: 'FFFFEB9C',
  missing: 'FFFFC7CE',
  none: 'FFF2F2F2',
  shared: 'FFFFF2CC',
} as const;

/** The styles of the review's sheets: title, note, header, body cells (centred, left), totals and statuses. */
export const TABLE_STYLES: Record<string, StyleSpec> = {
  ...reportTableStyles(BODY),
  totalLeft: box({
    font: { ...BODY, bold: true },
    fill: 'FFF2F2F2',
    align: { horizontal: 'left', vertical: 'middle', wrap: true },
  }),
  ok: box({ font: { ...BODY, colour: 'FF006100' }, fill: REVIEW_FILLS.ok }),
  issues: box({ font: { ...BODY, colour: 'FF9C5700' }, fill: REVIEW_FILLS.issues }),
  missing: box({ font: { ...BODY, bold: true, colour: 'FF9C0006' }, fill: REVIEW_FILLS.missing }),
  none: box({ font: { ...BODY, colour: 'FF7F7F7F' }, fill: REVIEW_FILLS.none }),
  shared: box({ fill: REVIEW_FILLS.shared, align: { horizontal: 'left', vertical: 'middle', wrap: true } }),
  error: box({ font: { ...BODY, colour: 'FF9C0006' } }),
  warning: box({ font: { ...BODY, colour: 'FF9C5700' } }),
};

/** One row of a table: its values and the style of each cell (one style for all, or one per cell). */
export interface TableRow {
  values: ReadonlyArray<string | number | null>;
  style: string | readonly string[];
}

/** A printable table: title, a note line, a header row repeated on every page, body rows, optional closing rows. */
export interface TableSpec {
  name: string;
  title: string;
  note?: string;
  head: readonly string[];
  /** Column widths in characters. */
  widths: readonly number[];
  rows: readonly TableRow[];
  orientation: 'portrait' | 'landscape';
  /** Columns whose text wraps and sets the row height (0-based); all by default. */
  wrapColumns?: readonly number[];
}

/** The row number of the header in every table sheet: title, note, header. */
export const TABLE_HEADER_ROW = 3;

/**
 * A table as a print-ready sheet: 黑体 title, a note, ruled cells in 宋体, the header repeated on every printed page,
 * A4 fitted to the page width, rows as tall as their wrapped text, page numbers at the foot, panes frozen under
 * the header.
 */
export function tableSheet(spec: TableSpec): SheetSpec {
  const width = spec.widths.length;
  const rows: SheetSpec['rows'] = [];
  const merges: MergeRange[] = [];
  const wide = (value: string, style: string, height: number) => {
    rows.push({ cells: [{ value, style }, ...Array<null>(width - 1).fill(null)], height });
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: width });
  };
  wide(spec.title, 'title', 32);
  wide(
    spec.note ?? '',
    'note',
    spec.note
      ? wrappedHeight([{ text: spec.note, width: spec.widths.reduce((s, w) => s + w, 0) }], 10, 20)
      : 8,
  );
  const headHeight = wrappedHeight(
    spec.head.map((text, i) => ({ text, width: itemAt(spec.widths, i) })),
    10,
    24,
  );
  rows.push({ cells: spec.head.map((value) => ({ value, style: 'head' })), height: headHeight });
  const wraps = spec.wrapColumns ?? spec.widths.map((_, i) => i);
  for (const row of spec.rows) {
    const cells: CellSpec[] = spec.head.map((_, i) => ({
      value: row.values[i] ?? null,
      style: typeof row.style === 'string' ? row.style : (row.style[i] ?? 'cell'),
    }));
    const height = wrappedHeight(
      wraps.map((i) => ({ text: String(row.values[i] ?? ''), width: itemAt(spec.widths, i) })),
      10,
      17,
    );
    rows.push({ cells, height });
  }
  return {
    name: spec.name,
    columns: [...spec.widths],
    rows,
    merges,
    styles: TABLE_STYLES,
    page: {
      orientation: spec.orientation,
      paper: 'A4',
      fitToWidth: true,
      printTitleRows: { first: TABLE_HEADER_ROW, last: TABLE_HEADER_ROW },
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
      horizontalCentered: true,
      footer: '&C第 &P 页，共 &N 页',
    },
    freeze: { rows: TABLE_HEADER_ROW, columns: 0 },
  };
}
