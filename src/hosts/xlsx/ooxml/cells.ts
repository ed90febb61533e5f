import { cellAddress, columnNumber, parseRange, type MergeRange } from '../../../core/grid';
import { type Severity } from '../../../core/issue';
import { type SheetInfo } from './package';
import { attr, setAttr, type Edit, applyEdits } from './xml-text';

// Cells of a worksheet: extent, merges, column styles, and the marked cells' `s` set in place.

const ROW_R = /(?:^|\s)r="(\d+)"/;
const CELL_R = /(?:^|\s)r="([A-Z]+)(\d+)"/;
const CELL_S = /(?:^|\s)s="(\d+)"/;

/** Extent as exceljs sees it: the last row holding a `<c>`, the last column of any `<c>`, merges included. */
export function extentOf(xml: string, merges: MergeRange[]): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  let row = 0;
  let column = 0;
  const re = /<row\b([^>]*?)\/?>|<c\b([^>]*?)\/?>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] !== undefined) {
      const r = ROW_R.exec(m[1]);
      row = r ? Number(r[1]) : row + 1;
      column = 0;
      continue;
    }
    const at = CELL_R.exec(m[2]);
    if (at) {
      column = columnNumber(at[1]);
      row = Number(at[2]);
    } else column++;
    if (row > lastRow) lastRow = row;
    if (column > lastColumn) lastColumn = column;
  }
  for (const m of merges) {
    if (m.bottom > lastRow) lastRow = m.bottom;
    if (m.right > lastColumn) lastColumn = m.right;
  }
  return { lastRow, lastColumn };
}

export function mergesOf(xml: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const m of xml.matchAll(/<mergeCell\b([^>]*?)\/?>/g)) {
    const ref = attr(m[1], 'ref');
    if (ref) out.push(ref.includes(':') ? parseRange(ref) : parseRange(`${ref}:${ref}`));
  }
  return out;
}

/** Column → style index from `<cols>` (the style of an empty cell in a row without its own format). */
function columnStyles(xml: string): (col: number) => number {
  const ranges: { min: number; max: number; style: number }[] = [];
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml)?.[1] ?? '';
  for (const m of cols.matchAll(/<col\b([^>]*?)\/?>/g)) {
    const style = Number(attr(m[1], 'style') ?? 0);
    if (style) ranges.push({ min: Number(attr(m[1], 'min')), max: Number(attr(m[1], 'max')), style });
  }
  return (col) => ranges.find((r) => col >= r.min && col <= r.max)?.style ?? 0;
}

interface PlannedCell {
  row: number;
  column: number;
  severity: Severity;
  notes: string[];
}

export interface PlannedSheet {
  info: SheetInfo;
  xml: string;
  cells: Map<string, PlannedCell>;
}

/**
 * Sets the marked cells' styles in a sheet's XML: an existing `<c>` gets `s`, a missing one is inserted in its
 * row in column order, a missing row in row order.
 */
export function patchCells(
  xml: string,
  cells: PlannedCell[],
  styleOf: (s: number, severity: Severity) => number,
): string {
  const byRow = new Map<number, PlannedCell[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (const r of rows) byRow.get(r)!.sort((a, b) => a.column - b.column);
  const colStyle = columnStyles(xml);
  const edits: Edit[] = [];
  const newCell = (c: PlannedCell, base: number) =>
    `<c r="${cellAddress(c.row, c.column)}" s="${styleOf(base, c.severity)}"/>`;
  const newRow = (r: number) =>
    `<row r="${r}">${byRow
      .get(r)!
      .map((c) => newCell(c, colStyle(c.column)))
      .join('')}</row>`;

  const sheetData = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!sheetData) throw new Error('worksheet has no sheetData');
  if (sheetData[1] === '/') {
    edits.push({
      at: sheetData.index,
      length: sheetData[0].length,
      text: `<sheetData>${rows.map(newRow).join('')}</sheetData>`,
    });
    return applyEdits(xml, edits);
  }

  let nextRow = 0; // index into rows
  let row = 0;
  let column = 0;
  let targets: PlannedCell[] | undefined;
  let nextCell = 0;
  let rowStyle: number | undefined;
  let rowOpen: { index: number; attrs: string; length: number } | undefined;
  let maxInserted = 0;
  let minInserted = Infinity;
  const insertBefore = (at: number, limit: number) => {
    let text = '';
    while (targets && nextCell < targets.length && targets[nextCell].column < limit) {
      const c = targets[nextCell++];
      text += newCell(c, rowStyle ?? colStyle(c.column));
      maxInserted = Math.max(maxInserted, c.column);
      minInserted = Math.min(minInserted, c.column);
    }
    if (text) edits.push({ at, length: 0, text });
  };
  /** Widens a row's `spans` hint to cover inserted cells. */
  const fixSpans = () => {
    if (!rowOpen || maxInserted === 0) return;
    const spans = attr(rowOpen.attrs, 'spans');
    const m = spans && /^(\d+):(\d+)$/.exec(spans);
    if (m && (minInserted < Number(m[1]) || maxInserted > Number(m[2]))) {
      const attrs = setAttr(
        rowOpen.attrs,
        'spans',
        `${Math.min(minInserted, Number(m[1]))}:${Math.max(maxInserted, Number(m[2]))}`,
      );
      edits.push({ at: rowOpen.index + 4, length: rowOpen.attrs.length, text: attrs });
    }
  };

  const re = /<row\b([^>]*?)(\/?)>|<\/row>|<c\b([^>]*?)(\/?)>|<\/sheetData>/g;
  re.lastIndex = sheetData.index + sheetData[0].length;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const token = m[0];
    if (m[1] !== undefined) {
      const r = ROW_R.exec(m[1]);
      row = r ? Number(r[1]) : row + 1;
      column = 0;
      let text = '';
      while (nextRow < rows.length && rows[nextRow] < row) text += newRow(rows[nextRow++]);
      if (text) edits.push({ at: m.index, length: 0, text });
      targets = undefined;
      if (nextRow < rows.length && rows[nextRow] === row) {
        targets = byRow.get(row)!;
        nextRow++;
        nextCell = 0;
        maxInserted = 0;
        minInserted = Infinity;
        rowStyle =
          attr(m[1], 'customFormat') === '1' || attr(m[1], 'customFormat') === 'true'
            ? Number(attr(m[1], 's') ?? 0)
            : undefined;
        rowOpen = { index: m.index, attrs: m[1], length: token.length };
        if (m[2] === '/') {
          // <row …/> → <row …>cells</row>
          let cellsXml = '';
          for (const c of targets) cellsXml += newCell(c, rowStyle ?? colStyle(c.column));
          maxInserted = targets[targets.length - 1].column;
          minInserted = targets[0].column;
          edits.push({ at: m.index + token.length - 2, length: 2, text: `>${cellsXml}</row>` });
          fixSpans();
          targets = undefined;
        }
      }
      continue;
    }
    if (token === '</row>') {
      if (targets) {
        insertBefore(m.index, Infinity);
        fixSpans();
      }
      targets = undefined;
      continue;
    }
    if (token === '</sheetData>') {
      let text = '';
      while (nextRow < rows.length) text += newRow(rows[nextRow++]);
      if (text) edits.push({ at: m.index, length: 0, text });
      break;
    }
    // a cell
    const attrs = m[3];
    const at = CELL_R.exec(attrs);
    column = at ? columnNumber(at[1]) : column + 1;
    if (!targets) continue;
    insertBefore(m.index, column);
    if (nextCell < targets.length && targets[nextCell].column === column) {
      const c = targets[nextCell++];
      const s = Number(CELL_S.exec(attrs)?.[1] ?? 0);
      edits.push({
        at: m.index + 2,
        length: attrs.length,
        text: setAttr(attrs, 's', String(styleOf(s, c.severity))),
      });
    }
  }
  return applyEdits(xml, edits);
}
