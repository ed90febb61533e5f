import path from 'node:path';
import type { CsvWorkbook } from '../xlsx/csv-workbook';
import { type LegacyFormat, WorkbookReadError } from '../xlsx/errors';
import { DEFAULT_MAX_SIZE } from '../xlsx/fast-reader';
import { openWorkbook, workbookFormat } from '../xlsx/open-workbook';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook';
import { readRegularFile } from './read-file';
import { ConversionError, type Converter } from './soffice';
// Node's zlib for package entries, set once for every file opened here.
import './native-zlib';

/** How to open a file: the size limit (default 1 GB) and the converter of legacy formats, if any. */
export interface OpenFileOptions {
  maxSize?: number;
  /** Converts .xls / .et / .ods; without one such files are `file/needs-libreoffice`. */
  converter?: Converter;
}

/** An opened file: the workbook, and the legacy format it was converted from (if it was). */
export interface OpenedFile {
  workbook: XlsxWorkbook | CsvWorkbook;
  convertedFrom?: LegacyFormat;
}

/**
 * Opens a workbook file for reading, or throws a `WorkbookReadError` that names it: only a regular file is read,
 * never more than the size limit; .xlsx and text are read as they are, legacy formats are converted to .xlsx in a
 * temp folder first (the file itself is only ever read).
 */
export async function openWorkbookFile(file: string, options: OpenFileOptions = {}): Promise<OpenedFile> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  const bytes = await readRegularFile(file, maxSize);
  const name = path.basename(file);
  const format = workbookFormat(bytes, name);
  if (format.kind !== 'legacy') return { workbook: await openWorkbook(bytes, name, { maxSize }) };
  if (!options.converter)
    throw new WorkbookReadError('file/needs-libreoffice', name, { format: format.format });
  let converted: Uint8Array;
  try {
    converted = await options.converter.convert(bytes, format.format);
  } catch (cause) {
    const reason = cause instanceof ConversionError ? cause.reason : 'no-output';
    const detail = cause instanceof ConversionError ? cause.detail : String(cause);
    throw new WorkbookReadError(
      'file/conversion-failed',
      name,
      { format: format.format, reason, detail },
      { cause },
    );
  }
  return { workbook: await XlsxWorkbook.load(converted, name, { maxSize }), convertedFrom: format.format };
}
