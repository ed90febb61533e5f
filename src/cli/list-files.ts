import type { Grid } from '../core/grid';
import type { Locale } from '../core/locale';
import type { FileError } from '../core/report';
import { type ListRead, readList } from '../features/compare/read-list';
import { outputProblemText } from '../hosts/files/file-messages';
import { openWorkbookFile } from '../hosts/files/open-file';
import { checkOutFile, writeFileAtomically, writeProblem } from '../hosts/files/output-plan';
import { findSoffice, libreOfficeConverter } from '../hosts/files/soffice';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { cliText } from './cli-messages';
import { type CliIo, EXIT } from './cli-types';
import { listText } from './list-messages';

/** A file the command could not use: the code, the sentence naming the file, and the file. */
export interface InputError extends FileError {
  file: string;
}

/**
 * Reads a workbook or CSV file into grids (a legacy format converted by LibreOffice when it is installed), or an
 * error naming the file (never throws for bad input).
 */
export async function readGrids(
  file: string,
  locale: Locale,
  maxSize?: number,
): Promise<Grid[] | InputError> {
  const soffice = findSoffice();
  const converter = soffice ? libreOfficeConverter(soffice) : undefined;
  try {
    const { workbook } = await openWorkbookFile(file, { converter, maxSize });
    return await workbook.readSheets();
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, code: e.code, message: e.messageIn(locale) };
    const detail = e instanceof Error ? e.message : String(e);
    return { file, code: 'file/failed', message: cliText(locale, 'file/failed', { file, detail }) };
  } finally {
    await converter?.close();
  }
}

/** Reads the inspection list of a file (its first list sheet), or an error naming the file. */
export async function readListFile(
  file: string,
  locale: Locale,
  maxSize?: number,
): Promise<ListRead | InputError> {
  const grids = await readGrids(file, locale, maxSize);
  if (!Array.isArray(grids)) return grids;
  return (
    readList(grids) ?? { file, code: 'list/not-found', message: listText(locale, 'list/not-found', { file }) }
  );
}

/** True when a read returned an error rather than data. */
export function isInputError(v: unknown): v is InputError {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as InputError).code === 'string' &&
    'message' in v
  );
}

/** Writes bytes beside the target, then renames: a failure never leaves a half-written file. */
export const writeAtomically = writeFileAtomically;

/**
 * An error for `--out FILE.xlsx` (empty, not .xlsx, an input of the run, a folder or special file, or in a
 * place that cannot be written), or undefined when it can be written.
 */
export async function checkOutPath(
  out: string,
  inputs: readonly string[],
  locale: Locale,
): Promise<InputError | undefined> {
  const problem = await checkOutFile(out, inputs, '--out', locale === 'zh-CN' ? '报告.xlsx' : 'report.xlsx');
  if (!problem) return undefined;
  // The codes these commands gave before output checks were shared are kept.
  const code = OLD_CODES[problem.code] ?? problem.code;
  return { file: out, code, message: outputProblemText(locale, problem) };
}

const OLD_CODES: Record<string, string> = {
  'out/not-xlsx': 'args/out-xlsx',
  'out/file-is-input': 'args/out-is-input',
};

/** The error of a report that could not be written (no permission, disk full …), in the locale. */
export function writeError(out: string, e: unknown, locale: Locale): InputError {
  return { file: out, code: 'file/write-failed', message: outputProblemText(locale, writeProblem(out, e)) };
}

/** Prints an input error to standard error (and as `{"error":…}` with --json), and records exit 2. */
export function failWith(
  io: CliIo,
  setCode: (code: number) => void,
  error: InputError,
  json?: boolean,
): void {
  if (json) io.out.write(`${JSON.stringify({ error }, null, 2)}\n`);
  io.err.write(`${error.message}\n`);
  setCode(EXIT.failure);
}

/**
 * Prints a report command's result (JSON with `outError` added when the report could not be written, or text),
 * then the reason nothing was written; false when there was one (the caller exits 2).
 */
export function printResult(
  io: CliIo,
  json: boolean | undefined,
  doc: () => unknown,
  text: () => string,
  outError: InputError | undefined,
): boolean {
  if (json) {
    const d = doc() as Record<string, unknown>;
    io.out.write(`${JSON.stringify(outError ? { ...d, outError } : d, null, 2)}\n`);
  } else io.out.write(`${text()}\n`);
  if (outError) io.err.write(`${outError.message}\n`);
  return !outError;
}
