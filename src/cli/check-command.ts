import { itemAt } from '../core/item-at';
import type { Locale } from '../core/locale';
import type { FileError, FileReport } from '../core/report';
import type { DeepPartial, Settings } from '../core/settings';
import { checkGrids, issuesToMarks } from '../features/check-workbook';
import { outputProblemText } from '../hosts/files/file-messages';
import { openWorkbookFile } from '../hosts/files/open-file';
import { writeFileAtomically, writeProblem } from '../hosts/files/output-plan';
import type { Converter } from '../hosts/files/soffice';
import { type LegacyFormat, WorkbookMarkError, WorkbookReadError } from '../hosts/xlsx/errors';
import { cliText } from './cli-messages';
import { runFileTasks } from './worker-pool';

/** The result of checking one file from the command line: the report, and what happened to its copy. */
export interface CheckedFile extends FileReport {
  /** The marked copy written, if one was. */
  copy?: string;
  /** The legacy format the file was converted from before reading, if it was. */
  convertedFrom?: LegacyFormat;
  /** Why the marked copy could not be written (the check results stand). */
  writeError?: FileError;
}

/** Options of `drc check`. */
export interface CheckOptions {
  locale: Locale;
  settings?: DeepPartial<Settings>;
  /** Largest file or uncompressed package read, in bytes (default 1 GB). */
  maxSize?: number;
  /** Converts legacy formats; without one they are reported as needing LibreOffice. */
  converter?: Converter;
  /** Input → path of its marked copy, decided before anything is written; none: no copies. */
  targets?: ReadonlyMap<string, string>;
  /** Called after each file, for progress. */
  onFile?: (done: number, total: number, file: string) => void;
}

function failed(file: string, error: FileError): CheckedFile {
  return { file, error, sheets: [] };
}

/**
 * Checks one file: read (converted first when it is a legacy format), validate every sheet, and (when it has a
 * planned target) write the marked copy atomically. Never throws for bad input: a file that cannot be read is its
 * `error`; a copy that cannot be written is its `writeError`, beside the check results.
 */
export async function checkFile(file: string, options: CheckOptions): Promise<CheckedFile> {
  const { locale } = options;
  let opened: Awaited<ReturnType<typeof openWorkbookFile>>;
  let report: CheckedFile;
  try {
    opened = await openWorkbookFile(file, { maxSize: options.maxSize, converter: options.converter });
    const sheets = checkGrids(await opened.workbook.readSheets(), options.settings);
    report = { file, error: null, sheets };
    if (opened.convertedFrom) report.convertedFrom = opened.convertedFrom;
  } catch (e) {
    if (e instanceof WorkbookReadError) return failed(file, { code: e.code, message: e.messageIn(locale) });
    const detail = e instanceof Error ? e.message : String(e);
    return failed(file, { code: 'file/failed', message: cliText(locale, 'file/failed', { file, detail }) });
  }
  const target = options.targets?.get(file);
  if (!target) return report;
  let data: Uint8Array;
  try {
    await opened.workbook.applyMarks(issuesToMarks(report.sheets, locale));
    data = await opened.workbook.toBuffer();
  } catch (e) {
    // The package could be read but not marked: a read error is the file's own (no copy of a broken file).
    if (e instanceof WorkbookReadError) return failed(file, { code: e.code, message: e.messageIn(locale) });
    const message =
      e instanceof WorkbookMarkError
        ? e.messageIn(locale)
        : cliText(locale, 'file/failed', { file, detail: e instanceof Error ? e.message : String(e) });
    report.writeError = { code: e instanceof WorkbookMarkError ? e.code : 'file/failed', message };
    return report;
  }
  try {
    await writeFileAtomically(target, data);
    report.copy = target;
  } catch (e) {
    const problem = writeProblem(target, e);
    report.writeError = { code: problem.code, message: outputProblemText(locale, problem) };
  }
  return report;
}

/**
 * Checks every file, in worker threads on all cores when there are many (see `runFileTasks`); reports keep the
 * files' order and are the same as checking them one by one.
 */
export async function checkFiles(files: readonly string[], options: CheckOptions): Promise<CheckedFile[]> {
  let done = 0;
  return runFileTasks<CheckedFile>(
    files.map((file) => ({
      kind: 'check',
      file,
      locale: options.locale,
      settings: options.settings,
      maxSize: options.maxSize,
      target: options.targets?.get(file),
    })),
    (i) => checkFile(itemAt(files, i), options),
    (i) => options.onFile?.(++done, files.length, itemAt(files, i)),
  );
}
