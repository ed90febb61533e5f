/// <reference types="office-js" />
import { h, render } from 'preact';
import { toLocale } from '../core/locale';
import { commandFailures, createExcelPort } from './excel-port';
import { pageFiles, standaloneHost } from './standalone';
import { showBootError } from '../taskpane/boot-error';
import { t } from '../taskpane/i18n';
import { App, type HostContext } from '../taskpane/views/app';

/** Office.js as the page sees it: absent when the CDN could not be reached (then the page is standalone). */
function officeGlobal(): typeof Office | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office && typeof office.onReady === 'function' ? office : undefined;
}

/**
 * Picks the adapter once: inside Excel the Office.js adapter, anywhere else (a plain browser, where Office.js
 * reports no host or did not load) the standalone file mode.
 */
export async function pickHost(): Promise<HostContext> {
  const office = officeGlobal();
  const browserLanguage = typeof navigator === 'undefined' ? undefined : navigator.language;
  const standalone = standaloneHost(browserLanguage);
  if (!office) return standalone;
  const info = await office.onReady();
  if (info.host !== office.HostType.Excel) return standalone;
  const language = office.context.displayLanguage;
  // ExcelApi 1.1 is what the manifest asks for; anything newer is checked by the adapter where it is used.
  if (!office.context.requirements.isSetSupported('ExcelApi', '1.1'))
    throw new Error(t(toLocale(language), 'noExcelApi'));
  return {
    mode: 'excel',
    port: createExcelPort(office),
    files: pageFiles,
    language,
    workbookName: workbookName(office),
    failures: commandFailures(),
  };
}

/** The open workbook's file name from its address, where Office gives one (a new, unsaved workbook has none). */
function workbookName(office: typeof Office): string | undefined {
  try {
    const url = office.context.document?.url;
    if (!url) return undefined;
    const [path = ''] = url.split(/[?#]/);
    const last = path.split(/[\\/]/).pop() ?? '';
    return decodeURIComponent(last) || undefined;
  } catch {
    return undefined;
  }
}

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    render(h(App, await pickHost()), root);
    // Unmount when the page goes (reload, close): the pane's change handler is removed with it.
    const leave = () => render(null, root);
    window.addEventListener('pagehide', leave);
    window.addEventListener('unload', leave);
  } catch (e) {
    showBootError(root, e);
  }
}

void boot();
