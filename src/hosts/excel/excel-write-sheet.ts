/// <reference types="office-js" />
import { itemAt } from '../../core/item-at';
import { cellAddress, type MergeRange } from '../../core/grid';
import {
  type CellSpec,
  type ChartSpec,
  type SheetSpec,
  type StyleSpec,
  styleRects,
} from '../../core/sheet-spec';
import { argbToHex, jsonBytes, SyncBatcher } from './excel-api';
import { columnSpan, quoteSheet, rectAddress } from './excel-address';
import { assertWritable, type BookInfo } from './excel-book';
import type { CellEnv } from './excel-cells';

/**
 * Column width in characters (SheetSpec.columns, the number the xlsx writer stores as the file's column width) →
 * points for `format.columnWidth`. Excel's rule for the default font (maximum digit width 7 px):
 * pixels = trunc((256·w + trunc(128/7)) / 256 · 7), and 1 px = 0.75 pt at 96 dpi; e.g. 10 → 70 px → 52.5 pt,
 * the same width the file adapter gives (Excel shows it as 9.29, its text area without the 5 px padding).
 */
export function charsToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/** Text that must stay text: the `@` number format stops Excel from reading `=1`, `+86…` or `0123` as anything else. */
const TEXT_FORMAT = '@';

function applyStyle(format: Excel.RangeFormat, style: StyleSpec, rect: MergeRange): void {
  if (style.font) {
    if (style.font.name) format.font.name = style.font.name;
    if (style.font.size) format.font.size = style.font.size;
    if (style.font.bold !== undefined) format.font.bold = style.font.bold;
    if (style.font.colour) format.font.color = argbToHex(style.font.colour);
  }
  if (style.fill) format.fill.color = argbToHex(style.fill);
  if (style.align?.horizontal)
    format.horizontalAlignment = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[
      style.align.horizontal
    ];
  if (style.align?.vertical)
    format.verticalAlignment = ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as const)[
      style.align.vertical
    ];
  if (style.align?.wrap !== undefined) format.wrapText = style.align.wrap;
  if (style.border === 'thin') {
    const edges: Excel.BorderIndex[] = [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
    ] as Excel.BorderIndex[];
    if (rect.bottom > rect.top) edges.push('InsideHorizontal' as Excel.BorderIndex);
    if (rect.right > rect.left) edges.push('InsideVertical' as Excel.BorderIndex);
    for (const e of edges) {
      const b = format.borders.getItem(e);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
    }
  }
}

/** Values and number formats of a row: text gets `@`, formula cells are left for `formulas`, blanks are null (no change). */
function rowArrays(
  cells: ReadonlyArray<CellSpec | null>,
  width: number,
  styles: SheetSpec['styles'],
): { values: unknown[]; formats: unknown[] } {
  const values: unknown[] = new Array(width).fill(null);
  const formats: unknown[] = new Array(width).fill(null);
  cells.forEach((cell, j) => {
    if (!cell) return;
    const nf = cell.style ? styles[cell.style]?.numberFormat : undefined;
    if (cell.formula) {
      formats[j] = nf ?? null;
      return;
    }
    if (typeof cell.value === 'string') {
      formats[j] = TEXT_FORMAT;
      values[j] = cell.value;
    } else if (typeof cell.value === 'number') {
      formats[j] = nf ?? null;
      values[j] = cell.value;
    } else if (nf) formats[j] = nf;
  });
  return { values, formats };
}

async function queueChart(
  env: CellEnv,
  batcher: SyncBatcher,
  ws: Excel.Worksheet,
  chart: ChartSpec,
): Promise<void> {
  await batcher.reserve(400);
  // A chart on a sheet of its own draws the data of another sheet (written before it).
  const data = chart.dataSheet ? env.context.workbook.worksheets.getItem(chart.dataSheet) : ws;
  const type = chart.direction === 'bar' ? 'BarClustered' : 'ColumnClustered';
  const header = chart.firstRow - 1;
  const col = (c: number, withHeader: boolean) =>
    data.getRange(
      rectAddress({ top: withHeader ? header : chart.firstRow, left: c, bottom: chart.lastRow, right: c }),
    );
  const cols = [chart.categoryColumn, ...chart.seriesColumns];
  const last = cols[cols.length - 1] ?? chart.categoryColumn;
  const contiguous = cols.every((c, i) => i === 0 || c === itemAt(cols, i - 1) + 1);
  let c: Excel.Chart;
  if (contiguous) {
    const source = data.getRange(
      rectAddress({ top: header, left: chart.categoryColumn, bottom: chart.lastRow, right: last }),
    );
    c = ws.charts.add(type, source, 'Columns');
  } else {
    // Not contiguous: there are two series columns at least.
    c = ws.charts.add(type, col(itemAt(chart.seriesColumns, 0), true), 'Columns');
    if (env.api.has(7)) {
      // Why series by series: a chart source must be one rectangle; ExcelApi 1.7 adds series from any range.
      c.series.getItemAt(0).setXAxisValues(col(chart.categoryColumn, false));
      for (const s of chart.seriesColumns.slice(1)) {
        const series = c.series.add();
        series.setValues(col(s, false));
        series.setXAxisValues(col(chart.categoryColumn, false));
      }
    }
  }
  c.title.text = chart.title;
  const start = cellAddress(chart.anchor.row, chart.anchor.column);
  if (chart.to) c.setPosition(start, cellAddress(chart.to.row, chart.to.column));
  else c.setPosition(start);
}

/**
 * Writes a generated sheet, replacing a sheet of the same name (renamed aside, the new one added, the old one
 * deleted, in one batch). Text never becomes a formula: text cells get the `@` format before their values;
 * formulas come only from `CellSpec.formula`. Features are used where the host has them: column widths and
 * merges (ExcelApi 1.2), conditional formats (1.6), freeze panes and hyperlinks (1.7), page layout and page
 * breaks (1.9); charts on every level. Returns the new sheet's id.
 */
export async function writeSheetIn(
  env: CellEnv & { beforeWrite: () => void },
  book: BookInfo,
  spec: SheetSpec,
  replaceId?: string,
): Promise<string> {
  const { context, api } = env;
  assertWritable(book, [], true);
  const existing = book.sheets.find(
    (s) => (replaceId !== undefined && s.id === replaceId) || s.name === spec.name,
  );
  const batcher = new SyncBatcher(context, env.limits, env.beforeWrite);
  await batcher.reserve(300);
  if (existing) {
    let n = 1;
    while (book.sheets.some((s) => s.name === `_drc_old_${n}`)) n++;
    existing.proxy.name = `_drc_old_${n}`;
  }
  const ws = context.workbook.worksheets.add(spec.name);
  ws.load('id');
  existing?.proxy.delete();

  const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.cells.length), 1);
  let top = 0;
  while (top < spec.rows.length) {
    let bottom = top;
    const values: unknown[][] = [];
    const formats: unknown[][] = [];
    let bytes = 0;
    while (bottom < spec.rows.length && bytes < env.limits.requestBytes / 3) {
      const a = rowArrays(itemAt(spec.rows, bottom).cells, width, spec.styles);
      values.push(a.values);
      formats.push(a.formats);
      bytes += jsonBytes(a.values) + jsonBytes(a.formats);
      bottom++;
    }
    await batcher.reserve(bytes);
    const range = ws.getRange(rectAddress({ top: top + 1, left: 1, bottom, right: width }));
    range.numberFormat = formats;
    range.values = values;
    top = bottom;
  }
  for (const [i, row] of spec.rows.entries()) {
    for (const [j, cell] of row.cells.entries()) {
      if (!cell) continue;
      const address = cellAddress(i + 1, j + 1);
      if (cell.formula) {
        await batcher.reserve(jsonBytes(cell.formula));
        ws.getRange(address).formulas = [[cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`]];
      }
      if (cell.link && api.has(7)) {
        await batcher.reserve(jsonBytes(cell.link) + 50);
        ws.getRange(address).hyperlink = {
          documentReference: `${quoteSheet(cell.link.sheet)}!${cell.link.cell}`,
          textToDisplay: String(cell.value ?? ''),
        };
      }
    }
  }
  for (const [key, rects] of styleRects(spec)) {
    const style = spec.styles[key];
    if (!style) continue;
    for (const rect of rects) {
      await batcher.reserve(300);
      applyStyle(ws.getRange(rectAddress(rect)).format, style, rect);
    }
  }
  if (api.has(2)) {
    for (const [i, width] of spec.columns.entries()) {
      await batcher.reserve(80);
      ws.getRange(columnSpan(i + 1, i + 1)).format.columnWidth = charsToPoints(width);
    }
    for (const [i, row] of spec.rows.entries()) {
      const h = row.height;
      if (!h) continue;
      await batcher.reserve(80);
      ws.getRange(`${i + 1}:${i + 1}`).format.rowHeight = h;
    }
    for (const m of spec.merges) {
      await batcher.reserve(80);
      ws.getRange(rectAddress(m)).merge(false);
    }
  }
  if (spec.freeze && api.has(7) && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    await batcher.reserve(80);
    const { rows, columns } = spec.freeze;
    if (rows > 0 && columns > 0)
      ws.freezePanes.freezeAt(ws.getRange(rectAddress({ top: 1, left: 1, bottom: rows, right: columns })));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(columns);
  }
  if (spec.page && api.has(9)) {
    await batcher.reserve(400);
    const page = spec.page;
    const layout = ws.pageLayout;
    layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
    if (page.margins) {
      // Margins are given in inches; Excel takes points (72 per inch).
      layout.leftMargin = page.margins.left * 72;
      layout.rightMargin = page.margins.right * 72;
      layout.topMargin = page.margins.top * 72;
      layout.bottomMargin = page.margins.bottom * 72;
    }
    if (page.horizontalCentered !== undefined) layout.centerHorizontally = page.horizontalCentered;
    if (page.footer) layout.headersFooters.defaultForAllPages.centerFooter = page.footer;
    if (page.printTitleRows)
      layout.setPrintTitleRows(`$${page.printTitleRows.first}:$${page.printTitleRows.last}`);
    for (const r of spec.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
  }
  if (api.has(6)) {
    for (const cf of spec.conditionalFormats ?? []) {
      const range = ws.getRange(rectAddress(cf.range));
      for (const [i, rule] of cf.rules.entries()) {
        await batcher.reserve(300);
        const f = range.conditionalFormats.add('Custom');
        f.custom.rule.formula = rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`;
        const style = spec.styles[rule.style];
        if (style?.fill) f.custom.format.fill.color = argbToHex(style.fill);
        if (style?.font?.colour) f.custom.format.font.color = argbToHex(style.font.colour);
        if (style?.font?.bold !== undefined) f.custom.format.font.bold = style.font.bold;
        // First true rule wins, as in the xlsx writer.
        f.priority = i;
        f.stopIfTrue = true;
      }
    }
  }
  for (const chart of spec.charts ?? []) await queueChart(env, batcher, ws, chart);
  await batcher.flush();
  return ws.id;
}
