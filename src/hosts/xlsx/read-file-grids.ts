import type { Grid } from '../../core/grid';
import { WorkbookReadError } from './errors';
import { readXlsxGrids } from './fast-reader';
import { readError } from './read-error';
import { extensionOf, hasEncryptionInfo, sniff } from './sniff';

/** Extensions read as .xlsx packages (macro-enabled and templates are the same package). */
const ZIP_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
/** Extensions that open-workbook turns into precise messages (old binary formats, text). */
const OTHER_EXTENSIONS = new Set(['.xls', '.xlt', '.et', '.ett', '.csv', '.tsv', '.txt']);

/**
 * Reads a file's bytes into grids in the page. An .xlsx goes through the small fflate reader (no exceljs); CSV, TSV
 * and the formats that only get an explanation (.xls, encrypted files) load the rest of the adapter on demand.
 */
export async function readFileGrids(bytes: Uint8Array, fileName: string): Promise<Grid[]> {
  const ext = extensionOf(fileName);
  if (!ZIP_EXTENSIONS.has(ext) && !OTHER_EXTENSIONS.has(ext)) {
    throw new WorkbookReadError('file/unsupported', fileName, { ext: ext || '?' });
  }
  const kind = sniff(bytes);
  if (kind === 'empty') throw new WorkbookReadError('file/empty', fileName);
  if (kind === 'cfb')
    throw new WorkbookReadError(hasEncryptionInfo(bytes) ? 'file/encrypted' : 'file/legacy-xls', fileName);
  if (kind === 'zip') {
    try {
      const grids = readXlsxGrids(bytes);
      if (grids.length === 0) throw new WorkbookReadError('file/corrupt', fileName);
      return grids;
    } catch (cause) {
      throw cause instanceof WorkbookReadError ? cause : readError(cause, fileName);
    }
  }
  const { openWorkbook } = await import(/* webpackChunkName: "xlsx-adapter" */ './open-workbook');
  const workbook = await openWorkbook(bytes, fileName);
  return workbook.readSheets();
}
