import type ExcelJS from 'exceljs';
import { cellAddress, type MergeRange } from '../../core/grid';
import { SEVERITY_RANK, type Severity } from '../../core/issue';
import { MARK_COLOURS, type CellMark } from '../../core/workbook-port';
import { WorkbookMarkError } from './errors';
import { mergesOf, rowsOf } from './exceljs-internals';

/** Excel's hard limits: 1,048,576 rows × 16,384 columns. */
const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

interface PlannedMark {
  sheet: ExcelJS.Worksheet;
  row: number;
  column: number;
  severity: Severity;
  notes: string[];
}

/** The last row and column a sheet has cells or merges in (rows with only styles count: the user sees them). */
function extentOf(sheet: ExcelJS.Worksheet): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  const rows = rowsOf(sheet);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row || row._cells.length === 0) continue;
    lastRow = i + 1;
    if (row._cells.length > lastColumn) lastColumn = row._cells.length;
  }
  for (const m of mergesOf(sheet)) {
    if (m.bottom > lastRow) lastRow = m.bottom;
    if (m.right > lastColumn) lastColumn = m.right;
  }
  return { lastRow, lastColumn };
}

/**
 * Checks every mark and groups them by target cell, before anything is written: an unknown sheet or a cell
 * outside the sheet throws and leaves the workbook untouched. A mark on a merged follower goes to the merge's
 * top-left cell, the only one Excel shows a fill and a note for. Several marks on one cell: the most severe
 * colour, all distinct notes in order.
 */
export function planMarks(
  workbook: ExcelJS.Workbook,
  marks: readonly CellMark[],
  fileName: string,
  sheetName: (gridName: string) => string = (n) => n,
): PlannedMark[] {
  const sheets = new Map<ExcelJS.Worksheet, { lastRow: number; lastColumn: number; merges: MergeRange[] }>();
  const byCell = new Map<string, PlannedMark>();
  for (const mark of marks) {
    const sheet = workbook.getWorksheet(sheetName(mark.sheet));
    if (!sheet) throw new WorkbookMarkError('mark/unknown-sheet', fileName, { sheet: mark.sheet });
    let known = sheets.get(sheet);
    if (!known) {
      known = { ...extentOf(sheet), merges: mergesOf(sheet) };
      sheets.set(sheet, known);
    }
    const extent = { lastRow: known.lastRow, lastColumn: known.lastColumn };
    const { row, column } = mark;
    const valid = Number.isInteger(row) && Number.isInteger(column) && row >= 1 && column >= 1;
    if (
      !valid ||
      row > Math.min(extent.lastRow, MAX_ROW) ||
      column > Math.min(extent.lastColumn, MAX_COLUMN)
    ) {
      const cell = valid ? cellAddress(row, column) : `R${row}C${column}`;
      throw new WorkbookMarkError('mark/outside-sheet', fileName, { sheet: mark.sheet, cell, ...extent });
    }
    let target = { row, column };
    for (const m of known.merges) {
      if (row >= m.top && row <= m.bottom && column >= m.left && column <= m.right) {
        target = { row: m.top, column: m.left };
        break;
      }
    }
    const key = `${sheet.id}:${target.row}:${target.column}`;
    const planned = byCell.get(key);
    if (!planned) {
      byCell.set(key, { sheet, ...target, severity: mark.severity, notes: mark.note ? [mark.note] : [] });
      continue;
    }
    if (SEVERITY_RANK[mark.severity] < SEVERITY_RANK[planned.severity]) planned.severity = mark.severity;
    if (mark.note && !planned.notes.includes(mark.note)) planned.notes.push(mark.note);
  }
  return [...byCell.values()];
}

type RichNote = Exclude<ExcelJS.Comment, string> & { texts: ExcelJS.RichText[] };

function noteText(note: string | RichNote | undefined): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** True when `block` already appears in `text` as whole lines (so marking twice never repeats a note). */
function hasBlock(text: string, block: string): boolean {
  return `\n${text}\n`.includes(`\n${block}\n`);
}

/**
 * Writes planned marks: a solid fill of the severity colour and the notes appended after any existing note.
 * Why `cell.style = {...}`: exceljs shares one style object among all cells of a style id, so `cell.fill = …`
 * would colour every cell that shares it. Values, formulas, merges, widths and number formats are not touched.
 */
export function writeMarks(planned: readonly PlannedMark[]): void {
  for (const p of planned) {
    const cell = p.sheet.getCell(p.row, p.column);
    const fill: ExcelJS.FillPattern = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: MARK_COLOURS[p.severity] },
    };
    cell.style = { ...cell.style, fill };

    const existing = cell.note as string | RichNote | undefined;
    const before = noteText(existing);
    const added = p.notes.filter((n) => !hasBlock(before, n));
    if (added.length === 0) continue;
    const ours = added.join('\n');
    if (existing === undefined || existing === null || before === '') cell.note = ours;
    else if (typeof existing === 'string') cell.note = `${existing}\n${ours}`;
    else cell.note = { ...existing, texts: [...existing.texts, { text: `\n${ours}` }] } as ExcelJS.Comment;
  }
}
