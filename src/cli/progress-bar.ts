import { SingleBar } from 'cli-progress';
import type { CliIo } from './cli-types';

/** A per-file progress line on standard error. */
export interface FileProgress {
  update(done: number, file: string): void;
  stop(): void;
}

/**
 * A progress bar over `total` files, drawn only where a person watches it: standard error is a terminal, there is
 * more than one file, and the output is not JSON (a script reading it gets no stray lines). Otherwise, undefined.
 */
export function fileProgress(io: CliIo, total: number, json?: boolean): FileProgress | undefined {
  if (!io.err.isTTY || total <= 1 || json) return undefined;
  const bar = new SingleBar({
    stream: io.err as NodeJS.WriteStream,
    format: '{bar} {value}/{total} {file}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { file: '' });
  return { update: (done, file) => bar.update(done, { file }), stop: () => bar.stop() };
}
