import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CsvWorkbook } from './csv-workbook';
import { openWorkbook } from './open-workbook';
import type { XlsxWorkbook } from './xlsx-workbook';

/** Node only: reads a file into bytes (the adapter itself never touches the file system). */
export async function readFileBytes(path: string): Promise<Uint8Array> {
  const buf = await readFile(path);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Node only: opens a workbook from a path; errors name the file by its base name. */
export async function openWorkbookFile(path: string): Promise<XlsxWorkbook | CsvWorkbook> {
  return openWorkbook(await readFileBytes(path), basename(path));
}
