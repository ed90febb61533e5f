import { WorkbookReadError } from './errors';
import { formatSize, sizeParams } from './sizes';
import { NotSpreadsheetError, PackageError, PackageTooLargeError, PartTooLargeError } from './zip-package';

/** The read error of a package the reader refused: damaged (naming the part), too large, or not a workbook. */
export function readError(cause: unknown, fileName: string): WorkbookReadError {
  if (cause instanceof PackageTooLargeError)
    return new WorkbookReadError('file/too-large', fileName, sizeParams(cause.size, cause.max), { cause });
  if (cause instanceof PartTooLargeError)
    return new WorkbookReadError(
      'file/part-too-large',
      fileName,
      { part: cause.part, size: formatSize(cause.size) },
      { cause },
    );
  if (cause instanceof NotSpreadsheetError)
    return new WorkbookReadError('file/not-xlsx', fileName, { what: cause.what }, { cause });
  if (cause instanceof PackageError) {
    const params: Record<string, string | number> = { reason: cause.reason, ...cause.details };
    if (cause.part !== undefined) params.part = cause.part;
    return new WorkbookReadError('file/corrupt', fileName, params, { cause });
  }
  return new WorkbookReadError('file/corrupt', fileName, {}, { cause });
}
