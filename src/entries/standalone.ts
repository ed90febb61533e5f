import { FileSession } from '../app/file-session';
import type { PageFiles } from '../app/page-files';
import type { HostContext } from '../taskpane/views/app';
import { browserStore, markedCopyName, pageSettingsStore } from './file-pane-port';
import { startFileWorker } from './file-worker-link';

/** The file adapter's code for the report sections, fetched with the sections' own (one chunk, on first use). */
const chosenFiles = () => import(/* webpackChunkName: "reports" */ './chosen-files');

/**
 * The file adapter as every page's report sections use it (in Excel, WPS or the standalone page): chosen files read
 * in the page, generated sheets made into an .xlsx to download.
 */
export const pageFiles: PageFiles = {
  readChosenFile: async (file) => (await chosenFiles()).readChosenFile(file),
  sheetsToXlsx: async (specs) => (await chosenFiles()).sheetsToXlsx(specs),
};

/**
 * The pane in file mode (the standalone page, or a pane page opened outside its host): a chosen file is read,
 * checked and marked by the file adapter in the page's worker, settings are kept in the browser. The one place that
 * wires the file adapter to the pane.
 */
export function standaloneHost(language: string | undefined): HostContext {
  return {
    mode: 'standalone',
    language,
    files: pageFiles,
    openFile: (bytes, fileName, options) =>
      FileSession.open(bytes, fileName, startFileWorker, browserStore(), options),
    settingsStore: pageSettingsStore(),
    markedCopyName,
  };
}
