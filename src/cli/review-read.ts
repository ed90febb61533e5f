import path from 'node:path';
import { inboxFile } from '../app/review-desk';
import type { Grid } from '../core/grid';
import type { Locale } from '../core/locale';
import type { DeepPartial, Settings } from '../core/settings';
import { type FileFindings, reviewFile } from '../features/review';
import { DOCX_EXTENSIONS, DocumentReadError, isWordFile } from '../hosts/docx';
import { openDocumentFile } from '../hosts/docx/document-file';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { cliText } from './cli-messages';
import { type InputError, isInputError, readGrids } from './list-files';

/** Word files read for their tables (Annex 2 forms, 无动态调整 statements). */
export const WORD_EXTENSIONS = DOCX_EXTENSIONS;

/** One file of the inbox: where it is, how it is shown, and, for a file not read, why. */
export interface InboxEntry {
  path: string;
  /** Relative to the inbox, `/` between folders (the name the office sees). */
  display: string;
  /** A file listed but not read (a Word .doc, a PDF, an archive …): the reason, and whether that is an error. */
  notRead?: { code: string; message: string; kind: 'other' | 'unreadable' };
}

/** A Word .docx as sheets (its tables, with the paragraphs around them), or an error naming the file. */
async function readWordFile(file: string, locale: Locale, maxSize?: number): Promise<Grid[] | InputError> {
  try {
    return await openDocumentFile(file, maxSize);
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof DocumentReadError)
      return { file, code: e.code, message: e.messageIn(locale) };
    const detail = e instanceof Error ? e.message : String(e);
    return { file, code: 'file/failed', message: cliText(locale, 'file/failed', { file, detail }) };
  }
}

/**
 * Reads one file of the inbox (at most `maxSize` bytes, uncompressed) and reviews its content; a file that cannot be
 * read becomes its error.
 */
export async function readAndReview(
  entry: InboxEntry,
  locale: Locale,
  settings?: DeepPartial<Settings>,
  maxSize?: number,
): Promise<FileFindings> {
  if (entry.notRead) {
    const { code, message, kind } = entry.notRead;
    return reviewFile(inboxFile(entry.display, { error: { code, message }, errorKind: kind }), settings);
  }
  const word = isWordFile(entry.path) && DOCX_EXTENSIONS.includes(path.extname(entry.path).toLowerCase());
  const grids = word
    ? await readWordFile(entry.path, locale, maxSize)
    : await readGrids(entry.path, locale, maxSize);
  const read = isInputError(grids)
    ? { error: { code: grids.code, message: grids.message.split(entry.path).join(entry.display) } }
    : { grids };
  return reviewFile(inboxFile(entry.display, read), settings);
}
