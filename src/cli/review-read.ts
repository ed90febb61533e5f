import { inboxFile } from '../app/review-desk';
import type { Locale } from '../core/locale';
import type { DeepPartial, Settings } from '../core/settings';
import { type FileFindings, reviewFile } from '../features/review';
import { isInputError, readGrids } from './list-files';

/** One file of the inbox: where it is, how it is shown, and, for a file not read, why. */
export interface InboxEntry {
  path: string;
  /** Relative to the inbox, `/` between folders (the name the office sees). */
  display: string;
  /** A file listed but not read (a Word .doc, a PDF, an archive …): the reason, and whether that is an error. */
  notRead?: { code: string; message: string; kind: 'other' | 'unreadable' };
}

/** Reads one file of the inbox and reviews its content; a file that cannot be read becomes its error. */
export async function readAndReview(
  entry: InboxEntry,
  locale: Locale,
  settings?: DeepPartial<Settings>,
): Promise<FileFindings> {
  if (entry.notRead) {
    const { code, message, kind } = entry.notRead;
    return reviewFile(inboxFile(entry.display, { error: { code, message }, errorKind: kind }), settings);
  }
  const grids = await readGrids(entry.path, locale);
  const read = isInputError(grids)
    ? { error: { code: grids.code, message: grids.message.split(entry.path).join(entry.display) } }
    : { grids };
  return reviewFile(inboxFile(entry.display, read), settings);
}
