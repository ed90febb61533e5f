import { cellAddress } from '../../core/grid';
import { SEVERITY_RANK } from '../../core/issue';
import type { Locale } from '../../core/locale';
import { severityLabel } from '../../features/check-workbook';
import type { CellSpec, SheetSpec } from '../../core/sheet-spec';
import type { MarkRecord } from './excel-mark-store';

/** Name of the result sheet written where the host has neither notes nor comments (ExcelApi < 1.10). */
export const RESULT_SHEET_NAME: Record<Locale, string> = {
  'zh-CN': '校验结果',
  'en-US': 'Validation results',
};

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['工作表', '单元格', '级别', '问题说明'],
  'en-US': ['Sheet', 'Cell', 'Severity', 'Problem'],
};

/**
 * The result sheet: one row per marked cell (sheet, a link to the cell, severity, the note text), sorted by sheet
 * and position. Links need ExcelApi 1.7; below it the address is plain text.
 */
export function resultSheetSpec(
  records: readonly MarkRecord[],
  sheetName: (id: string) => string | undefined,
  locale: Locale,
  name: string,
): SheetSpec {
  const rows = records
    .map((r) => ({ r, sheet: sheetName(r.s) }))
    .filter((x): x is { r: MarkRecord; sheet: string } => x.sheet !== undefined)
    .sort(
      (a, b) =>
        a.sheet.localeCompare(b.sheet) ||
        a.r.r - b.r.r ||
        a.r.c - b.r.c ||
        SEVERITY_RANK[a.r.v] - SEVERITY_RANK[b.r.v],
    );
  const header: CellSpec[] = HEADERS[locale].map((value) => ({ value, style: 'head' }));
  return {
    name,
    columns: [18, 10, 8, 80],
    rows: [
      { cells: header },
      ...rows.map(({ r, sheet }) => {
        const cell = cellAddress(r.r, r.c);
        return {
          cells: [
            { value: sheet, style: 'body' },
            { value: cell, style: 'link', link: { sheet, cell } },
            { value: severityLabel(r.v, locale), style: 'body' },
            { value: r.t ?? '', style: 'body' },
          ],
        };
      }),
    ],
    merges: [],
    styles: {
      head: { font: { bold: true }, fill: 'FFD9D9D9', border: 'thin', align: { vertical: 'middle' } },
      body: { border: 'thin', align: { vertical: 'top', wrap: true } },
      link: { border: 'thin', font: { colour: 'FF0563C1' }, align: { vertical: 'top' } },
    },
    freeze: { rows: 1, columns: 0 },
  };
}
