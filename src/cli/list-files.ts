import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Grid } from '../core/grid';
import type { Locale } from '../core/locale';
import type { FileError } from '../core/report';
import { type ListRead, readList } from '../features/compare/read-list';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { openWorkbook } from '../hosts/xlsx/open-workbook';
import { cliText } from './cli-messages';
import { type CliIo, EXIT } from './cli-types';
import { listText } from './list-messages';

/** A file the command could not use: the code, the sentence naming the file, and the file. */
export interface InputError extends FileError {
  file: string;
}

/** Reads a workbook or CSV file into grids, or an error naming the file (never throws for bad input). */
export async function readGrids(file: string, locale: Locale): Promise<Grid[] | InputError> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file/not-found' : 'file/unreadable';
    return { file, code, message: cliText(locale, code, { file }) };
  }
  try {
    const workbook = await openWorkbook(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      path.basename(file),
    );
    return await workbook.readSheets();
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, code: e.code, message: e.messageIn(locale) };
    const detail = e instanceof Error ? e.message : String(e);
    return { file, code: 'file/failed', message: cliText(locale, 'file/failed', { file, detail }) };
  }
}

/** Reads the inspection list of a file (its first list sheet), or an error naming the file. */
export async function readListFile(file: string, locale: Locale): Promise<ListRead | InputError> {
  const grids = await readGrids(file, locale);
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
export async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temp, data);
  await fs.rename(temp, target);
}

/** An error for `--out` (not .xlsx, or an input's own path), or undefined when it can be written. */
export function checkOutPath(out: string, inputs: readonly string[], locale: Locale): InputError | undefined {
  if (!/\.xlsx$/i.test(out))
    return { file: out, code: 'args/out-xlsx', message: listText(locale, 'args/out-xlsx', { value: out }) };
  const same = inputs.find((f) => path.resolve(f) === path.resolve(out));
  if (same)
    return {
      file: out,
      code: 'args/out-is-input',
      message: listText(locale, 'args/out-is-input', { file: same }),
    };
  return undefined;
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
