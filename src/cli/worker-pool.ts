import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileTask, FileTaskReply } from './file-worker';

/** Below this many files, work stays in this thread: starting workers costs more than it saves. */
const WORKER_THRESHOLD = 24;
/** Files handed to a worker before it answers. */
const IN_FLIGHT = 4;

/**
 * The number of worker threads for `files` files: `DRC_WORKERS` when set (0: none), else one per core (at most 8)
 * from the threshold on.
 */
export function workerCount(files: number): number {
  const fromEnv = process.env.DRC_WORKERS;
  if (fromEnv !== undefined && fromEnv !== '' && Number.isFinite(Number(fromEnv)))
    return Math.max(0, Math.min(Math.floor(Number(fromEnv)), files));
  if (files < WORKER_THRESHOLD) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8, files));
}

/** The compiled worker beside this module (absent when running from TypeScript sources, e.g. under jest). */
const WORKER_FILE = path.join(__dirname, 'file-worker.js');

/**
 * Runs a task per file, in worker threads when there are enough files and the compiled worker exists (all cores),
 * else in this thread. Results keep the files' order whatever order they finish in. A file a worker leaves
 * (`undefined`: it needs this thread, e.g. a legacy format to convert), fails on or dies with is run here by
 * `inThread`, after the workers are done. `onDone` is called once per file as it finishes.
 */
export async function runFileTasks<R>(
  tasks: ReadonlyArray<FileTask>,
  inThread: (index: number) => Promise<R>,
  onDone?: (index: number) => void,
): Promise<R[]> {
  const results: Array<R | undefined> = new Array<R | undefined>(tasks.length).fill(undefined);
  const n = existsSync(WORKER_FILE) ? workerCount(tasks.length) : 0;
  const leftovers: number[] = [];
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(WORKER_FILE);
      // A few files in flight per worker, so that it never waits for this thread between two files.
      const inFlight = new Set<number>();
      const feed = () => {
        while (inFlight.size < IN_FLIGHT && next < tasks.length) {
          const id = next++;
          inFlight.add(id);
          worker.postMessage({ id, task: tasks[id] });
        }
        if (inFlight.size === 0) void worker.terminate().then(() => resolve());
      };
      worker.on('message', (m: FileTaskReply) => {
        inFlight.delete(m.id);
        if (m.result === undefined) leftovers.push(m.id);
        else {
          results[m.id] = m.result as R;
          onDone?.(m.id);
        }
        feed();
      });
      worker.on('error', () => {
        leftovers.push(...inFlight);
        inFlight.clear();
        resolve();
      });
      feed();
    });
  if (n > 0) await Promise.all(Array.from({ length: n }, runWorker));
  // Files no worker finished: left to this thread, never handed out after a worker died, or all of them.
  const handled = new Set(leftovers);
  for (let i = 0; i < tasks.length; i++) if (results[i] === undefined && !handled.has(i)) leftovers.push(i);
  for (const i of leftovers.sort((a, b) => a - b)) {
    results[i] = await inThread(i);
    onDone?.(i);
  }
  return results as R[];
}
