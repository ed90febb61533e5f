import { h, render } from 'preact';
import { failureStore } from '../app/command-failure';
import { showBootError } from '../taskpane/boot-error';
import { App, type HostContext } from '../taskpane/views/app';
import type { EtApplication } from '../hosts/wps/et-model';
import { wpsLocale } from '../hosts/wps/wps-locale';
import { WpsWorkbook } from '../hosts/wps/wps-workbook';
import { addMissingDomMethods } from './wps-old-web-view';
import { pageFiles, standaloneHost } from './standalone';

/**
 * The WPS task pane page (taskpane.html): the same pane as in Excel — it only talks to the workbook port, and its
 * report sections (监测点汇总, 动态调整情况表, 平台比对) write through the port too — given the WPS adapter. Opened in a
 * plain browser (no `window.Application`), the shared pane's standalone file mode runs instead.
 */
async function boot(): Promise<void> {
  addMissingDomMethods(window);
  const root = document.getElementById('app');
  if (!root) return;
  const app = (window as unknown as { Application?: EtApplication }).Application;
  try {
    if (!app) {
      render(h(App, standaloneHost(navigator.language)), root);
      return;
    }
    const port = new WpsWorkbook(app);
    let workbookName: string | undefined;
    try {
      workbookName = await port.workbookName();
    } catch {
      workbookName = undefined;
    }
    // The shared pane names two modes; "excel" is its hosted mode (an open workbook behind a port), whatever the host.
    const context = {
      mode: 'excel',
      port,
      files: pageFiles,
      language: wpsLocale(app),
      workbookName,
      failures: failureStore(app.PluginStorage),
    } as HostContext;
    render(h(App, context), root);
    // WPS reloads or closes the pane page without unmounting it, while the application (and the SheetChange
    // listeners registered on it) lives on: unmount when the page goes, so the pane's listener goes with it.
    const leave = () => render(null, root);
    window.addEventListener('pagehide', leave);
    window.addEventListener('unload', leave);
  } catch (e) {
    showBootError(root, e);
  }
}

void boot();
