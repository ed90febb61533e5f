import type { SheetSpec } from '../../core/sheet-spec';

const POINTS_PER_INCH = 72;
/** A4 in points, portrait. */
const A4 = { width: 595.3, height: 841.9 };
/** Excel's default row height in points, for rows without one. */
const DEFAULT_ROW = 15;

/** A column of `chars` characters in points (Excel: chars × 7 px + 5 px of padding, at 96 px per inch). */
const columnPoints = (chars: number) => (chars * 7 + 5) * 0.75;

/** The printable height of a page in the sheet's own points (fit-to-width shrinks the sheet, so more fits). */
function printableHeight(spec: SheetSpec): number {
  const page = spec.page;
  const landscape = page?.orientation === 'landscape';
  const width = landscape ? A4.height : A4.width;
  const height = landscape ? A4.width : A4.height;
  const m = page?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
  const tableWidth = spec.columns.reduce((s, c) => s + columnPoints(c), 0);
  const usableWidth = width - (m.left + m.right) * POINTS_PER_INCH;
  const scale = page?.fitToWidth && tableWidth > usableWidth ? usableWidth / tableWidth : 1;
  return (height - (m.top + m.bottom) * POINTS_PER_INCH) / scale;
}

/** 1-based rows that start each printed page after the first, laying rows of known height on pages in turn. */
export function pageStarts(spec: SheetSpec): number[] {
  const heights = spec.rows.map((r) => r.height ?? DEFAULT_ROW);
  const titles = spec.page?.printTitleRows;
  const repeat = titles ? heights.slice(titles.first - 1, titles.last).reduce((s, h) => s + h, 0) : 0;
  const page = printableHeight(spec);
  const breaks = new Set(spec.rowBreaks ?? []);
  const starts: number[] = [];
  let used = 0;
  heights.forEach((h, i) => {
    const row = i + 1;
    if ((used + h > page && used > 0) || breaks.has(row - 1)) {
      starts.push(row);
      used = repeat;
    }
    used += h;
  });
  return starts;
}

/**
 * Widths and heights are counted as Excel and WPS print them (Calibri 11 digit width, as on Windows). LibreOffice
 * without Calibri draws columns wider and shrinks the page to fit, so it fits more rows than estimated: a break
 * placed by this estimate is then early, never late.
 *
 * Keeps the closing rows of a form (合计 and the signature block, from `firstClosingRow` on) from being printed on a
 * page of their own: when they would start a page, a manual break before the last table row carries that row over
 * with them. Row heights are the spec's own, so the estimate only assumes the page and margins it describes.
 */
export function keepClosingRowsWithTable(
  spec: SheetSpec,
  firstClosingRow: number,
  firstTableRow: number,
): SheetSpec {
  const starts = pageStarts(spec);
  const lastStart = starts[starts.length - 1];
  if (lastStart === undefined || lastStart < firstClosingRow) return spec;
  const carried = firstClosingRow - 1;
  if (carried <= firstTableRow) return spec; // nothing to carry: the table has no row of its own to spare
  return { ...spec, rowBreaks: [...(spec.rowBreaks ?? []), carried - 1] };
}
