import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../core/grid';
import type { CellMark, WorkbookPort } from '../../core/workbook-port';
import { WorkbookMarkError, WorkbookReadError } from './errors';
import { mergesOf, rowsOf, ValueType, type ValueModel } from './exceljs-internals';
import { planMarks, writeMarks } from './marks';
import { PackageTooLargeError, type ReadLimits, readXlsxGrids } from './fast-reader';
import { sizeParams } from './sizes';
import { markXlsxBytes } from './patch-marks';
import { asBytes, hasEncryptionInfo, sniff } from './sniff';

/** Throws the right read error when bytes cannot be an .xlsx package (empty, CFB, or not a zip). */
export function assertXlsxBytes(bytes: Uint8Array, fileName: string): void {
  switch (sniff(bytes)) {
    case 'zip':
      return;
    case 'empty':
      throw new WorkbookReadError('file/empty', fileName);
    case 'cfb':
      throw new WorkbookReadError(hasEncryptionInfo(bytes) ? 'file/encrypted' : 'file/legacy-xls', fileName, {
        format: 'xls',
      });
    default:
      throw new WorkbookReadError('file/not-xlsx', fileName, { what: 'text' });
  }
}

/** Text of a string or rich-text value (`{richText: [{text}]}`); anything else as its string form. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const rich = (v as { richText?: { text?: string }[] }).richText;
    if (Array.isArray(rich)) {
      let s = '';
      for (const run of rich) s += run.text ?? '';
      return s;
    }
  }
  return v === undefined || v === null ? '' : String(v);
}

/** A formula's cached result or an error value as the host gives it. */
function scalarOf(v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    default:
      break;
  }
  if (v instanceof Date) return v;
  const error = (v as { error?: unknown }).error;
  if (typeof error === 'string') return { error };
  return textOf(v);
}

/** The value of one stored cell: text (rich text joined), number, boolean, date, error; followers and blanks null. */
function valueOf(model: ValueModel): CellValue {
  switch (model.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number:
    case ValueType.Boolean:
    case ValueType.Date:
      return model.value as number | boolean | Date;
    case ValueType.String:
    case ValueType.SharedString:
    case ValueType.RichText:
      return textOf(model.value);
    case ValueType.Hyperlink:
      return textOf(model.text);
    case ValueType.Formula:
      return scalarOf(model.result);
    case ValueType.Error:
      return scalarOf(model.value);
    default:
      return scalarOf(model.value);
  }
}

/** Reads one worksheet into a grid starting at A1; trailing blanks of each row and trailing blank rows are dropped. */
function readSheet(sheet: ExcelJS.Worksheet): Grid {
  const rows = rowsOf(sheet);
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  let anyFormat = false;
  let lastRow = -1;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]?._cells;
    if (!cells || cells.length === 0) {
      values.push([]);
      continue;
    }
    const out: CellValue[] = new Array(cells.length);
    let fmtRow: (string | undefined)[] | undefined;
    let last = -1;
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (!cell) {
        out[j] = null;
        continue;
      }
      const v = valueOf(cell._value.model);
      out[j] = v;
      if (v === null) continue;
      last = j;
      // Format strings come from exceljs's per-style-id objects, so they are shared, not copied.
      const fmt = cell.style?.numFmt;
      if (fmt && fmt !== 'General') {
        if (!fmtRow) {
          fmtRow = [];
          numberFormats[i] = fmtRow;
          anyFormat = true;
        }
        fmtRow[j] = fmt;
      }
    }
    out.length = last + 1;
    if (last >= 0) lastRow = i;
    values.push(out);
  }
  values.length = lastRow + 1;
  const grid: Grid = { name: sheet.name, values, merges: mergesOf(sheet), startRow: 1, startColumn: 1 };
  if (anyFormat) {
    numberFormats.length = Math.min(numberFormats.length, values.length);
    grid.numberFormats = numberFormats;
  }
  return grid;
}

/** Writes bytes from exceljs's `writeBuffer` (a Buffer in Node, an ArrayBuffer-like in browsers) as a Uint8Array. */
export function toUint8Array(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * An .xlsx file held in memory. Reading goes through the small fast reader (values, formats, merges); exceljs,
 * ~15× slower and ~5× heavier on a 50k-row sheet, is loaded only to mark cells and write the marked copy.
 */
export class XlsxWorkbook implements WorkbookPort {
  private model?: ExcelJS.Workbook;
  /** The loaded bytes with the marks applied so far (see `applyMarks`). */
  private marked?: Uint8Array;

  /** Use `XlsxWorkbook.load`, or wrap a workbook already built with exceljs. */
  constructor(
    workbook: ExcelJS.Workbook | undefined,
    readonly fileName: string,
    private readonly sheetNameOf: (gridName: string) => string = (n) => n,
    private readonly bytes?: Uint8Array,
    private readonly grids?: Grid[],
  ) {
    this.model = workbook;
  }

  /** Reads .xlsx bytes; every failure becomes a `WorkbookReadError` naming the file. */
  static async load(
    data: Uint8Array | ArrayBuffer,
    fileName: string,
    limits?: ReadLimits,
  ): Promise<XlsxWorkbook> {
    const bytes = asBytes(data);
    assertXlsxBytes(bytes, fileName);
    let grids: Grid[];
    try {
      grids = readXlsxGrids(bytes, limits);
    } catch (cause) {
      if (cause instanceof PackageTooLargeError)
        throw new WorkbookReadError('file/too-large', fileName, sizeParams(cause.size, cause.max), { cause });
      throw new WorkbookReadError('file/corrupt', fileName, {}, { cause });
    }
    if (grids.length === 0) throw new WorkbookReadError('file/corrupt', fileName);
    return new XlsxWorkbook(undefined, fileName, undefined, bytes, grids);
  }

  /**
   * The exceljs model, loaded on first use with its in-memory reader (its streaming reader corrupts Chinese
   * text at chunk boundaries and drops merged values).
   */
  async exceljsWorkbook(): Promise<ExcelJS.Workbook> {
    if (this.model) return this.model;
    const workbook = new ExcelJS.Workbook();
    try {
      // exceljs types ask for a Buffer; JSZip (used inside) reads any Uint8Array or ArrayBuffer.
      const bytes = this.marked ?? this.bytes;
      await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch (cause) {
      throw new WorkbookReadError('file/corrupt', this.fileName, {}, { cause });
    }
    this.model = workbook;
    return workbook;
  }

  /** Every worksheet, in tab order, as a grid from A1 (values, number formats other than General, merges). */
  async readSheets(): Promise<Grid[]> {
    return this.grids ?? (await this.exceljsWorkbook()).worksheets.map(readSheet);
  }

  /**
   * Fills and notes cells (see `writeMarks`); every mark is checked first, so a bad one writes nothing.
   * Marking again with the same notes adds no duplicate note text. A workbook loaded from bytes is marked by
   * patching its package (`markXlsxBytes`: ~20× less memory than exceljs on a 50k-row sheet, and parts exceljs
   * does not model are kept); one built with exceljs, or whose exceljs model was already loaded, through exceljs.
   */
  async applyMarks(marks: CellMark[]): Promise<void> {
    if (this.bytes && !this.model) {
      this.marked = markXlsxBytes(this.marked ?? this.bytes, marks, this.fileName);
      return;
    }
    writeMarks(planMarks(await this.exceljsWorkbook(), marks, this.fileName, this.sheetNameOf));
  }

  /** Not supported for files: the CLI writes marks into a copy, so there is nothing to undo in the original. */
  async clearMarks(): Promise<void> {
    throw new WorkbookMarkError('mark/clear-unsupported', this.fileName);
  }

  /** The workbook as .xlsx bytes: the patched package, or exceljs's output once its model is loaded. */
  async toBuffer(): Promise<Uint8Array> {
    if (this.bytes && !this.model) return this.marked ?? this.bytes;
    const data = await (await this.exceljsWorkbook()).xlsx.writeBuffer();
    return toUint8Array(data as ArrayBuffer | ArrayBufferView);
  }
}
