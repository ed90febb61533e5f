import { CsvWorkbook } from './csv-workbook';
import { WorkbookReadError } from './errors';
import { asBytes, extensionOf, hasEncryptionInfo, looksLikeMarkup, sniff } from './sniff';
import { XlsxWorkbook } from './xlsx-workbook';

/** Extensions of the .xlsx family (macro-enabled and templates are the same package). */
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
/** Old binary workbooks: Excel 97-2003 and WPS's own format, both OLE containers. */
const LEGACY_EXTENSIONS = new Set(['.xls', '.xlt', '.et', '.ett']);
/** Delimited text. */
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/**
 * Opens workbook bytes by content and extension, or throws a `WorkbookReadError`:
 * - 0 bytes or only whitespace: `file/empty`; an extension that is none of the above: `file/unsupported`;
 * - an OLE container (any of the extensions): `file/encrypted` when it holds `EncryptionInfo`, else `file/legacy-xls`;
 * - a zip (any of the extensions, e.g. an .xlsx saved as .xls): read as .xlsx, `file/corrupt` when exceljs cannot;
 * - text named .xlsx: `file/not-xlsx`; web-page or XML text named .xls: `file/legacy-xls`; other text named .xls
 *   (platforms export tab-separated text as .xls) and .csv/.tsv/.txt: read as delimited text;
 * - anything else (binary that is neither): `file/corrupt` or, named .xlsx, `file/not-xlsx`.
 */
export async function openWorkbook(
  data: Uint8Array | ArrayBuffer,
  fileName: string,
): Promise<XlsxWorkbook | CsvWorkbook> {
  const bytes = asBytes(data);
  const ext = extensionOf(fileName);
  const kind = sniff(bytes);
  if (kind === 'empty') throw new WorkbookReadError('file/empty', fileName);
  const xlsxFamily = XLSX_EXTENSIONS.has(ext);
  const legacy = LEGACY_EXTENSIONS.has(ext);
  const text = TEXT_EXTENSIONS.has(ext);
  if (!xlsxFamily && !legacy && !text) {
    throw new WorkbookReadError('file/unsupported', fileName, { ext: ext || '?' });
  }
  if (kind === 'cfb') {
    throw new WorkbookReadError(hasEncryptionInfo(bytes) ? 'file/encrypted' : 'file/legacy-xls', fileName);
  }
  if (kind === 'zip') return XlsxWorkbook.load(bytes, fileName);
  if (xlsxFamily) throw new WorkbookReadError('file/not-xlsx', fileName);
  if (kind !== 'text') throw new WorkbookReadError(legacy ? 'file/legacy-xls' : 'file/corrupt', fileName);
  if (legacy && looksLikeMarkup(bytes)) throw new WorkbookReadError('file/legacy-xls', fileName);
  try {
    return CsvWorkbook.parse(bytes, fileName);
  } catch (cause) {
    if (cause instanceof WorkbookReadError) throw cause;
    throw new WorkbookReadError('file/corrupt', fileName, {}, { cause });
  }
}
