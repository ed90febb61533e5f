/// <reference types="office-js" />
import { clearAllMarks, validateActiveSheet } from '../app/check-flow';
import { toLocale } from '../core/locale';
import { errorText } from '../app/error-text';
import { defaultPaneSettings } from '../app/pane-settings';
import { commandFailures, createExcelPort } from './excel-port';
import type { PaneWorkbookPort } from '../core/workbook-port';

/** The function names the manifest's ExecuteFunction buttons call. */
export const COMMAND_NAMES = { validate: 'validateSheet', clear: 'clearMarks' } as const;

let port: PaneWorkbookPort | undefined;

function portOf(): PaneWorkbookPort {
  port ??= createExcelPort(Office);
  return port;
}

/**
 * Runs a ribbon command and always completes the event (Excel keeps the button busy otherwise). A failure is
 * logged and left in the browser's storage for the pane to show the next time it opens — not in the workbook: a
 * command that fails writes nothing there. Function commands have no UI of their own, and dialogs are not worth
 * their fragility on older Excel.
 */
async function runCommand(
  event: Office.AddinCommands.Event,
  work: (port: PaneWorkbookPort) => Promise<unknown>,
): Promise<void> {
  try {
    await work(portOf());
  } catch (e) {
    console.error(e);
    commandFailures().put(errorText(e, toLocale(Office.context.displayLanguage)));
  } finally {
    event.completed();
  }
}

/** 校验: validates and marks the active sheet without opening the pane. */
export function validateSheet(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, (p) =>
    validateActiveSheet(p, defaultPaneSettings(Office.context.displayLanguage)),
  );
}

/** 清除标记: restores every cell the add-in marked. */
export function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, (p) => clearAllMarks(p));
}

// Older Excel (2016, 2019) looks the function up as a global; newer versions use Office.actions.associate.
const g = globalThis as unknown as Record<string, unknown>;
g[COMMAND_NAMES.validate] = validateSheet;
g[COMMAND_NAMES.clear] = clearMarks;

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    if (Office.actions?.associate) {
      // Each completes its event itself (runCommand); the returned promise is there for whoever awaits it.
      /* eslint-disable @typescript-eslint/no-misused-promises -- Office.actions.associate ignores the return value */
      Office.actions.associate(COMMAND_NAMES.validate, validateSheet);
      Office.actions.associate(COMMAND_NAMES.clear, clearMarks);
      /* eslint-enable @typescript-eslint/no-misused-promises */
    }
  });
}
