import type { HostContext } from '../taskpane/views/app';
import { startFileWorker } from './file-worker-link';

/**
 * The pane in file mode (the standalone page, or the pane opened outside its host): a chosen file is read, checked
 * and marked by the file adapter in the page's worker. The one place that wires the file adapter to the pane.
 */
export function standaloneHost(language: string | undefined): HostContext {
  return { mode: 'standalone', language, fileWorker: startFileWorker };
}
