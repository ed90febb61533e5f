import type { CellSpec, PageSpec, StyleSpec } from '../../core/sheet-spec';

/** Title font of official forms: 黑体 is on every Chinese Windows and WPS install (方正小标宋 often is not). */
export const TITLE_FONT = '黑体';
/** Body font of official documents. */
export const BODY_FONT = '仿宋';
/** Body size in points (小四). */
export const BODY_SIZE = 12;

/** The styles every generated form uses: title, the lines above the table, ruled header and body cells. */
export const FORM_STYLES = {
  title: {
    font: { name: TITLE_FONT, size: 20 },
    align: { horizontal: 'center', vertical: 'middle', wrap: true },
  },
  subtitle: {
    font: { name: BODY_FONT, size: BODY_SIZE },
    align: { horizontal: 'center', vertical: 'middle', wrap: true },
  },
  line: { font: { name: BODY_FONT, size: BODY_SIZE }, align: { horizontal: 'left', vertical: 'bottom' } },
  lineRight: {
    font: { name: BODY_FONT, size: BODY_SIZE },
    align: { horizontal: 'right', vertical: 'bottom' },
  },
  head: {
    font: { name: TITLE_FONT, size: BODY_SIZE },
    align: { horizontal: 'center', vertical: 'middle', wrap: true },
    border: 'thin',
  },
  cell: {
    font: { name: BODY_FONT, size: BODY_SIZE },
    align: { horizontal: 'left', vertical: 'middle', wrap: true },
    border: 'thin',
  },
  centre: {
    font: { name: BODY_FONT, size: BODY_SIZE },
    align: { horizontal: 'center', vertical: 'middle', wrap: true },
    border: 'thin',
  },
  total: {
    font: { name: TITLE_FONT, size: BODY_SIZE },
    align: { horizontal: 'center', vertical: 'middle', wrap: true },
    border: 'thin',
  },
  notice: {
    font: { name: BODY_FONT, size: 14 },
    align: { horizontal: 'center', vertical: 'middle', wrap: true },
    border: 'thin',
  },
  sign: { font: { name: BODY_FONT, size: BODY_SIZE }, align: { horizontal: 'left', vertical: 'bottom' } },
} satisfies Record<string, StyleSpec>;

/** A4 landscape, fitted to the page width, the header row(s) repeated on every page, page numbers at the foot. */
export function formPage(headerRow: number): PageSpec {
  return {
    orientation: 'landscape',
    paper: 'A4',
    fitToWidth: true,
    printTitleRows: { first: headerRow, last: headerRow },
    margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.6 },
    horizontalCentered: true,
    footer: '&C第 &P 页，共 &N 页',
  };
}

/**
 * A row of `width` cells from `values` with one style. Cells a merge covers are still given the style, so that
 * a ruled merged cell keeps its border on every side.
 */
export function styledRow(
  values: ReadonlyArray<string | number | null>,
  width: number,
  style: string,
): CellSpec[] {
  return Array.from({ length: width }, (_, i) => ({ value: values[i] ?? null, style }));
}
