/**
 * Where a ribbon command that failed leaves its message for the pane: a store of the session (WPS's PluginStorage,
 * the browser's localStorage), never the workbook — a command that fails writes nothing into the workbook, not even
 * its error, so the workbook is not made dirty and does not ask to be saved.
 */
export interface FailureStore {
  put(message: string): void;
  /** The message left by the last failed command, removed as it is read. */
  take(): string | undefined;
}

/** The key the message is kept under. */
export const FAILURE_KEY = 'drc.commandError';

/** What a FailureStore needs of a key-value store (WPS PluginStorage and the Web Storage API both have it). */
export interface KeyValueStore {
  getItem(key: string): unknown;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A FailureStore over a key-value store; without one (or when it refuses) the message is only shown, not kept. */
export function failureStore(store: KeyValueStore | undefined): FailureStore {
  return {
    put(message) {
      try {
        store?.setItem(FAILURE_KEY, message);
      } catch {
        // Storage refused (private mode, quota): the command's own message is all the user gets.
      }
    },
    take() {
      try {
        const value = store?.getItem(FAILURE_KEY);
        if (typeof value !== 'string' || value === '') return undefined;
        store?.removeItem(FAILURE_KEY);
        return value;
      } catch {
        return undefined;
      }
    },
  };
}
