import type { Grid } from '../../core/grid';
import { readRegularFile } from '../files/read-file';
import { DEFAULT_MAX_SIZE } from '../xlsx/fast-reader';
import { openDocument } from './read-docx';

/**
 * The tables of a Word file on disk as grids: only a regular file is read, never more than the size limit (the
 * same rules as a workbook's); throws `WorkbookReadError` for the file itself, `DocumentReadError` for its content.
 */
export async function openDocumentFile(file: string, maxSize = DEFAULT_MAX_SIZE): Promise<Grid[]> {
  return openDocument(await readRegularFile(file, maxSize), file.replace(/^.*[\\/]/, ''));
}
