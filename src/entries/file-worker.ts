import { FileWork, serveFileWork, type WorkerScope } from '../app/file-session';
import { FilePanePort } from './file-pane-port';

/**
 * The standalone page's Web Worker (file-worker.js): reads the chosen file, checks it and writes the marked copy
 * off the page's thread, so the page never freezes on a large list. Its lazy chunks (the file adapter that writes
 * the copy) are loaded with importScripts.
 */
serveFileWork(
  self as unknown as WorkerScope,
  // A worker has no localStorage: the file's remembered state is kept by the page.
  new FileWork((bytes, name) => FilePanePort.open(bytes, name)),
);
