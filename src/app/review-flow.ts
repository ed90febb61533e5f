import { itemAt } from '../core/item-at';
import type { FileError } from '../core/report';
import type { Grid } from '../core/grid';
import { inboxFile, type ReviewDesk, reviewDesk, type ReviewDeskOptions } from './review-desk';

export type { ReviewDesk } from './review-desk';

/** A file chosen in the pane for the review: its sheets or its error, and its path within a chosen folder. */
export interface ChosenInboxFile {
  name: string;
  /** `收件/住建局/清单.xlsx` when a folder was chosen; the name alone for files chosen one by one. */
  path: string;
  grids?: Grid[];
  error?: FileError;
}

/**
 * Reviews files chosen in the pane as `drc review` reviews a folder: in path order, each file's folder within the
 * chosen one standing for its unit (the chosen folder's own name is left out, as the command line leaves out the
 * folder it is given).
 */
export function reviewChosenFiles(
  files: readonly ChosenInboxFile[],
  options: ReviewDeskOptions = {},
): ReviewDesk {
  const paths = files.map((f) => f.path.replace(/\\/g, '/'));
  const first = paths[0]?.split('/')[0];
  const shared = first !== undefined && paths.every((p) => p.includes('/') && p.split('/')[0] === first);
  // The folder all the files share, with its slash, is left out of their paths.
  const cut = shared ? first.length + 1 : 0;
  const inbox = files
    .map((f, i) => ({ f, path: itemAt(paths, i).slice(cut) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(({ f, path }) =>
      inboxFile(
        path,
        f.grids ? { grids: f.grids } : { error: f.error ?? { code: 'file/failed', message: '' } },
      ),
    );
  return reviewDesk(inbox, options);
}
