import type { Locale } from '../core/locale';
import type { SheetSpec } from '../core/sheet-spec';
import { errorText } from './error-text';
import type { ChosenFile, FileLike, UnreadFile } from './report-sources';

/**
 * The file adapter as the pane's report sections use it: chosen files read in the page, generated sheets made into
 * an .xlsx to download. An entry passes it in (src/entries/standalone.ts); a view never imports an adapter.
 */
export interface PageFiles {
  /** Reads a chosen file (.xlsx, CSV, .docx); throws a `WorkbookReadError` (a `DocumentReadError` for Word). */
  readChosenFile(file: FileLike): Promise<ChosenFile>;
  /** The generated sheets as a new .xlsx (exceljs is fetched only now). */
  sheetsToXlsx(specs: readonly SheetSpec[]): Promise<Uint8Array>;
}

/** Reads several files in order; one that cannot be read is returned with its error (the tally lists it). */
export async function readChosenFiles(
  files: PageFiles,
  chosen: readonly FileLike[],
  locale: Locale,
): Promise<Array<ChosenFile | UnreadFile>> {
  const out: Array<ChosenFile | UnreadFile> = [];
  for (const f of chosen) {
    try {
      out.push(await files.readChosenFile(f));
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
