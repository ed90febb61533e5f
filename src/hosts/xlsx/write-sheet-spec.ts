import ExcelJS from 'exceljs';
import type { SheetSpec, StyleSpec } from '../../core/sheet-spec';

const thin = { style: 'thin' as const };

function toExcelStyle(s: StyleSpec | undefined): Partial<ExcelJS.Style> {
  if (!s) return {};
  const style: Partial<ExcelJS.Style> = {};
  if (s.font)
    style.font = {
      name: s.font.name,
      size: s.font.size,
      bold: s.font.bold,
      color: s.font.colour ? { argb: s.font.colour } : undefined,
    };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  if (s.align)
    style.alignment = { horizontal: s.align.horizontal, vertical: s.align.vertical, wrapText: s.align.wrap };
  if (s.border === 'thin') style.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  return style;
}

/**
 * Renders a host-free sheet description into an exceljs worksheet (new sheet of `workbook`). Text values are
 * written as strings, which exceljs stores as shared strings: never parsed as formulas. Charts are not drawn
 * here (exceljs cannot write them): `sheetSpecsToXlsx` adds them as DrawingML parts (./chart-parts).
 */
export function writeSheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const page = spec.page;
  const ws = workbook.addWorksheet(spec.name, {
    views: spec.freeze
      ? [{ state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }]
      : undefined,
    pageSetup: page
      ? {
          paperSize: 9, // A4
          orientation: page.orientation,
          fitToPage: page.fitToWidth,
          fitToWidth: page.fitToWidth ? 1 : undefined,
          fitToHeight: page.fitToWidth ? 0 : undefined,
          horizontalCentered: page.horizontalCentered,
          margins: page.margins ? { ...page.margins, header: 0.3, footer: 0.3 } : undefined,
          printTitlesRow: page.printTitleRows
            ? `${page.printTitleRows.first}:${page.printTitleRows.last}`
            : undefined,
        }
      : undefined,
  });
  if (page?.footer) ws.headerFooter.oddFooter = page.footer;
  spec.columns.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const styles = new Map(Object.entries(spec.styles).map(([k, s]) => [k, toExcelStyle(s)]));
  spec.rows.forEach((row, r) => {
    const xrow = ws.getRow(r + 1);
    if (row.height) xrow.height = row.height;
    row.cells.forEach((cell, c) => {
      if (!cell) return;
      const x = xrow.getCell(c + 1);
      if (cell.formula)
        x.value = { formula: cell.formula, result: cell.value ?? undefined } as ExcelJS.CellFormulaValue;
      else if (cell.link)
        x.value = {
          text: String(cell.value ?? ''),
          hyperlink: `#'${cell.link.sheet.replace(/'/g, "''")}'!${cell.link.cell}`,
        };
      else x.value = cell.value;
      // A new style object per cell: exceljs shares style objects between cells (see PLATFORM.md).
      if (cell.style) x.style = { ...(styles.get(cell.style) ?? {}) } as ExcelJS.Style;
    });
  });
  for (const m of spec.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const row of spec.rowBreaks ?? []) ws.getRow(row).addPageBreak();
  for (const cf of spec.conditionalFormats ?? []) {
    const ref = `${ws.getCell(cf.range.top, cf.range.left).address}:${ws.getCell(cf.range.bottom, cf.range.right).address}`;
    const rules = cf.rules.map((rule, i) => ({
      type: 'expression' as const,
      priority: i + 1,
      formulae: [rule.formula],
      style: conditionalStyle(spec.styles[rule.style]),
    }));
    ws.addConditionalFormatting({ ref, rules });
  }
  return ws;
}

/** Font and fill of a conditional format (a differential style: a solid fill's colour goes in bgColor there). */
function conditionalStyle(s: StyleSpec | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s?.font) style.font = { bold: s.font.bold, color: s.font.colour ? { argb: s.font.colour } : undefined };
  if (s?.fill)
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill }, bgColor: { argb: s.fill } };
  return style;
}
