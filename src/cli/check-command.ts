import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../core/locale';
import type { FileReport } from '../core/report';
import type { DeepPartial, Settings } from '../core/settings';
import { checkGrids, issuesToMarks } from '../features/check-workbook';
import { openWorkbook } from '../hosts/xlsx/open-workbook';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { cliText, type CliMessage } from './cli-messages';

/** A file problem found by the command line itself (path, permissions, output place). */
class CliFileError extends Error {
  constructor(readonly code: CliMessage & `file/${string}`) {
    super(code);
  }
}

/** Options of `drc check`. */
export interface CheckOptions {
  out?: string;
  locale: Locale;
  settings?: DeepPartial<Settings>;
  /** Called after each file, for progress. */
  onFile?: (done: number, total: number, file: string) => void;
}

/** Where the marked copy of an input goes: same name under `out`; a CSV becomes an .xlsx (CSV holds no fills). */
export function markedCopyPath(file: string, out: string): string {
  const base = path.basename(file);
  return path.join(out, /\.(csv|tsv|txt)$/i.test(base) ? base.replace(/\.[^.]+$/, '.xlsx') : base);
}

/** Checks one file: read, validate every sheet, and (with `out`) write the marked copy. Never throws for bad input. */
export async function checkFile(file: string, options: CheckOptions): Promise<FileReport> {
  try {
    const bytes = await fs.readFile(file).catch((e: NodeJS.ErrnoException) => {
      throw new CliFileError(e.code === 'ENOENT' ? 'file/not-found' : 'file/unreadable');
    });
    const workbook = await openWorkbook(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      path.basename(file),
    );
    const grids = await workbook.readSheets();
    const sheets = checkGrids(grids, options.settings);
    if (options.out) {
      await workbook.applyMarks(issuesToMarks(sheets, options.locale));
      const data = await workbook.toBuffer();
      const target = markedCopyPath(file, options.out);
      if (path.resolve(target) === path.resolve(file)) throw new CliFileError('file/same-as-output');
      await fs.mkdir(options.out, { recursive: true });
      // Written beside, then renamed: a failure never leaves a half-written copy.
      const temp = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temp, data);
      await fs.rename(temp, target);
    }
    return { file, error: null, sheets };
  } catch (e) {
    if (e instanceof WorkbookReadError)
      return { file, error: { code: e.code, message: e.messageIn(options.locale) }, sheets: [] };
    if (e instanceof CliFileError)
      return {
        file,
        error: { code: e.code, message: cliText(options.locale, e.code, { file }) },
        sheets: [],
      };
    const detail = e instanceof Error ? e.message : String(e);
    return {
      file,
      error: { code: 'file/failed', message: cliText(options.locale, 'file/failed', { file, detail }) },
      sheets: [],
    };
  }
}

/** Checks every file in turn. */
export async function checkFiles(files: readonly string[], options: CheckOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const [i, file] of files.entries()) {
    reports.push(await checkFile(file, options));
    options.onFile?.(i + 1, files.length, file);
  }
  return reports;
}
