// A worker thread of `drc review`: reads and reviews the files the main thread hands it, one message per file.
import { parentPort } from 'node:worker_threads';
import type { Locale } from '../core/locale';
import type { DeepPartial, Settings } from '../core/settings';
import { type InboxEntry, readAndReview } from './review-read';

/** A file to read, with the run's language and settings. */
export interface WorkerTask {
  id: number;
  entry: InboxEntry;
  locale: Locale;
  settings?: DeepPartial<Settings>;
}

parentPort?.on('message', (task: WorkerTask) => {
  readAndReview(task.entry, task.locale, task.settings).then(
    (findings) => parentPort?.postMessage({ id: task.id, findings }),
    (e: unknown) =>
      parentPort?.postMessage({ id: task.id, failure: e instanceof Error ? e.message : String(e) }),
  );
});
