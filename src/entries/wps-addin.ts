import { failureStore } from '../app/command-failure';
import { errorText } from '../app/error-text';
import { DOCK_RIGHT, type EtApplication, type EtTaskPane } from '../hosts/wps/et-model';
import { wpsLocale } from '../hosts/wps/wps-locale';
import { WpsWorkbook } from '../hosts/wps/wps-workbook';
import {
  adjustCommand,
  clearCommand,
  commandText,
  tallyCommand,
  validateCommand,
} from '../app/ribbon-commands';
import type { Locale } from '../core/locale';

/**
 * The add-in's entry script (main.js, loaded by index.html): the callbacks `ribbon.xml` names. WPS calls them by
 * name on `window` and expects a plain synchronous answer — an async callback (a Promise) breaks the ribbon — so
 * each starts its work without awaiting it and reports the outcome through an alert (shown by WPS on its main
 * window) and the pane.
 */

/** Ribbon control ids (ribbon.xml) → what they do. */
export const CONTROLS = {
  validate: 'drcValidate',
  clear: 'drcClear',
  tally: 'drcTally',
  adjust: 'drcAdjust',
  pane: 'drcPane',
} as const;

/** `PluginStorage` key of the task pane's id: one pane, shown again by a second click. */
export const PANE_ID_KEY = 'drc.taskpaneId';

/** Button icons (images/ next to index.html). */
const ICONS: Record<string, string> = {
  [CONTROLS.validate]: 'images/validate.svg',
  [CONTROLS.clear]: 'images/clear.svg',
  [CONTROLS.tally]: 'images/tally.svg',
  [CONTROLS.adjust]: 'images/adjust.svg',
  [CONTROLS.pane]: 'images/pane.svg',
};

/** What WPS passes to a ribbon callback (`RibbonControl`: `Id`, `Tag`). */
interface RibbonControl {
  Id: string;
  Tag?: string;
}

/** What `onLoad` receives (`RibbonUI`). */
interface RibbonUi {
  Invalidate(): void;
}

type Host = Window & { Application?: EtApplication; alert(message: string): void };

const host = (): Host => window as unknown as Host;
let ribbon: RibbonUi | undefined;
let port: WpsWorkbook | undefined;
let busy = false;
let locale: Locale | undefined;

/** The language of WPS's menus (asked once: WPS changes it only on a restart); zh-CN when WPS does not say. */
function lang(): Locale {
  locale ??= wpsLocale(host().Application);
  return locale;
}

function app(): EtApplication {
  const a = host().Application;
  if (!a) throw new Error(commandText(lang(), 'noApplication'));
  return a;
}

function portOf(): WpsWorkbook {
  port ??= new WpsWorkbook(app());
  return port;
}

/** The folder the add-in is served from (index.html's), online (http) or offline (file://…/jsaddons/…). */
export function addinBase(href: string): string {
  return href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

function paneUrl(): string {
  return `${addinBase(host().location.href)}taskpane.html`;
}

/** The task pane made earlier in this session, if it still exists. */
function existingPane(a: EtApplication): EtTaskPane | undefined {
  const id = a.PluginStorage?.getItem(PANE_ID_KEY);
  if (id === null || id === undefined || id === '' || !a.GetTaskPane) return undefined;
  try {
    return a.GetTaskPane(Number(id)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Shows the task pane, docked right; a second click shows the same pane (its id kept in `PluginStorage`). */
export function showPane(): void {
  const a = app();
  const known = existingPane(a);
  if (known) {
    known.Visible = true;
    return;
  }
  if (!a.CreateTaskPane) throw new Error(commandText(lang(), 'noTaskPane'));
  const pane = a.CreateTaskPane(paneUrl(), commandText(lang(), 'paneTitle'));
  pane.DockPosition = DOCK_RIGHT;
  pane.Visible = true;
  a.PluginStorage?.setItem(PANE_ID_KEY, pane.ID);
}

/** Reloads an open pane so it shows what a ribbon command just did (it restores the last result on load). */
function refreshPane(): void {
  try {
    const pane = existingPane(app());
    if (pane && pane.Visible) pane.Navigate(paneUrl());
  } catch (e) {
    // The pane shows the result the next time it opens anyway.
    console.error(e);
  }
}

function messageOf(e: unknown): string {
  return errorText(e, lang());
}

function setBusy(on: boolean): void {
  busy = on;
  try {
    ribbon?.Invalidate();
  } catch {
    // An old WPS without Invalidate: the buttons just stay enabled.
  }
}

/**
 * Starts a command without awaiting it (the callback returns at once); when it ends, says how it went. A failure is
 * also kept in the workbook for the pane to show the next time it opens, as the Excel ribbon commands do.
 */
export function start(work: (p: WpsWorkbook) => Promise<string>): void {
  if (busy) {
    host().alert(commandText(lang(), 'busy'));
    return;
  }
  setBusy(true);
  void Promise.resolve()
    .then(() => work(portOf()))
    .then(
      (message) => {
        refreshPane();
        host().alert(message);
      },
      (e: unknown) => {
        console.error(e);
        const text = messageOf(e);
        // Kept for the pane in the session's storage: a failed command writes nothing into the workbook.
        failureStore(host().Application?.PluginStorage).put(text);
        host().alert(commandText(lang(), 'failed', { message: text }));
      },
    )
    .catch((e: unknown) => console.error(e))
    .then(() => setBusy(false));
}

/** `onLoad`: keeps the ribbon object (to grey the buttons while a command runs). */
export function OnAddinLoad(ribbonUi: RibbonUi): boolean {
  ribbon = ribbonUi;
  return true;
}

/** `onAction` of every button. Synchronous: returns before the work is done. */
export function OnAction(control: RibbonControl): boolean {
  switch (control.Id) {
    case CONTROLS.validate:
      start((p) => validateCommand(p, lang()));
      break;
    case CONTROLS.clear:
      start((p) => clearCommand(p, lang()));
      break;
    case CONTROLS.tally:
      start((p) => tallyCommand(p, lang()));
      break;
    case CONTROLS.adjust:
      start((p) =>
        adjustCommand(p, undefined, undefined, lang()).catch((e: unknown) => {
          // No sheet of last year found: the pane lets the user choose a sheet or a file.
          showPane();
          throw e;
        }),
      );
      break;
    case CONTROLS.pane:
      try {
        showPane();
      } catch (e) {
        host().alert(commandText(lang(), 'failed', { message: messageOf(e) }));
      }
      break;
    default:
      break;
  }
  return true;
}

/** `getImage`: the button's icon. */
export function GetImage(control: RibbonControl): string {
  return ICONS[control.Id] ?? 'images/pane.svg';
}

/** `getEnabled`: buttons are greyed while a command runs (the pane button stays usable). */
export function OnGetEnabled(control: RibbonControl): boolean {
  return control.Id === CONTROLS.pane || !busy;
}

// WPS looks the callbacks up by name on the page's global object.
Object.assign(window, { OnAddinLoad, OnAction, GetImage, OnGetEnabled });
