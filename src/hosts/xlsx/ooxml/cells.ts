import { itemAt } from '../../../core/item-at';
import { cellAddress, parseRange, type MergeRange } from '../../../core/grid';
import { type Severity } from '../../../core/issue';
import { type SheetInfo } from './package';
import {
  attrAt,
  attrIn,
  cellRef,
  lastCellIn,
  REF,
  ROW,
  ROW_END,
  SHEET_DATA_END,
  SheetTags,
} from './sheet-tags';
import { attr, decode, setAttr, type Edit } from './xml-text';

// Cells of a worksheet: extent, merges, column styles, and the marked cells' `s` set in place.

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** The merged ranges of a sheet (a single cell `ref` is a range of one). */
export function mergesOf(xml: string): MergeRange[] {
  const out: MergeRange[] = [];
  // Merges come after the sheet data: the search starts at its end (found from the end of the text), not at the
  // top of the rows.
  const from = Math.max(0, xml.lastIndexOf('</sheetData'));
  for (let at = xml.indexOf('<mergeCell', from); at >= 0; at = xml.indexOf('<mergeCell', at + 10)) {
    // `<mergeCell` then white space, `/` or `>` (not `<mergeCells>`)
    const next = xml.charCodeAt(at + 10);
    if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== 0x2f && next !== 0x3e)
      continue;
    const raw = attrIn(xml, at + 10, xml.indexOf('>', at), 'ref');
    const ref = raw && decode(raw);
    if (ref) out.push(ref.includes(':') ? parseRange(ref) : parseRange(`${ref}:${ref}`));
  }
  return out;
}

/** Column → style index from `<cols>` (the style of an empty cell in a row without its own format). */
function columnStyles(xml: string): (col: number) => number {
  const ranges: { min: number; max: number; style: number }[] = [];
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml)?.[1] ?? '';
  for (const [, attrs = ''] of cols.matchAll(/<col\b([^>]*?)\/?>/g)) {
    const style = Number(attr(attrs, 'style') ?? 0);
    if (style) ranges.push({ min: Number(attr(attrs, 'min')), max: Number(attr(attrs, 'max')), style });
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

/** The edits that set the marked cells' styles in a sheet's XML (undefined when it has no sheetData), and its extent. */
export interface PatchedCells {
  edits: Edit[] | undefined;
  /** The extent as exceljs sees it: the last row holding a `<c>`, the last column of any `<c>` (merges aside). */
  lastRow: number;
  lastColumn: number;
  /** False when only the marked rows were read: the extent then holds every marked cell but may be larger. */
  exact: boolean;
}

/**
 * Where the marked cells are when every one of them is written, as Excel, WPS and exceljs write cells, `<c r="REF"`
 * in a row written `<row r="N"` (and no comment, CDATA or processing instruction is among the rows): the start and
 * end of each one's attributes, in row and column order. The rows without marks are not read (a 50k-row sheet
 * with marks in one row of seven is read in a fifth of the time), so the extent is only what the marked rows show
 * (`lastColumn`: the last column of their cells) and the last cell of the sheet (`lastRow`): every marked cell is
 * inside it. Undefined when a marked cell or row is missing or written otherwise: the sheet is then walked.
 */
function existingCells(
  xml: string,
  dataStart: number,
  rows: number[],
  byRow: Map<number, PlannedCell[]>,
): { at: number[]; lastRow: number; lastColumn: number } | undefined {
  const dataEnd = xml.lastIndexOf('</sheetData');
  if (dataEnd < dataStart) return undefined;
  // A regular expression finds the first `<!` or `<?` in a tenth of the time of `indexOf`.
  const other = /<[!?]/g;
  other.lastIndex = dataStart;
  const first = other.exec(xml);
  if (first && first.index < dataEnd) return undefined;
  const sheetLast = lastCellIn(xml, dataStart, dataEnd);
  if (sheetLast < 0 || !refOfCell(xml, sheetLast)) return undefined;
  let lastRow = REF.row;
  let lastColumn = 0;
  const at: number[] = [];
  let from = dataStart;
  for (const r of rows) {
    const open = xml.indexOf(`<row r="${r}"`, from);
    if (open < 0 || open > dataEnd) return undefined;
    const gt = xml.indexOf('>', open);
    const close = xml.indexOf('</row', gt);
    if (xml.charCodeAt(gt - 1) === 0x2f /* / */ || close < 0) return undefined;
    // The row's last cell gives its part of the extent (cells are in column order).
    const last = lastCellIn(xml, gt, close);
    if (last < 0 || !refOfCell(xml, last)) return undefined;
    if (REF.column > lastColumn) lastColumn = REF.column;
    if (r > lastRow) lastRow = r;
    let cell = gt;
    for (const c of byRow.get(r)!) {
      cell = xml.indexOf(`<c r="${cellAddress(c.row, c.column)}"`, cell);
      if (cell < 0 || cell > last) return undefined;
      const end = xml.indexOf('>', cell);
      at.push(cell + 2, xml.charCodeAt(end - 1) === 0x2f /* / */ ? end - 1 : end);
      cell = end;
    }
    from = close;
  }
  return { at, lastRow, lastColumn };
}

/** Reads the usual reference of the cell whose start tag is at `at` into `REF`; false when it has none. */
function refOfCell(xml: string, at: number): boolean {
  const ref = attrAt(xml, at + 2, xml.indexOf('>', at), 'r');
  return !!ref && cellRef(xml, ref[0], ref[1]);
}

/**
 * The edits that set the marked cells' styles in a sheet's XML: an existing `<c>` gets `s`, a missing one is inserted in its
 * row in column order, a missing row in row order. The same pass measures the sheet's extent, so that the caller
 * checks every mark against it before anything is written: all of it when `everyRow` is set or a marked cell is
 * missing, else only as far as the marked cells (see `existingCells`).
 */
export function patchCells(
  xml: string,
  cells: PlannedCell[],
  styleOf: (s: number, severity: Severity) => number,
  everyRow = false,
): PatchedCells {
  const byRow = new Map<number, PlannedCell[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (const r of rows) byRow.get(r)!.sort((a, b) => a.column - b.column);
  // Read when a cell is inserted (the pattern would search the whole sheet of one that has no <cols>).
  let columnStyle: ((col: number) => number) | undefined;
  const colStyle = (col: number) => (columnStyle ??= columnStyles(xml))(col);
  const edits: Edit[] = [];
  /** Sets the style of the cell whose attributes are between `from` and `to`: its value replaced, or added. */
  const setStyle = (from: number, to: number, c: PlannedCell) => {
    const at = attrAt(xml, from, to, 's');
    const style = at && xml.slice(at[0], at[1]);
    const s = style && /^\d+$/.test(style) ? Number(style) : 0;
    const value = String(styleOf(s, c.severity));
    if (at) edits.push({ at: at[0], length: at[1] - at[0], text: value });
    else {
      let end = to;
      while (end > from && isSpace(xml.charCodeAt(end - 1))) end--;
      edits.push({ at: end, length: to - end, text: ` s="${value}"` });
    }
  };
  const newCell = (c: PlannedCell, base: number) =>
    `<c r="${cellAddress(c.row, c.column)}" s="${styleOf(base, c.severity)}"/>`;
  const newRow = (r: number) =>
    `<row r="${r}">${byRow
      .get(r)!
      .map((c) => newCell(c, colStyle(c.column)))
      .join('')}</row>`;

  const sheetData = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!sheetData) return { edits: undefined, lastRow: 0, lastColumn: 0, exact: true };
  if (sheetData[1] === '/') {
    edits.push({
      at: sheetData.index,
      length: sheetData[0].length,
      text: `<sheetData>${rows.map(newRow).join('')}</sheetData>`,
    });
    return { edits, lastRow: 0, lastColumn: 0, exact: true };
  }
  const dataStart = sheetData.index + sheetData[0].length;
  const found = everyRow ? undefined : existingCells(xml, dataStart, rows, byRow);
  if (found) {
    let k = 0;
    for (const r of rows)
      for (const c of byRow.get(r)!) {
        setStyle(itemAt(found.at, k), itemAt(found.at, k + 1), c);
        k += 2;
      }
    return { edits, lastRow: found.lastRow, lastColumn: found.lastColumn, exact: false };
  }
  let lastRow = 0;
  let lastColumn = 0;
  let extentRow = 0;

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
    for (;;) {
      const c = targets?.[nextCell];
      if (!c || c.column >= limit) break;
      nextCell++;
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

  const tags = new SheetTags(xml, dataStart);
  /**
   * A row without marks is not walked cell by cell: its last cell gives its part of the extent (cells are in
   * column order), and the walk goes on at its end tag. A last cell without a usual reference is walked to.
   */
  const skipRow = () => {
    const close = xml.indexOf('</row', tags.end);
    if (close < 0) return;
    const last = lastCellIn(xml, tags.end, close);
    if (last >= 0) {
      const gt = xml.indexOf('>', last);
      const ref = attrAt(xml, last + 2, gt, 'r');
      if (!ref || !cellRef(xml, ref[0], ref[1])) return;
      column = REF.column;
      extentRow = REF.row;
      if (extentRow > lastRow) lastRow = extentRow;
      if (column > lastColumn) lastColumn = column;
    }
    tags.skipTo(close);
  };
  for (let kind = tags.next(); kind; kind = tags.next()) {
    if (kind === ROW) {
      const r = tags.attr('r');
      const numbered = r !== undefined && /^\d+$/.test(r);
      row = numbered ? Number(r) : row + 1;
      // The extent counts rows as exceljs does: a cell's own reference moves it on too.
      extentRow = numbered ? row : extentRow + 1;
      column = 0;
      let text = '';
      for (let next = rows[nextRow]; next !== undefined && next < row; next = rows[++nextRow])
        text += newRow(next);
      if (text) edits.push({ at: tags.start, length: 0, text });
      targets = undefined;
      if (rows[nextRow] === row) {
        targets = byRow.get(row)!;
        nextRow++;
        nextCell = 0;
        maxInserted = 0;
        minInserted = Infinity;
        const attrs = xml.slice(tags.attrsStart, tags.attrsEnd);
        // Raw values (no attribute text per call): these three never hold an entity.
        const customFormat = tags.attr('customFormat');
        rowStyle = customFormat === '1' || customFormat === 'true' ? Number(tags.attr('s') ?? 0) : undefined;
        rowOpen = { index: tags.start, attrs, length: tags.end - tags.start };
        if (tags.empty) {
          // <row …/> → <row …>cells</row>
          let cellsXml = '';
          for (const c of targets) cellsXml += newCell(c, rowStyle ?? colStyle(c.column));
          // A row's planned cells are never none, in column order.
          maxInserted = itemAt(targets, targets.length - 1).column;
          minInserted = itemAt(targets, 0).column;
          edits.push({ at: tags.end - 2, length: 2, text: `>${cellsXml}</row>` });
          fixSpans();
          targets = undefined;
        }
      } else if (!tags.empty) skipRow();
      continue;
    }
    if (kind === ROW_END) {
      if (targets) {
        insertBefore(tags.start, Infinity);
        fixSpans();
      }
      targets = undefined;
      continue;
    }
    if (kind === SHEET_DATA_END) {
      let text = '';
      for (const r of rows.slice(nextRow)) text += newRow(r);
      nextRow = rows.length;
      if (text) edits.push({ at: tags.start, length: 0, text });
      break;
    }
    // a cell
    const ref = attrAt(xml, tags.attrsStart, tags.attrsEnd, 'r');
    if (ref && cellRef(xml, ref[0], ref[1])) {
      column = REF.column;
      extentRow = REF.row;
    } else column++;
    if (extentRow > lastRow) lastRow = extentRow;
    if (column > lastColumn) lastColumn = column;
    if (!targets) continue;
    insertBefore(tags.start, column);
    const c = targets[nextCell];
    if (c && c.column === column) {
      nextCell++;
      setStyle(tags.attrsStart, tags.attrsEnd, c);
      // The row's last mark: the rest of the row is stepped over as a row without marks is.
      if (nextCell >= targets.length) skipRow();
    }
  }
  return { edits, lastRow, lastColumn, exact: true };
}
