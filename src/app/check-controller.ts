import type { FailureStore } from './command-failure';
import type { Grid } from '../core/grid';
import type { Issue } from '../core/issue';
import type { SheetReport } from '../core/report';
import type { SheetHint } from '../core/validate';
import type { PaneWorkbookPort, RowsChanged } from '../core/workbook-port';
import {
  clearAllMarks,
  loadPaneState,
  parseHints,
  recheck,
  saveResult,
  STATE_KEYS,
  type StoredResult,
  validateSheet,
  withSheet,
} from './check-flow';
import { clearSentence } from './clear-report';
import { errorText } from './error-text';
import { type IssueFilter, PAGE, placeKey, SHOW_ALL, targetCell } from './issue-groups';
import {
  CancelledError,
  type FilePort,
  type FileProgress,
  type FileWorkOptions,
  WorkerFailedError,
} from './file-session';
import { type PaneSettings, parsePaneSettings } from './pane-settings';

export type { FilePort } from './file-session';

/** True when the port is a chosen file (its host is `file`). */
export function isFilePort(port: PaneWorkbookPort | undefined): port is FilePort {
  return port?.capabilities().host === 'file';
}

/** What the 校验 section is doing: reading, validating, clearing, downloading, or re-checking edited rows. */
export type CheckBusy = 'read' | 'validate' | 'clear' | 'download' | 'recheck';

/** A line under the buttons: a message of the pane's locale table, or a text already in the pane's locale. */
export interface CheckNotice {
  kind: 'info' | 'success' | 'error';
  /** A key of the pane's messages (`unknownSheet`, `saved`), filled in with `params`. */
  message?: 'unknownSheet' | 'saved' | 'clearedResults' | 'cancelled' | 'workerFailed';
  params?: Record<string, string>;
  /** The text itself (for an error, what failed, shown after the pane's error prefix). */
  text?: string;
}

/** Everything the 校验 section shows. */
export interface CheckState {
  settings: PaneSettings;
  hints: Record<string, SheetHint>;
  stored?: StoredResult;
  port?: PaneWorkbookPort;
  fileName?: string;
  /** Reports shown: every sheet of a file, or the sheets validated in the open workbook. */
  reports: SheetReport[];
  grids: Record<string, Grid>;
  sheet?: string;
  at?: string;
  restored?: boolean;
  truncated?: number;
  busy?: CheckBusy;
  /** How far the chosen file's reading, checking or writing is (while it runs, and can be cancelled). */
  progress?: FileProgress;
  notice?: CheckNotice;
  filter: IssueFilter;
  limit: number;
  panel?: 'mapping' | 'settings';
  /** `placeKey` of the issue last clicked. */
  selected?: string;
  preview?: { cell: string; text: string };
  /** True when edits are re-checked as they happen (the host has events). */
  live: boolean;
}

/** What the controller needs from its page: all optional but `openFile` in the standalone page. */
export interface CheckDeps {
  /** The open workbook's port (Excel, WPS); absent in the standalone page until a file is chosen. */
  port?: PaneWorkbookPort;
  /** Reads a chosen file into a port (the standalone page), away from the page where it can. */
  openFile?(bytes: Uint8Array, fileName: string, options: FileWorkOptions): Promise<FilePort>;
  /** Where the standalone page keeps its settings (the open workbook keeps them inside itself). */
  settingsStore?: { load(): string | undefined; save(text: string): void };
  /** Hands the marked copy of a chosen file to the person (a download). */
  saveMarkedCopy?(bytes: Uint8Array, fileName: string): void;
  /** How long edits are collected before they are re-checked, in ms (typing fires many events). */
  recheckDelay?: number;
  /** Logs a failure for the developer console. */
  log?(error: unknown): void;
  /** Where the ribbon commands leave the message of a failure for the pane (the session, not the workbook). */
  failures?: FailureStore;
}

/**
 * The 校验 section's logic, host-free: validate the active sheet or a chosen file, clear marks, download the
 * marked copy, re-check edited rows live, correct the header, keep settings. Operations run one after another
 * (a live re-check never overlaps a validation), each with its busy flag, a failure shown as the notice.
 * The view renders `state` and calls the methods; `subscribe` tells it when to draw again.
 */
export class CheckController {
  private current: CheckState;
  private readonly listeners = new Set<(state: CheckState) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribeRows?: () => void;
  private unsubscribeSelect?: () => void;
  /** Set once stopped (the pane's page unloads): no listener may be added after that. */
  private stopped = false;
  private pendingRows = new Map<string, Set<number>>();
  private pendingTimer?: ReturnType<typeof setTimeout>;
  /** Stops the chosen file's work in progress (取消). */
  private abort?: AbortController;

  constructor(
    settings: PaneSettings,
    private readonly deps: CheckDeps = {},
  ) {
    const saved = deps.settingsStore?.load();
    this.current = {
      settings: saved ? parsePaneSettings(saved, settings) : settings,
      hints: {},
      port: deps.port,
      reports: [],
      grids: {},
      filter: SHOW_ALL,
      limit: PAGE,
      live: false,
    };
  }

  /** The state to draw. */
  get state(): CheckState {
    return this.current;
  }

  /** Calls back after every change of state; returns the way to stop. */
  subscribe(listener: (state: CheckState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<CheckState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }

  private get locale() {
    return this.current.settings.locale;
  }

  private fail(e: unknown): void {
    if (e instanceof CancelledError) {
      this.set({ notice: { kind: 'info', message: 'cancelled' } });
      return;
    }
    this.deps.log?.(e);
    if (e instanceof WorkerFailedError)
      this.set({ notice: { kind: 'error', message: 'workerFailed', params: { detail: e.detail } } });
    else this.set({ notice: { kind: 'error', text: errorText(e, this.locale) } });
  }

  /** The options of a chosen file's long step: its progress shown, 取消 able to stop it. */
  private fileWork(phase: FileProgress['phase']): FileWorkOptions {
    this.abort = new AbortController();
    this.set({ progress: { phase } });
    return { progress: (progress) => this.set({ progress }), signal: this.abort.signal };
  }

  /**
   * 取消: stops reading, checking or writing the chosen file at once (its worker is ended). The chosen file is
   * never changed; results shown before stay, and a file whose reading was cancelled is simply not open.
   */
  cancel(): void {
    this.abort?.abort();
  }

  /** Runs one operation after the previous one, with the busy flag set and failures shown. */
  private run(busy: CheckBusy, op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      this.set({ busy, notice: busy === 'recheck' ? this.current.notice : undefined });
      try {
        await op();
      } catch (e) {
        this.fail(e);
      } finally {
        this.abort = undefined;
        this.set({ busy: undefined, progress: undefined });
      }
    });
    this.queue = next;
    return next;
  }

  /** The open workbook: its saved settings, corrections and last result; live re-checks where it has events. */
  start(): Promise<void> {
    return this.run('read', async () => {
      const port = this.current.port;
      if (!port || isFilePort(port)) return;
      const state = await loadPaneState(port, this.current.settings);
      const last = state.result?.sheets[state.result.last];
      this.set({
        settings: state.settings,
        hints: state.hints,
        stored: state.result,
        reports: state.result ? Object.values(state.result.sheets).map((s) => s.report) : [],
        sheet: state.result?.last,
        at: last?.at,
        truncated: last?.truncated,
        restored: !!last,
      });
      // A failed ribbon command's message: from the session; a workbook saved by an older version may carry one.
      const failure = this.deps.failures?.take() ?? (await port.loadState(STATE_KEYS.commandError));
      if (failure) this.set({ notice: { kind: 'error', text: failure } });
      if (await port.loadState(STATE_KEYS.commandError)) await port.saveState(STATE_KEYS.commandError, '');
      if (port.onRowsChanged && port.capabilities().events) {
        const unsubscribe = await port.onRowsChanged((change) => this.rowsChanged(change));
        // The page may have gone while the subscription was made: then it goes at once.
        if (this.stopped) {
          unsubscribe();
          return;
        }
        this.unsubscribeRows = unsubscribe;
        this.set({ live: true });
      }
    });
  }

  /** Stops listening to the host. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.pendingTimer);
    this.unsubscribeRows?.();
    this.unsubscribeRows = undefined;
    this.unsubscribeSelect?.();
  }

  /** Collects edits for a moment, then re-checks them at once. */
  private rowsChanged(change: RowsChanged): void {
    let rows = this.pendingRows.get(change.sheet);
    if (!rows) this.pendingRows.set(change.sheet, (rows = new Set()));
    for (const r of change.rows) rows.add(r);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => void this.flushEdits(), this.deps.recheckDelay ?? 400);
  }

  /** Re-checks the edits collected so far (at once, without waiting for the delay). */
  flushEdits(): Promise<void> {
    clearTimeout(this.pendingTimer);
    const pending = this.pendingRows;
    this.pendingRows = new Map();
    return Promise.all(
      [...pending].map(([sheet, set]) => this.run('recheck', () => this.recheckRows(sheet, [...set]))),
    ).then(() => undefined);
  }

  /** Re-validates a marked sheet after an edit and re-marks only the rows whose marks change. */
  private async recheckRows(sheet: string, rows: number[]): Promise<void> {
    const port = this.current.port;
    const stored = this.current.stored?.sheets[sheet];
    const previous = this.current.reports.find((r) => r.name === sheet) ?? stored?.report;
    if (!port || !stored?.marked || !previous) return;
    const grid = await port.readSheet(sheet);
    const { settings, hints } = this.current;
    const result = recheck(grid, settings, hints[sheet], previous, rows);
    if (result.rows.length > 0) await port.remarkRows(sheet, result.rows, result.marks);
    const next = withSheet(this.current.stored, result.check.report, true);
    await saveResult(port, next);
    this.showReport(result.check.report, grid, next, false);
  }

  private showReport(
    report: SheetReport,
    grid: Grid | undefined,
    stored: StoredResult | undefined,
    fresh: boolean,
  ): void {
    const reports = [...this.current.reports.filter((r) => r.name !== report.name), report];
    const entry = stored?.sheets[report.name];
    this.set({
      reports,
      grids: grid ? { ...this.current.grids, [report.name]: grid } : this.current.grids,
      // A live re-check of another sheet updates its result without taking the pane away from the one shown.
      sheet: fresh ? report.name : (this.current.sheet ?? report.name),
      stored,
      at: entry?.at ?? new Date().toISOString(),
      truncated: undefined,
      restored: false,
      ...(fresh ? { limit: PAGE, selected: undefined } : {}),
    });
  }

  /**
   * 校验: the open workbook validates its active sheet (or the one named); a file validates every sheet. Settings
   * or hints just changed are passed in.
   */
  validate(sheetName?: string, changed: Partial<Pick<CheckState, 'settings' | 'hints'>> = {}): Promise<void> {
    return this.run('validate', async () => {
      const port = this.current.port;
      if (!port) return;
      const settings = changed.settings ?? this.current.settings;
      const hints = changed.hints ?? this.current.hints;
      if (isFilePort(port)) {
        await this.validateFile(port, settings, hints);
        return;
      }
      const sheet = sheetName ?? (await port.activeSheet());
      const check = await validateSheet(
        port,
        sheet,
        settings,
        hints[sheet],
        this.current.stored?.sheets[sheet],
      );
      const stored = withSheet(this.current.stored, check.report, true);
      await saveResult(port, stored);
      this.showReport(check.report, check.grid, stored, true);
      if (check.report.kind === 'unknown') this.set({ notice: { kind: 'info', message: 'unknownSheet' } });
    });
  }

  /** Validates every sheet of the chosen file and keeps the marks for the download. */
  private async validateFile(
    port: FilePort,
    settings = this.current.settings,
    hints = this.current.hints,
  ): Promise<void> {
    const reports = await port.check(settings, hints, this.fileWork('check'));
    const current =
      reports.find((r) => r.name === this.current.sheet) ??
      reports.find((r) => r.kind !== 'unknown') ??
      reports[0];
    this.set({
      reports,
      // The sheets stay with the file's worker; the header correction asks for a sheet's head when opened.
      grids: {},
      sheet: current?.name,
      at: new Date().toISOString(),
      limit: PAGE,
      selected: undefined,
      preview: undefined,
      restored: false,
    });
    if (current) port.setActiveSheet(current.name);
  }

  /** 清除标记: what was restored and what was left because the person changed it (standalone: 清空结果). */
  clear(): Promise<void> {
    return this.run('clear', async () => {
      const port = this.current.port;
      if (!port) return;
      if (isFilePort(port)) {
        // Standalone: there are no cells on screen to restore. The results and the download's marks go; the chosen
        // file was never changed, and the message says so.
        await port.clearMarks();
        this.set({
          reports: [],
          selected: undefined,
          preview: undefined,
          notice: { kind: 'success', message: 'clearedResults' },
        });
        return;
      }
      const { stored, report } = await clearAllMarks(port);
      this.set({ stored });
      const kind = report && report.skipped.length > 0 ? 'info' : 'success';
      this.set({ notice: { kind, text: clearSentence(report, this.locale) } });
    });
  }

  /** The chosen file with its marks, handed to the page to download. */
  download(): Promise<void> {
    return this.run('download', async () => {
      const port = this.current.port;
      if (!isFilePort(port)) return;
      this.deps.saveMarkedCopy?.(await port.markedCopy(this.fileWork('write')), port.fileName);
    });
  }

  /** Reads a chosen or dropped file; it is validated at once. */
  openFile(fileName: string, bytes: () => Promise<Uint8Array>): Promise<void> {
    return this.run('read', async () => {
      this.unsubscribeSelect?.();
      if (isFilePort(this.current.port)) this.current.port.close();
      this.set({
        fileName,
        port: undefined,
        reports: [],
        grids: {},
        sheet: undefined,
        panel: undefined,
        preview: undefined,
      });
      if (!this.deps.openFile) return;
      const opening = this.fileWork('read');
      const port = await this.deps.openFile(await bytes(), fileName, opening).catch((e: unknown) => {
        // A file whose reading was cancelled is not open: the page is as before a file was chosen.
        if (e instanceof CancelledError) this.set({ fileName: undefined });
        throw e;
      });
      const hints = parseHints(await port.loadState(STATE_KEYS.hints));
      this.unsubscribeSelect = port.onSelect((sheet, address) => void this.preview(port, sheet, address));
      this.set({ port, hints });
      await this.validateFile(port, this.current.settings, hints);
    });
  }

  /** Shows the selected cell's text, asked of the file's worker (a chosen file has no sheet on screen). */
  private async preview(port: FilePort, sheet: string, address: string): Promise<void> {
    try {
      const text = await port.cellText(sheet, address);
      if (this.current.port === port) this.set({ preview: { cell: address, text } });
    } catch (e) {
      this.deps.log?.(e);
    }
  }

  /** An issue clicked: highlighted, and its cell selected in the workbook. */
  select(issue: Issue): Promise<void> {
    const cell = targetCell(issue);
    this.set({ selected: placeKey(issue) });
    const port = this.current.port;
    if (!cell || !port) return Promise.resolve();
    return port.selectCell(issue.sheet, cell).catch((e: unknown) => this.fail(e));
  }

  /** Keeps a header correction for the shown sheet (or drops it) and validates again with it. */
  applyHint(hint: SheetHint | undefined): Promise<void> {
    const sheet = this.current.sheet;
    const port = this.current.port;
    if (!sheet || !port) return Promise.resolve();
    const hints = { ...this.current.hints };
    if (hint) hints[sheet] = hint;
    else delete hints[sheet];
    this.set({ hints });
    const saved = port
      .saveState(STATE_KEYS.hints, JSON.stringify(hints))
      .catch((e: unknown) => this.deps.log?.(e));
    return Promise.all([saved, this.validate(isFilePort(port) ? undefined : sheet, { hints })]).then(
      () => undefined,
    );
  }

  /** Opens or closes the header correction; loads the shown sheet's grid first when none is in memory. */
  toggleMapping(): Promise<void> {
    if (this.current.panel === 'mapping') {
      this.set({ panel: undefined });
      return Promise.resolve();
    }
    const sheet = this.current.sheet;
    const port = this.current.port;
    if (sheet && port && !this.current.grids[sheet])
      return this.run('read', async () => {
        // A chosen file's sheet stays in its worker: the form needs only the rows where the header is.
        const grid = isFilePort(port) ? await port.head(sheet) : await port.readSheet(sheet);
        this.set({ grids: { ...this.current.grids, [sheet]: grid }, panel: 'mapping' });
      });
    this.set({ panel: 'mapping' });
    return Promise.resolve();
  }

  /** Opens or closes the settings. */
  toggleSettings(): void {
    this.set({ panel: this.current.panel === 'settings' ? undefined : 'settings' });
  }

  /** Closes whichever panel is open. */
  closePanel(): void {
    this.set({ panel: undefined });
  }

  /** Keeps new settings: in the workbook, or in the page (where the chosen file is validated again with them). */
  saveSettings(settings: PaneSettings): Promise<void> {
    const text = JSON.stringify(settings);
    this.set({ settings, panel: undefined, notice: { kind: 'success', message: 'saved' } });
    const port = this.current.port;
    if (this.deps.settingsStore) {
      this.deps.settingsStore.save(text);
      return isFilePort(port)
        ? this.run('validate', () => this.validateFile(port, settings))
        : Promise.resolve();
    }
    if (!port) return Promise.resolve();
    return port.saveState(STATE_KEYS.settings, text).catch((e: unknown) => this.deps.log?.(e));
  }

  /** Shows another sheet's result (a chosen file's sheets are all validated). */
  chooseSheet(name: string): void {
    const port = this.current.port;
    if (isFilePort(port)) port.setActiveSheet(name);
    this.set({ sheet: name, limit: PAGE, selected: undefined, preview: undefined, panel: undefined });
  }

  /** Shows only the issues the filter lets through. */
  setFilter(filter: IssueFilter): void {
    this.set({ filter, limit: PAGE });
  }

  /** Draws the next page of issues. */
  showMore(): void {
    this.set({ limit: this.current.limit + PAGE });
  }
}
