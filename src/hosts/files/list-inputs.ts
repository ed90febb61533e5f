import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';
import { extensionOf } from '../xlsx/sniff';
import { accessError } from './read-file';

// The one place that turns the paths of a command line into the files a command reads. `drc check` and
// `drc tally` use it; a command that reads folders (review) should too, so that no file is ever skipped without
// a word: every entry of a folder is either read or listed as skipped, with the reason.

/** Read as they are. */
export const READ_EXTENSIONS: ReadonlySet<string> = new Set([
  '.xlsx',
  '.xlsm',
  '.xltx',
  '.xltm',
  '.csv',
  '.tsv',
  '.txt',
]);
/** Read after conversion to .xlsx (LibreOffice): Excel 97-2003, WPS 表格, OpenDocument. */
export const CONVERT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.xls',
  '.xlt',
  '.et',
  '.ett',
  '.ods',
  '.ots',
  '.fods',
]);

/** Why a folder entry was not read. */
export type SkipReason =
  | 'skip/lock-file'
  | 'skip/hidden'
  | 'skip/word'
  | 'skip/pdf'
  | 'skip/image'
  | 'skip/archive'
  | 'skip/other-type'
  | 'skip/output-folder'
  | 'skip/subfolder'
  | 'skip/too-deep'
  | 'skip/folder-loop'
  | 'skip/not-regular'
  | 'file/not-found'
  | 'file/no-permission'
  | 'file/symlink-loop'
  | 'file/unreadable';

/** A file to read: its path (as the user would write it), how, and the folder argument it was found in. */
export interface ListedFile {
  path: string;
  /** `read` as it is, or `convert` first (legacy formats, by extension; content decides in the end). */
  how: 'read' | 'convert';
  /** The folder given on the command line that holds it; undefined for a file named directly. */
  root?: string;
}

/** An entry not read, and why. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** The extension, for `skip/other-type`. */
  ext?: string;
}

/** Every file to read, in order, and every entry of the folders that will not be read. */
export interface InputListing {
  files: ListedFile[];
  skipped: SkippedFile[];
}

/** How to list: into subfolders (default yes), what to leave out, and extensions a command reads besides. */
export interface ListOptions {
  /** Read subfolders too (default false: each subfolder is then listed as skipped). */
  recursive?: boolean;
  /** Folders never entered (such as the output folder of the run), compared by real path. */
  exclude?: readonly string[];
  /** More extensions read as they are (e.g. `.docx` for a command that reads Word tables). */
  alsoRead?: readonly string[];
  /** Deepest folder level entered below a folder argument (default 16). */
  maxDepth?: number;
}

const WORD = new Set(['.doc', '.docx', '.docm', '.wps', '.wpt', '.rtf', '.odt', '.dot', '.dotx']);
const PDF = new Set(['.pdf', '.ofd', '.xps']);
const IMAGE = new Set(['.jpg', '.jpeg', '.png', '.gif', '.bmp', '.tif', '.tiff', '.webp', '.heic']);
const ARCHIVE = new Set(['.zip', '.rar', '.7z', '.tar', '.gz', '.tgz', '.bz2', '.xz']);
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', '__macosx']);

/** The reason a file name is not read, or undefined when it is. */
function skipByName(name: string, read: ReadonlySet<string>): SkippedFile['reason'] | undefined {
  // Office writes `~$name.xlsx` while a file is open; LibreOffice `.~lock.name#`.
  if (name.startsWith('~$') || name.startsWith('.~lock.')) return 'skip/lock-file';
  if (name.startsWith('.') || SYSTEM_FILES.has(name.toLowerCase())) return 'skip/hidden';
  const ext = extensionOf(name);
  if (read.has(ext) || CONVERT_EXTENSIONS.has(ext)) return undefined;
  if (WORD.has(ext)) return 'skip/word';
  if (PDF.has(ext)) return 'skip/pdf';
  if (IMAGE.has(ext)) return 'skip/image';
  if (ARCHIVE.has(ext)) return 'skip/archive';
  return 'skip/other-type';
}

/**
 * Expands the paths of a command line. A path that is not a folder is always a file to read, whatever its name
 * (the reader then says precisely what it is, or that it is missing). A folder stands for every file in it and,
 * with `recursive`, in its subfolders (sorted by name, folders entered in place): spreadsheet files are listed to be
 * read or converted; every other entry is listed as skipped with the reason (lock files, hidden and system
 * files, Word, PDF, images, archives, other types, special files, unreadable entries, the output folder,
 * symbolic-link loops).
 */
export async function listInputs(paths: readonly string[], options: ListOptions = {}): Promise<InputListing> {
  const read = new Set([...READ_EXTENSIONS, ...(options.alsoRead ?? []).map((e) => e.toLowerCase())]);
  const recursive = options.recursive ?? false;
  const maxDepth = options.maxDepth ?? 16;
  const exclude = new Set<string>();
  for (const e of options.exclude ?? []) exclude.add(await realOrResolved(e));
  const listing: InputListing = { files: [], skipped: [] };
  const how = (p: string): ListedFile['how'] => (CONVERT_EXTENSIONS.has(extensionOf(p)) ? 'convert' : 'read');

  for (const input of paths) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (!stat?.isDirectory()) {
      listing.files.push({ path: input, how: how(input) });
      continue;
    }
    const seen = new Set<string>([await realOrResolved(input)]);
    const walk = async (dir: string, depth: number): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        listing.skipped.push({ path: dir, reason: accessError(e, dir).code as SkipReason });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const target = await fs.stat(full);
            isDir = target.isDirectory();
            isFile = target.isFile();
          } catch (e) {
            listing.skipped.push({ path: full, reason: accessError(e, full).code as SkipReason });
            continue;
          }
        }
        if (isDir) {
          const real = await realOrResolved(full);
          if (exclude.has(real)) listing.skipped.push({ path: full, reason: 'skip/output-folder' });
          else if (entry.name.startsWith('.') || SYSTEM_FILES.has(entry.name.toLowerCase()))
            listing.skipped.push({ path: full, reason: 'skip/hidden' });
          else if (!recursive) listing.skipped.push({ path: full, reason: 'skip/subfolder' });
          else if (depth >= maxDepth) listing.skipped.push({ path: full, reason: 'skip/too-deep' });
          else if (seen.has(real)) listing.skipped.push({ path: full, reason: 'skip/folder-loop' });
          else {
            seen.add(real);
            await walk(full, depth + 1);
          }
          continue;
        }
        const reason = skipByName(entry.name, read);
        if (reason) {
          listing.skipped.push({
            path: full,
            reason,
            ...(reason === 'skip/other-type' ? { ext: extensionOf(entry.name) || undefined } : {}),
          });
        } else if (!isFile) listing.skipped.push({ path: full, reason: 'skip/not-regular' });
        else listing.files.push({ path: full, how: how(full), root: input });
      }
    };
    await walk(input, 0);
  }
  return listing;
}

/** The real path when it exists (symbolic links resolved), else the absolute path. */
async function realOrResolved(p: string): Promise<string> {
  return fs.realpath(p).catch(() => path.resolve(p));
}
