import type { Locale } from '../core/locale';
import type { SheetSpec } from '../core/sheet-spec';
import type { ChosenFile, FileLike, UnreadFile } from '../app/report-sources';
import { errorText } from '../app/error-text';
import { isWordFile, openDocument } from '../hosts/docx';
import { readFileGrids } from './standalone/file-port';

// Files chosen in the pane, read in the page, and reports made into .xlsx files for download.

/**
 * Reads a chosen file: .xlsx and .docx in the page, CSV through the lazily loaded adapter; throws a
 * `WorkbookReadError` (a `DocumentReadError` for a Word file).
 */
export async function readChosenFile(file: FileLike): Promise<ChosenFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A Word file: its tables (an Annex 2 form or list returned in Word), read in the page as well.
  if (isWordFile(file.name))
    return { name: file.name, grids: openDocument(bytes, file.name), document: true };
  return { name: file.name, grids: await readFileGrids(bytes, file.name) };
}

/** Reads several files in order; one that cannot be read is returned with its error (the tally lists it). */
export async function readChosenFiles(
  files: readonly FileLike[],
  locale: Locale,
): Promise<Array<ChosenFile | UnreadFile>> {
  const out: Array<ChosenFile | UnreadFile> = [];
  for (const f of files) {
    try {
      out.push(await readChosenFile(f));
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      out.push({
        name: f.name,
        error: { code: typeof code === 'string' ? code : 'file/failed', message: errorText(e, locale) },
      });
    }
  }
  return out;
}

/** The generated sheets as a new .xlsx (exceljs is fetched only now, in the file adapter's chunk). */
export async function sheetsToXlsx(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const { sheetSpecsToXlsx } = await import(
    /* webpackChunkName: "exceljs" */ '../hosts/xlsx/sheet-specs-to-xlsx'
  );
  return sheetSpecsToXlsx(specs);
}
