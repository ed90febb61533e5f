import { unzipSync } from 'fflate';
import type { CellValue, Grid, MergeRange } from '../../core/grid';
import { extensionOf, hasEncryptionInfo, isCfb, isZip } from '../xlsx/sniff';
import { DocumentReadError } from './errors';

// Word's tables as grids, so that the engine reads an Annex 2 form or list returned as a .docx exactly as it reads
// a sheet. Only word/document.xml is inflated; the XML is walked as a stream of tags (no DOM), which is all the
// table structure needs: w:tbl > w:tr > w:tc, w:gridSpan (merged across), w:vMerge (merged down), w:gridBefore.

const MAIN = 'word/document.xml';
/** Largest body inflated: a declaration form is a few kilobytes; a real document a few megabytes. */
const MAX_BODY = 256 * 1024 * 1024;
const TAG = /<(\/?)([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
const VAL = /\bw:val\s*=\s*"([^"]*)"/;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its character references resolved. */
function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (ref: string, hex: string, dec: string, name: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : (NAMED[name] ?? ref),
  );
}

/** A cell of a Word table as written: its text, how many grid columns it spans, and its vertical merge. */
interface WordCell {
  text: string;
  span: number;
  vMerge: 'none' | 'restart' | 'continue';
}

/** A Word table: rows of cells, and the grid columns skipped at the start of each row (w:gridBefore). */
interface WordTable {
  rows: Array<{ before: number; cells: WordCell[] }>;
}

/** A block of the document body in order: a paragraph's text, or a table. */
type Block = { kind: 'p'; text: string } | { kind: 'tbl'; table: WordTable };

/**
 * Elements whose content is not the body's text in reading order: deleted or moved-away text, the fallback copy of
 * a drawing, and text boxes (floating; their paragraphs would split the paragraph they are anchored in).
 */
const SKIPPED = new Set(['moveFrom', 'Fallback', 'txbxContent', 'del']);

/**
 * The body of word/document.xml as blocks: top-level paragraphs and tables. Text inside a table cell (paragraphs
 * joined by line breaks, nested tables flattened into the cell) belongs to that cell.
 */
function blocksOf(xml: string): Block[] {
  const blocks: Block[] = [];
  /** Open tables, innermost last; only the outermost one is kept as a table. */
  const tables: WordTable[] = [];
  let cell: WordCell | undefined;
  let paragraph: string[] | undefined;
  let inText = false;
  let skip = 0;
  let body = false;
  const put = (s: string) => {
    if (paragraph) paragraph.push(s);
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, close, , name = '', attrs = '', selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && skip === 0) put(decode(text));
      continue;
    }
    if (name === 'body') {
      body = !close;
      continue;
    }
    if (!body) continue;
    if (SKIPPED.has(name)) {
      if (!selfClosing) skip += close ? -1 : 1;
      continue;
    }
    if (skip > 0) continue;
    // The outermost table while no other is open in it, and its last row: where a row's parts go.
    const outer = tables.length === 1 ? tables[0] : undefined;
    const lastRow = outer?.rows[outer.rows.length - 1];
    switch (name) {
      case 't':
        inText = !close && !selfClosing;
        break;
      case 'tab':
        if (!close) put('\t');
        break;
      case 'br':
      case 'cr':
        if (!close) put('\n');
        break;
      case 'noBreakHyphen':
        if (!close) put('-');
        break;
      case 'p':
        if (selfClosing) {
          if (tables.length === 0) blocks.push({ kind: 'p', text: '' });
          else if (cell) cell.text += cell.text === '' ? '' : '\n';
        } else if (!close) paragraph = [];
        else {
          const t = (paragraph ?? []).join('');
          paragraph = undefined;
          if (tables.length === 0) blocks.push({ kind: 'p', text: t });
          else if (cell) cell.text = cell.text === '' ? t : `${cell.text}\n${t}`;
        }
        break;
      case 'tbl':
        if (!close && !selfClosing) {
          // A nested table's text goes into the outer cell; only the outermost table is laid out.
          tables.push({ rows: [] });
        } else if (close) {
          const done = tables.pop();
          if (done && tables.length === 0) blocks.push({ kind: 'tbl', table: done });
        }
        break;
      case 'tr':
        if (!close && outer) outer.rows.push({ before: 0, cells: [] });
        break;
      case 'gridBefore':
        if (lastRow) lastRow.before = Number(VAL.exec(attrs)?.[1] ?? 0) || 0;
        break;
      case 'tc':
        if (outer) {
          if (!close && !selfClosing) {
            cell = { text: '', span: 1, vMerge: 'none' };
          } else if (close && cell) {
            lastRow?.cells.push(cell);
            cell = undefined;
          } else if (selfClosing) lastRow?.cells.push({ text: '', span: 1, vMerge: 'none' });
        }
        break;
      case 'gridSpan':
        if (cell && tables.length === 1) cell.span = Math.max(1, Number(VAL.exec(attrs)?.[1] ?? 1) || 1);
        break;
      case 'vMerge':
        if (cell && tables.length === 1)
          cell.vMerge = VAL.exec(attrs)?.[1] === 'restart' ? 'restart' : 'continue';
        break;
      default:
        break;
    }
  }
  return blocks;
}

/**
 * A Word table laid on a grid of rows and columns: each cell's text at its top-left grid cell, its gridSpan and
 * vMerge as merged ranges. `firstRow` is the 1-based grid row of the table's first row.
 */
function layTable(table: WordTable, firstRow: number): { values: CellValue[][]; merges: MergeRange[] } {
  const values: CellValue[][] = [];
  const merges: MergeRange[] = [];
  /** The merge still open in each grid column (a vMerge restart waiting for its continues). */
  const open = new Map<number, MergeRange>();
  table.rows.forEach((row, i) => {
    const r = firstRow + i;
    const line: CellValue[] = [];
    let c = 1 + row.before;
    for (const cell of row.cells) {
      if (cell.vMerge === 'continue') {
        const above = open.get(c);
        if (above) above.bottom = r;
      } else {
        const text = cell.text.replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
        line[c - 1] = text === '' ? null : text;
        const range = { top: r, left: c, bottom: r, right: c + cell.span - 1 };
        if (cell.vMerge === 'restart' || cell.span > 1) merges.push(range);
        for (let k = c; k < c + cell.span; k++) open.delete(k);
        if (cell.vMerge === 'restart') open.set(c, range);
      }
      c += cell.span;
    }
    values.push(line);
  });
  return { values, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) };
}

/** Paragraph lines kept above a table (its title, 填报单位, 推荐单位…): the last few before it. */
const LEAD_LINES = 6;

/**
 * The tables of a .docx as grids named 表格1, 表格2…: each one with the non-empty paragraphs just before it (up to
 * six: a title, a 推荐单位 line) as rows above, and, for the tables after the first, the document's own opening lines
 * too (where the unit is usually named). A document without tables gives one grid of its paragraphs, so that what
 * it says can still be read. Throws `DocumentReadError` for bytes that are not a Word document.
 */
export function readDocxGrids(bytes: Uint8Array, fileName: string): Grid[] {
  let files: Record<string, Uint8Array>;
  let tooLarge = false;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== MAIN) return false;
        // A body that would inflate past the cap is refused before any byte is inflated (a zip bomb).
        tooLarge = f.originalSize > MAX_BODY;
        return !tooLarge;
      },
    });
  } catch (cause) {
    throw new DocumentReadError('docx/corrupt', fileName, { cause });
  }
  if (tooLarge) throw new DocumentReadError('docx/corrupt', fileName);
  const main = files[MAIN];
  if (!main) throw new DocumentReadError('docx/not-docx', fileName);
  const blocks = blocksOf(new TextDecoder('utf-8').decode(main));
  const opening: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'tbl') break;
    if (b.text.trim() !== '') opening.push(b.text.trim());
  }
  const grids: Grid[] = [];
  let lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'p') {
      if (block.text.trim() !== '') lines.push(block.text.trim());
      continue;
    }
    const lead = lines.slice(-LEAD_LINES);
    const above =
      grids.length === 0 ? lead : [...opening.slice(0, 3).filter((t) => !lead.includes(t)), ...lead];
    const { values, merges } = layTable(block.table, above.length + 1);
    grids.push({ name: `表格${grids.length + 1}`, values: [...above.map((t) => [t]), ...values], merges });
    lines = [];
  }
  if (grids.length === 0) grids.push({ name: '正文', values: opening.map((t) => [t]), merges: [] });
  return grids;
}

/** Word files read for their tables (.docx and its macro-enabled and template kinds). */
export const DOCX_EXTENSIONS: readonly string[] = ['.docx', '.docm', '.dotx', '.dotm'];
/** Word files whose tables cannot be read (Word 97-2003, WPS 文字): named, never skipped silently. */
export const LEGACY_DOC_EXTENSIONS: readonly string[] = ['.doc', '.dot', '.wps', '.wpt'];

/** True when a file name is a Word document (read or named). */
export function isWordFile(fileName: string): boolean {
  const ext = extensionOf(fileName);
  return DOCX_EXTENSIONS.includes(ext) || LEGACY_DOC_EXTENSIONS.includes(ext);
}

/**
 * The tables of a Word file as grids (see `readDocxGrids`), by content: a zip package is read as .docx; an OLE
 * container is a Word 97-2003 / WPS document (`docx/legacy-doc`) or a password-protected one (`docx/encrypted`);
 * anything else is `docx/corrupt`.
 */
export function openDocument(data: Uint8Array, fileName: string): Grid[] {
  if (isCfb(data))
    throw new DocumentReadError(hasEncryptionInfo(data) ? 'docx/encrypted' : 'docx/legacy-doc', fileName);
  if (!isZip(data)) {
    // An RTF or a .doc saved by another program under a Word name.
    const legacy = LEGACY_DOC_EXTENSIONS.includes(extensionOf(fileName));
    throw new DocumentReadError(legacy ? 'docx/legacy-doc' : 'docx/corrupt', fileName);
  }
  return readDocxGrids(data, fileName);
}
