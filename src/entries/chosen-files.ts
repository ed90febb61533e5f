import type { SheetSpec } from '../core/sheet-spec';
import type { ChosenFile, FileLike } from '../app/report-sources';
import { isWordFile, openDocument } from '../hosts/docx';
import { readFileGrids } from '../hosts/xlsx/read-file-grids';

// The file adapter behind the pane's `PageFiles`: files chosen in a report section, read in the page, and reports
// made into .xlsx files for download. Fetched with the report sections' code (src/entries/standalone.ts).

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

/** The generated sheets as a new .xlsx (exceljs is fetched only now, in its own chunk). */
export async function sheetsToXlsx(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const { sheetSpecsToXlsx } = await import(
    /* webpackChunkName: "exceljs" */ '../hosts/xlsx/sheet-specs-to-xlsx'
  );
  return sheetSpecsToXlsx(specs);
}
