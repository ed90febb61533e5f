import type { Grid } from '../../core/grid';
import type { CellMark, WorkbookPort } from '../../core/workbook-port';
import { WorkbookMarkError, WorkbookReadError } from './errors';
import { type ReadLimits, readXlsxGrids } from './fast-reader';
import { readError } from './read-error';
import { markXlsxBytesAsync } from './patch-marks';
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

/**
 * An .xlsx file held in memory: read by the small fast reader (values, formats, merges), marked by patching its
 * package (`markXlsxBytesAsync`: ~20× less memory than exceljs on a 50k-row sheet, and every part it does not touch is
 * kept as it was). exceljs is never loaded for a file: it only builds generated report sheets.
 */
export class XlsxWorkbook implements WorkbookPort {
  /** The loaded bytes with the marks applied so far (see `applyMarks`). */
  private marked?: Uint8Array;

  /** Use `XlsxWorkbook.load`. */
  private constructor(
    readonly fileName: string,
    private readonly bytes: Uint8Array,
    private readonly grids: Grid[],
  ) {}

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
      throw readError(cause, fileName);
    }
    if (grids.length === 0) throw new WorkbookReadError('file/corrupt', fileName);
    return new XlsxWorkbook(fileName, bytes, grids);
  }

  /** Every worksheet, in tab order, as a grid from A1 (values, number formats other than General, merges). */
  async readSheets(): Promise<Grid[]> {
    return this.grids;
  }

  /**
   * Fills and notes cells by patching the package; every mark is checked first, so a bad one writes nothing.
   * Marking again with the same notes adds no duplicate note text.
   */
  async applyMarks(marks: CellMark[]): Promise<void> {
    this.marked = await markXlsxBytesAsync(this.marked ?? this.bytes, marks, this.fileName);
  }

  /** Not supported for files: the CLI writes marks into a copy, so there is nothing to undo in the original. */
  async clearMarks(): Promise<void> {
    throw new WorkbookMarkError('mark/clear-unsupported', this.fileName);
  }

  /** The workbook as .xlsx bytes, with the marks applied so far. */
  async toBuffer(): Promise<Uint8Array> {
    return this.marked ?? this.bytes;
  }
}
