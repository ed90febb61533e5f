import { itemAt } from '../core/item-at';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { deskFromFindings, quotaFromGrids, type ReviewDesk, registerFromGrids } from '../app/review-desk';
import type { Locale } from '../core/locale';
import type { DeepPartial, Settings } from '../core/settings';
import { buildReturnNote, type FileFindings, noteFileName, type UnitRegister } from '../features/review';
import type { QuotaRead } from '../features/tally';
import { reportBytes } from './report-bytes';
import { outputProblemText, skipText } from '../hosts/files/file-messages';
import { checkOutFolder } from '../hosts/files/output-plan';
import { listInputs } from '../hosts/files/list-inputs';
import { checkOutPath, type InputError, isInputError, readGrids, writeAtomically } from './list-files';
import { reviewText } from './review-messages';
import { type InboxEntry, readAndReview, WORD_EXTENSIONS } from './review-read';
import { tallyText } from './tally-messages';
import { runFileTasks } from './worker-pool';

/** The inbox as listed: every file (read, or listed with why it is not), and the system's own files left out. */
export interface InboxListing {
  entries: InboxEntry[];
  /** Lock files, hidden and system files (Thumbs.db), the run's outputs: not a unit's, counted only. */
  ignored: string[];
}

const posix = (p: string) => p.split(path.sep).join('/');
/** Entries not read that are deliverables of another form (a scan, a photo): received, not an error. */
const RECEIVED = new Set(['skip/pdf', 'skip/image']);

/**
 * Lists the inbox with the files module: a folder stands for every file under it, at any depth (per-unit
 * subfolders or flat), in path order; a file for itself. Every entry is a file to review — read, or listed with
 * the reason it is not (a Word .doc, a PDF scan, an archive) — except the system's own files, which are counted.
 * Paths are shown relative to the folder given.
 */
export async function listInbox(
  inputs: readonly string[],
  options: { exclude?: string[]; outputs?: string[] } = {},
  locale: Locale = 'zh-CN',
): Promise<InboxListing> {
  const listing = await listInputs(inputs, {
    recursive: true,
    exclude: options.exclude,
    alsoRead: WORD_EXTENSIONS,
  });
  const folders: string[] = [];
  for (const input of inputs)
    if ((await fs.stat(input).catch(() => undefined))?.isDirectory()) folders.push(input);
  const display = (p: string, root?: string) => {
    const base = root ?? folders.find((r) => path.resolve(p).startsWith(path.resolve(r) + path.sep));
    return base ? posix(path.relative(base, p)) : path.basename(p);
  };
  // The run's own outputs (the workbook of an earlier run in the inbox folder) are not a unit's files.
  const outputs = new Set((options.outputs ?? []).map((o) => path.resolve(o)));
  const entries: InboxEntry[] = listing.files
    .filter((f) => !outputs.has(path.resolve(f.path)))
    .map((f) => ({ path: f.path, display: display(f.path, f.root) }));
  const ignored: string[] = [];
  for (const k of listing.skipped) {
    if (k.reason === 'skip/lock-file' || k.reason === 'skip/hidden' || k.reason === 'skip/output-folder') {
      ignored.push(k.path);
      continue;
    }
    entries.push({
      path: k.path,
      display: display(k.path),
      notRead: {
        code: k.reason,
        message: skipText(locale, k),
        kind: RECEIVED.has(k.reason) ? 'other' : 'unreadable',
      },
    });
  }
  entries.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { entries, ignored };
}

/** Options of `drc review`. */
export interface ReviewCliOptions {
  units?: string;
  quota?: string;
  out?: string;
  /** A folder for one 退回意见 .docx per unit with something to fix. */
  notes?: string;
  /** The largest uncompressed size of one file read (`--max-size`); the reader's default when not given. */
  maxSize?: number;
  locale: Locale;
  settings?: DeepPartial<Settings>;
  date?: string;
  /** Called after each file is read, for the progress bar. */
  onFile?: (done: number, total: number, file: string) => void;
}

/** What `drc review` produced, or the problem that stops it before anything is written. */
export interface ReviewRun {
  desk?: ReviewDesk;
  findings?: FileFindings[];
  fatal?: InputError;
  written?: string;
  /** The notes written, one per unit with something to fix. */
  notes?: string[];
}

/**
 * Reads and reviews every file, in worker threads when there are many and the compiled worker exists (all cores),
 * else in this thread (`runFileTasks`, shared with `drc check` and `drc tally`). Results keep the inbox's order
 * whatever order they finish in; a file a worker fails on is done in this thread.
 */
export async function reviewEntries(
  entries: readonly InboxEntry[],
  options: Pick<ReviewCliOptions, 'locale' | 'settings' | 'onFile' | 'maxSize'>,
): Promise<FileFindings[]> {
  let done = 0;
  const { locale, settings, maxSize } = options;
  return runFileTasks(
    entries.map((entry) => ({ kind: 'review', entry, locale, settings, maxSize })),
    (i) => readAndReview(itemAt(entries, i), locale, settings, maxSize),
    (i) => options.onFile?.(++done, entries.length, itemAt(entries, i).display),
  );
}

async function readQuota(file: string, locale: Locale, maxSize?: number): Promise<QuotaRead | InputError> {
  const grids = await readGrids(file, locale, maxSize);
  if (isInputError(grids)) return grids;
  return (
    quotaFromGrids(grids, file) ?? {
      file,
      code: 'quota/not-found',
      message: tallyText(locale, 'quota/not-found', { file }),
    }
  );
}

async function readRegister(
  file: string,
  locale: Locale,
  quota?: QuotaRead,
  maxSize?: number,
): Promise<UnitRegister | InputError> {
  const grids = await readGrids(file, locale, maxSize);
  if (isInputError(grids)) return grids;
  return (
    registerFromGrids(grids, file, quota) ?? {
      file,
      code: 'units/empty',
      message: reviewText(locale, 'args/units-empty', { file }),
    }
  );
}

/**
 * `drc review`: reads the register and quota table when given, every file of the inbox, reviews them, and (with
 * `out`) writes the office's workbook. Problems with the arguments stop it before any file is read.
 */
export async function runReview(
  entries: readonly InboxEntry[],
  options: ReviewCliOptions,
): Promise<ReviewRun> {
  const { locale } = options;
  if (options.out) {
    const bad = await checkOutPath(
      options.out,
      entries.map((e) => e.path),
      locale,
    );
    if (bad) return { fatal: bad };
  }
  if (options.notes !== undefined) {
    const problem = await checkOutFolder(options.notes, '--notes');
    if (problem)
      return {
        fatal: { file: options.notes, code: problem.code, message: outputProblemText(locale, problem) },
      };
  }
  let quota: QuotaRead | undefined;
  if (options.quota) {
    const read = await readQuota(options.quota, locale, options.maxSize);
    if (isInputError(read)) return { fatal: read };
    quota = read;
  }
  let register: UnitRegister | undefined;
  if (options.units) {
    const read = await readRegister(options.units, locale, quota, options.maxSize);
    if (isInputError(read)) return { fatal: read };
    register = read;
  }
  const findings = await reviewEntries(entries, options);
  if (findings.length > 0 && findings.every((f) => f.error))
    return {
      findings,
      fatal: {
        file: '',
        code: 'args/nothing-readable',
        message: reviewText(locale, 'args/nothing-readable', { count: findings.length }),
      },
    };
  const desk = deskFromFindings(findings, {
    register,
    quota,
    settings: options.settings,
    date: options.date,
    locale,
  });
  const run: ReviewRun = { desk, findings };
  if (options.out) {
    await writeAtomically(options.out, await reportBytes(desk.sheets));
    run.written = options.out;
  }
  if (options.notes !== undefined) run.notes = await writeNotes(desk, entries, options.notes, options);
  return run;
}

/**
 * Writes one 退回意见 .docx per unit with something to fix into `dir` (a unit with nothing to fix gets none). The
 * Word library is loaded only here. A note never replaces a file of the inbox.
 */
async function writeNotes(
  desk: ReviewDesk,
  entries: readonly InboxEntry[],
  dir: string,
  options: ReviewCliOptions,
): Promise<string[]> {
  const { documentToDocx } = await import('../hosts/docx/write-docx');
  const inputs = new Set(entries.map((e) => path.resolve(e.path)));
  const written: string[] = [];
  for (const u of desk.result.units) {
    const note = buildReturnNote(desk.result, u, { date: options.date, locale: options.locale });
    if (!note) continue;
    const target = path.join(dir, noteFileName(u.unit, 'docx'));
    if (inputs.has(path.resolve(target))) continue;
    await writeAtomically(target, await documentToDocx(note));
    written.push(target);
  }
  return written;
}
