import { cellAddress } from '../../core/grid';
import {
  type CellSpec,
  type ChartSpec,
  type SheetSpec,
  type StyleSpec,
  styleRects,
} from '../../core/sheet-spec';
import {
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
  hexToBgr,
  XL_BAR_CLUSTERED,
  XL_COLUMN_CLUSTERED,
  XL_COLUMNS,
  XL_CONTINUOUS,
  XL_EXPRESSION,
  XL_H_CENTER,
  XL_H_LEFT,
  XL_H_RIGHT,
  XL_LANDSCAPE,
  XL_PAPER_A4,
  XL_PORTRAIT,
  XL_THIN,
  XL_V_BOTTOM,
  XL_V_CENTER,
  XL_V_TOP,
} from './et-model';
import { quoteSheet, rectAddress } from './wps-address';
import { assertWritable, findSheet, lastVisibleSheet, quietly, STORE_SHEET } from './wps-book';
import type { RangeEnv } from './wps-ranges';
import { asText } from './wps-store';

/**
 * A cell's value as written in one bulk `Value2`: text gets the leading apostrophe that makes WPS (and Excel) keep
 * it as typed — so `=1`, `+86 …`, `0123` or `1/2` never become a formula, a number or a date — numbers stay
 * numbers, formula cells are left empty here (written as formulas afterwards).
 */
function cellValue(cell: CellSpec | null): string | number | null {
  if (!cell || cell.formula) return null;
  if (typeof cell.value === 'string') return cell.value === '' ? null : asText(cell.value);
  return typeof cell.value === 'number' ? cell.value : null;
}

const H_ALIGN = { left: XL_H_LEFT, center: XL_H_CENTER, right: XL_H_RIGHT } as const;
const V_ALIGN = { top: XL_V_TOP, middle: XL_V_CENTER, bottom: XL_V_BOTTOM } as const;

/** Applies a style to a range: font, fill, alignment, wrap, thin borders (edges and inside lines), number format. */
function applyStyle(range: EtRange, style: StyleSpec): void {
  if (style.font) {
    const font = range.Font;
    if (style.font.name) font.Name = style.font.name;
    if (style.font.size) font.Size = style.font.size;
    if (style.font.bold !== undefined) font.Bold = style.font.bold;
    if (style.font.colour) font.Color = hexToBgr(style.font.colour);
  }
  if (style.fill) range.Interior.Color = hexToBgr(style.fill);
  if (style.align?.horizontal) range.HorizontalAlignment = H_ALIGN[style.align.horizontal];
  if (style.align?.vertical) range.VerticalAlignment = V_ALIGN[style.align.vertical];
  if (style.align?.wrap !== undefined) range.WrapText = style.align.wrap;
  if (style.border === 'thin') {
    // Setting the Borders collection sets the four edges and the inside lines at once.
    const borders = range.Borders;
    borders.LineStyle = XL_CONTINUOUS;
    borders.Weight = XL_THIN;
    borders.Color = 0;
  }
  if (style.numberFormat) range.NumberFormat = style.numberFormat;
}

/**
 * A bar chart of some columns against a category column (of the chart's sheet, or of `dataSheet`), sized to reach
 * `to` when given; drawing is best effort (charts only decorate the sheet).
 */
function drawChart(ws: EtWorksheet, chart: ChartSpec, book: EtWorkbook): void {
  const header = chart.firstRow - 1;
  const cols = [chart.categoryColumn, ...chart.seriesColumns];
  const source = cols
    .map((c) => rectAddress({ top: header, left: c, bottom: chart.lastRow, right: c }))
    .join(',');
  try {
    const data = chart.dataSheet ? book.Worksheets.Item(chart.dataSheet) : ws;
    const anchor = ws.Range(cellAddress(chart.anchor.row, chart.anchor.column));
    const end = chart.to ? ws.Range(cellAddress(chart.to.row, chart.to.column)) : undefined;
    const width = end ? end.Left - anchor.Left : 480;
    const height = end ? end.Top - anchor.Top : 288;
    const object = ws.ChartObjects().Add(anchor.Left, anchor.Top, width, height);
    const c = object.Chart;
    c.ChartType = chart.direction === 'bar' ? XL_BAR_CLUSTERED : XL_COLUMN_CLUSTERED;
    c.SetSourceData(data.Range(source), XL_COLUMNS);
    c.HasTitle = true;
    c.ChartTitle.Text = chart.title;
  } catch {
    // A WPS build without chart support in its JS API: the table is complete without the chart.
  }
}

/** What writing a sheet needs besides the range helpers. */
export interface WriteEnv extends RangeEnv {
  book: EtWorkbook;
}

/**
 * Writes a generated sheet, replacing a sheet of the same name (renamed aside, the new one added after the last
 * sheet, the old one deleted), and leaves it active. Values go in one bulk write; text never becomes a formula
 * (see `cellValue`); formulas come only from `CellSpec.formula`. Then styles by rectangle, widths in characters
 * (`ColumnWidth` counts characters, as SheetSpec does), row heights by runs, merges, links, conditional formats,
 * freeze panes, page setup (A4, orientation, fit to one page wide, print titles, centre footer) and page breaks.
 */
export function writeSheetIn(env: WriteEnv, spec: SheetSpec): EtWorksheet {
  const { book, app } = env;
  assertWritable(book, [], true);
  return quietly(app, () => {
    const existing = spec.name === STORE_SHEET ? undefined : findSheet(book, spec.name);
    if (existing) {
      let n = 1;
      while (findSheet(book, `_drc_old_${n}`)) n++;
      existing.Name = `_drc_old_${n}`;
    }
    const ws = book.Worksheets.Add(undefined, lastVisibleSheet(book));
    ws.Name = spec.name;
    existing?.Delete();

    const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.cells.length), 1);
    const height = spec.rows.length;
    if (height > 0) {
      const values = spec.rows.map((row) => {
        const out: Array<string | number | null> = new Array(width).fill(null);
        row.cells.forEach((cell, j) => (out[j] = cellValue(cell)));
        return out;
      });
      ws.Range(rectAddress({ top: 1, left: 1, bottom: height, right: width })).Value2 = values;
    }
    spec.rows.forEach((row, i) =>
      row.cells.forEach((cell, j) => {
        if (!cell) return;
        const address = cellAddress(i + 1, j + 1);
        if (cell.formula)
          ws.Range(address).Formula = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
        if (cell.link)
          ws.Hyperlinks.Add(
            ws.Range(address),
            '',
            `${quoteSheet(cell.link.sheet)}!${cell.link.cell}`,
            undefined,
            String(cell.value ?? ''),
          );
      }),
    );
    for (const [key, rects] of styleRects(spec)) {
      const style = spec.styles[key];
      if (!style) continue;
      for (const rect of rects) applyStyle(ws.Range(rectAddress(rect)), style);
    }
    spec.columns.forEach((w, i) => {
      ws.Columns.Item(i + 1).ColumnWidth = w;
    });
    let run: { from: number; to: number; height: number } | undefined;
    const flush = () => {
      if (run) ws.Range(`${run.from}:${run.to}`).RowHeight = run.height;
    };
    spec.rows.forEach((row, i) => {
      const r = i + 1;
      if (run && row.height === run.height && r === run.to + 1) run.to = r;
      else {
        flush();
        run = row.height ? { from: r, to: r, height: row.height } : undefined;
      }
    });
    flush();
    for (const m of spec.merges) ws.Range(rectAddress(m)).Merge();
    for (const cf of spec.conditionalFormats ?? []) {
      const range = ws.Range(rectAddress(cf.range));
      for (const rule of cf.rules) {
        const f = range.FormatConditions.Add(
          XL_EXPRESSION,
          undefined,
          rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`,
        );
        const style = spec.styles[rule.style];
        if (style?.fill) f.Interior.Color = hexToBgr(style.fill);
        if (style?.font?.colour) f.Font.Color = hexToBgr(style.font.colour);
        if (style?.font?.bold !== undefined) f.Font.Bold = style.font.bold;
        // First true rule wins, as in the xlsx writer.
        f.StopIfTrue = true;
      }
    }
    ws.Activate();
    if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
      const win = app.ActiveWindow;
      if (win) {
        win.FreezePanes = false;
        win.ScrollRow = 1;
        win.ScrollColumn = 1;
        win.SplitColumn = spec.freeze.columns;
        win.SplitRow = spec.freeze.rows;
        win.FreezePanes = true;
      }
    }
    if (spec.page) {
      const page = spec.page;
      const ps = ws.PageSetup;
      ps.Orientation = page.orientation === 'landscape' ? XL_LANDSCAPE : XL_PORTRAIT;
      ps.PaperSize = XL_PAPER_A4;
      if (page.fitToWidth) {
        // Zoom off, one page wide, as many pages tall as needed (the VBA idiom `FitToPagesTall = False`).
        ps.Zoom = false;
        ps.FitToPagesWide = 1;
        ps.FitToPagesTall = false;
      }
      if (page.margins) {
        // Margins are given in inches; the host takes points (72 per inch).
        ps.LeftMargin = page.margins.left * 72;
        ps.RightMargin = page.margins.right * 72;
        ps.TopMargin = page.margins.top * 72;
        ps.BottomMargin = page.margins.bottom * 72;
      }
      if (page.horizontalCentered !== undefined) ps.CenterHorizontally = page.horizontalCentered;
      if (page.printTitleRows)
        ps.PrintTitleRows = `$${page.printTitleRows.first}:$${page.printTitleRows.last}`;
      if (page.footer) ps.CenterFooter = page.footer;
    }
    for (const r of spec.rowBreaks ?? []) ws.HPageBreaks.Add(ws.Range(`A${r + 1}`));
    for (const chart of spec.charts ?? []) drawChart(ws, chart, env.book);
    ws.Range('A1').Select();
    return ws;
  });
}
