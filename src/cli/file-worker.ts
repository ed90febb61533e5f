// A worker thread of `drc check`, `drc tally` and `drc review`: checks, reads or reviews the files the main thread
// hands it, one message per file. Files that need the main thread (a legacy format to convert with LibreOffice) are handed back.
import { parentPort } from 'node:worker_threads';
import type { Locale } from '../core/locale';
import type { DeepPartial, Settings } from '../core/settings';
import type { InboxEntry } from './review-read';

/**
 * One file's work: checked as `drc check` does (with its marked copy's path, if any), read into sheets, or read and
 * reviewed as one file of `drc review`'s inbox.
 */
export type FileTask =
  | {
      kind: 'check';
      file: string;
      locale: Locale;
      settings?: DeepPartial<Settings>;
      maxSize?: number;
      target?: string;
    }
  | { kind: 'read'; file: string; locale: Locale; maxSize?: number }
  | {
      kind: 'review';
      entry: InboxEntry;
      locale: Locale;
      settings?: DeepPartial<Settings>;
      maxSize?: number;
    };

/** A worker's answer: the file's result, or undefined when the main thread must do the file. */
export interface FileTaskReply {
  id: number;
  result?: unknown;
}

/** Codes of files that need the main thread's LibreOffice converter. */
const NEEDS_MAIN = new Set(['file/needs-libreoffice']);

async function run(task: FileTask): Promise<unknown> {
  if (task.kind === 'check') {
    // Loaded on first use: a reading worker never loads the checking code, and the reverse.
    const { checkFile } = await import('./check-command');
    const report = await checkFile(task.file, {
      locale: task.locale,
      settings: task.settings,
      maxSize: task.maxSize,
      targets: task.target !== undefined ? new Map([[task.file, task.target]]) : undefined,
    });
    return report.error && NEEDS_MAIN.has(report.error.code) ? undefined : report;
  }
  if (task.kind === 'review') {
    const { readAndReview } = await import('./review-read');
    return readAndReview(task.entry, task.locale, task.settings, task.maxSize);
  }
  const { readSource } = await import('./tally-command');
  const source = await readSource(task.file, task.locale, undefined, task.maxSize);
  return source.error && NEEDS_MAIN.has(source.error.code) ? undefined : source;
}

parentPort?.on('message', (m: { id: number; task: FileTask }) => {
  run(m.task).then(
    (result) => parentPort?.postMessage({ id: m.id, result } satisfies FileTaskReply),
    () => parentPort?.postMessage({ id: m.id } satisfies FileTaskReply),
  );
});
