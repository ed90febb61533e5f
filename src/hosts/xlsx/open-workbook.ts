import { CsvWorkbook } from './csv-workbook';
import { type LegacyFormat, WorkbookReadError } from './errors';
import type { ReadLimits } from './fast-reader';
import { asBytes, extensionOf, hasEncryptionInfo, isOdfPackage, looksLikeMarkup, sniff } from './sniff';
import { sizeParams } from './sizes';
import { XlsxWorkbook } from './xlsx-workbook';

/** Extensions of the .xlsx family (macro-enabled and templates are the same package). */
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
/** Older spreadsheet formats: Excel 97-2003 and WPS's own (OLE containers), OpenDocument. */
const LEGACY_EXTENSIONS = new Set(['.xls', '.xlt', '.et', '.ett', '.ods', '.ots', '.fods']);
/** Delimited text. */
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/** How a file is read: as an .xlsx package, as delimited text, or only after conversion (legacy formats). */
export type WorkbookFormat = { kind: 'xlsx' } | { kind: 'text' } | { kind: 'legacy'; format: LegacyFormat };

/** The legacy format an extension names, for content that does not say more. */
function legacyOf(ext: string): LegacyFormat {
  if (ext === '.et' || ext === '.ett') return 'et';
  if (ext === '.ods' || ext === '.ots' || ext === '.fods') return 'ods';
  return 'xls';
}

/** Markup text that Excel 2003 wrote as "XML Spreadsheet" (its root declares the office:spreadsheet namespace). */
function isSpreadsheetMl2003(b: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(b.subarray(0, 4096));
  return /urn:schemas-microsoft-com:office:spreadsheet/.test(head) && !/<html\b/i.test(head);
}

/**
 * Decides how to read bytes, by content first and extension second, or throws a `WorkbookReadError`:
 * - 0 bytes or only whitespace: `file/empty`; an extension that is none of the known ones: `file/unsupported`;
 * - an OLE container: `file/encrypted` when it holds `EncryptionInfo` (an encrypted .xlsx); otherwise a legacy
 *   binary workbook (.et when so named, else .xls; also when misnamed .xlsx or .csv);
 * - a zip: an OpenDocument package (its `mimetype` entry, or named .ods) is legacy .ods; any other zip is .xlsx;
 * - text named .xlsx: `file/not-xlsx`; web-page or Excel 2003 XML text named .xls/.et: legacy; flat .fods: legacy;
 *   other text named .xls (platforms export tab-separated text as .xls) and .csv/.tsv/.txt: delimited text;
 * - binary that is none of these: named .xlsx `file/not-xlsx`, named as text `file/not-text`, else legacy (old
 *   Excel files without an OLE container exist; the converter decides).
 */
export function workbookFormat(data: Uint8Array | ArrayBuffer, fileName: string): WorkbookFormat {
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
    if (hasEncryptionInfo(bytes)) throw new WorkbookReadError('file/encrypted', fileName);
    return { kind: 'legacy', format: ext === '.et' || ext === '.ett' ? 'et' : 'xls' };
  }
  if (kind === 'zip')
    return isOdfPackage(bytes) || legacyOf(ext) === 'ods'
      ? { kind: 'legacy', format: 'ods' }
      : { kind: 'xlsx' };
  if (kind === 'text') {
    if (xlsxFamily) throw new WorkbookReadError('file/not-xlsx', fileName, { what: 'text' });
    if (ext === '.fods') return { kind: 'legacy', format: 'ods' };
    if (legacy && looksLikeMarkup(bytes))
      return { kind: 'legacy', format: isSpreadsheetMl2003(bytes) ? 'xml2003' : 'html' };
    if (legacy && legacyOf(ext) === 'ods') throw new WorkbookReadError('file/corrupt', fileName);
    return { kind: 'text' };
  }
  if (xlsxFamily) throw new WorkbookReadError('file/not-xlsx', fileName, { what: 'text' });
  if (text) throw new WorkbookReadError('file/not-text', fileName, { ext });
  return { kind: 'legacy', format: legacyOf(ext) };
}

/**
 * Opens workbook bytes (see `workbookFormat`), or throws a `WorkbookReadError`. A legacy format cannot be read
 * from bytes alone: it is `file/legacy-xls` naming the format (the command line converts such files first).
 */
export async function openWorkbook(
  data: Uint8Array | ArrayBuffer,
  fileName: string,
  limits?: ReadLimits,
): Promise<XlsxWorkbook | CsvWorkbook> {
  const bytes = asBytes(data);
  const format = workbookFormat(bytes, fileName);
  if (format.kind === 'legacy')
    throw new WorkbookReadError('file/legacy-xls', fileName, { format: format.format });
  if (format.kind === 'xlsx') return XlsxWorkbook.load(bytes, fileName, limits);
  if (limits?.maxSize !== undefined && bytes.length > limits.maxSize)
    throw new WorkbookReadError('file/too-large', fileName, sizeParams(bytes.length, limits.maxSize));
  try {
    return CsvWorkbook.parse(bytes, fileName);
  } catch (cause) {
    if (cause instanceof WorkbookReadError) throw cause;
    throw new WorkbookReadError('file/corrupt', fileName, {}, { cause });
  }
}
