import { FileWork, inThreadLink, type FileReply, type WorkerLink } from '../app/file-session';
import { FilePanePort } from './file-pane-port';

/** The webpack build's hash: a new build's worker script is fetched again, never an old cached one. */
declare const __webpack_hash__: string | undefined;

/**
 * Starts the standalone page's file worker (file-worker.js, beside the page). Where none can start (a page opened
 * from disk, an engine or policy that refuses workers) the same work runs in the page, which then holds the page
 * while it reads and checks.
 */
export function startFileWorker(): WorkerLink {
  let worker: Worker;
  try {
    const hash = typeof __webpack_hash__ === 'string' ? `?${__webpack_hash__}` : '';
    worker = new Worker(`file-worker.js${hash}`);
  } catch {
    return inThreadLink(new FileWork((bytes, name) => FilePanePort.open(bytes, name)));
  }
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    terminate: () => worker.terminate(),
    listen: (onReply, onFailure) => {
      worker.onmessage = (e: MessageEvent<FileReply>) => onReply(e.data);
      // A script that cannot be fetched or run, or an error outside a request: the page says so, never hangs.
      worker.onerror = (e) => {
        e.preventDefault();
        onFailure(e.message || 'file-worker.js could not be loaded');
      };
      worker.onmessageerror = () => onFailure('a reply of file-worker.js could not be read');
    },
  };
}
