import { textWidth } from '../../core/normalise';
import Papa from 'papaparse';
import type { CellValue, Grid } from '../../core/grid';
import type { CellMark, WorkbookPort } from '../../core/workbook-port';
import { WorkbookMarkError, WorkbookReadError } from './errors';
import { asBytes, isBlankBytes, stemOf } from './sniff';
import { decodeText, type TextEncoding } from './text-decode';
import { plainXlsx } from './ooxml/plain-workbook';
import { markXlsxBytes } from './patch-marks';

/** The delimiters guessed between, in order of preference. */
const DELIMITERS = [',', '\t', ';'];

/** An Excel sheet name from any text: no `[]:*?/\`, no leading or trailing apostrophe, at most 31 characters. */
export function toSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return [...cleaned].slice(0, 31).join('') || 'Sheet1';
}

/**
 * A CSV or TSV file as a one-sheet workbook. Values stay the text the file has (the core reads numbers in text);
 * empty fields are null. A CSV cannot hold fills or notes, so the marked copy is a new .xlsx with the same values
 * in a sheet of the same name (made safe for Excel: at most 31 characters, no `[]:*?/\`): a plain .xlsx written,
 * then marked by patching it like any other package.
 */
export class CsvWorkbook implements WorkbookPort {
  /** The copy's bytes, with the marks applied so far. */
  private copy: Uint8Array | undefined;

  private constructor(
    readonly grid: Grid,
    readonly fileName: string,
    /** The encoding the bytes were read in. */
    readonly encoding: TextEncoding,
    /** The delimiter found: `,`, tab or `;`. */
    readonly delimiter: string,
  ) {}

  /** Parses CSV/TSV bytes: encoding detected (BOM, UTF-8, UTF-16, else GB18030 or Big5), delimiter guessed. */
  static parse(data: Uint8Array | ArrayBuffer, fileName: string): CsvWorkbook {
    const bytes = asBytes(data);
    if (isBlankBytes(bytes)) throw new WorkbookReadError('file/empty', fileName);
    const { text, encoding } = decodeText(bytes);
    // Why guess apart: papaparse counts blank lines when guessing (a short file's final newline defeats it), but
    // blank lines must stay in the grid so that row numbers match the lines the user sees.
    const guess = Papa.parse<string[]>(text.slice(0, 65536), {
      delimiter: '',
      delimitersToGuess: DELIMITERS,
      skipEmptyLines: 'greedy',
      preview: 50,
    });
    const delimiter = guess.meta.delimiter || ',';
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
    const values: CellValue[][] = [];
    let lastRow = -1;
    for (const fields of parsed.data) {
      const row: CellValue[] = new Array(fields.length);
      let last = -1;
      for (let j = 0; j < fields.length; j++) {
        const f = fields[j];
        if (f === '' || f === undefined) row[j] = null;
        else {
          row[j] = f;
          last = j;
        }
      }
      row.length = last + 1;
      if (last >= 0) lastRow = values.length;
      values.push(row);
    }
    values.length = lastRow + 1;
    if (values.length === 0) throw new WorkbookReadError('file/empty', fileName);
    const grid: Grid = { name: stemOf(fileName), values, merges: [], startRow: 1, startColumn: 1 };
    return new CsvWorkbook(grid, fileName, encoding, delimiter);
  }

  /** The one sheet. */
  async readSheets(): Promise<Grid[]> {
    return [this.grid];
  }

  /** Marks cells of the .xlsx copy (made on first use); every mark is checked before any is written. */
  async applyMarks(marks: CellMark[]): Promise<void> {
    const sheetName = toSheetName(this.grid.name);
    const onCopy = marks.map((m) => (m.sheet === this.grid.name ? { ...m, sheet: sheetName } : m));
    this.copy = markXlsxBytes(this.xlsxCopy(), onCopy, this.fileName);
  }

  /** Not supported for files: the CLI writes marks into a copy. */
  async clearMarks(): Promise<void> {
    throw new WorkbookMarkError('mark/clear-unsupported', this.fileName);
  }

  /** The values (and any marks) as .xlsx bytes; a CSV cannot carry fills or notes. */
  async toBuffer(): Promise<Uint8Array> {
    return this.xlsxCopy();
  }

  /** The copy as a plain .xlsx: text cells, column widths fitted to the text (8 to 50). */
  private xlsxCopy(): Uint8Array {
    if (this.copy) return this.copy;
    const widths: number[] = [];
    const values = this.grid.values;
    const rows: (string | null)[][] = [];
    for (const row of values) {
      const out: (string | null)[] = new Array(row.length);
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        out[j] = typeof v === 'string' ? v : null;
        if (typeof v !== 'string') continue;
        const w = textWidth(v.length > 60 ? v.slice(0, 60) : v);
        const widest = widths[j];
        if (widest === undefined || widest < w) widths[j] = w;
      }
      rows.push(out);
    }
    const fitted = Array.from({ length: widths.length }, (_, j) =>
      Math.min(50, Math.max(8, (widths[j] ?? 0) + 2)),
    );
    this.copy = plainXlsx({ name: toSheetName(this.grid.name), rows, widths: fitted });
    return this.copy;
  }
}
