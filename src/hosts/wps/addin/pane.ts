import { h, render } from 'preact';
import { App } from '../../../taskpane/views/app';
import type { EtApplication } from '../et-model';
import { WpsWorkbook } from '../wps-workbook';
import { ReportPanel } from './report-panel';

/**
 * The WPS task pane page (taskpane.html): the same pane as in Excel — it only talks to the workbook port — given
 * the WPS adapter, with the 报表 section below it. Opened in a plain browser (no `window.Application`), the shared
 * pane's standalone file mode runs instead.
 */
function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const app = (window as unknown as { Application?: EtApplication }).Application;
  try {
    if (!app) {
      render(h(App, { mode: 'standalone', language: navigator.language }), root);
      return;
    }
    const port = new WpsWorkbook(app);
    // The shared pane names only two modes; "excel" is its hosted mode (an open workbook behind a port).
    render(h(App, { mode: 'excel', port, language: 'zh-CN' }), root);
    const reports = document.createElement('div');
    reports.id = 'wps-reports';
    reports.style.padding = '0 12px 12px';
    // insertBefore rather than after()/replaceChildren(): older WPS web views lack the newer DOM methods.
    root.parentNode?.insertBefore(reports, root.nextSibling);
    render(h(ReportPanel, { port }), reports);
  } catch (e) {
    console.error(e);
    const p = document.createElement('p');
    p.className = 'notice notice-error boot-error';
    p.setAttribute('role', 'alert');
    p.textContent = e instanceof Error ? e.message : String(e);
    root.textContent = '';
    root.appendChild(p);
  }
}

boot();
