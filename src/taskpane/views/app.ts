import { Component, type ComponentChild, h } from 'preact';
import type { Grid } from '../../core/grid';
import type { Issue } from '../../core/issue';
import { cellText } from '../../core/normalise';
import type { SheetReport } from '../../core/report';
import type { SheetHint } from '../../core/validate';
import type { ClearReport, PaneWorkbookPort, RowsChanged } from '../../core/workbook-port';
import { clearSentence } from '../../app/clear-report';
import { parseRange } from '../../core/grid';
import { SCHEMAS } from '../../schemas';
import { t } from '../i18n';
import {
  checkGrid,
  clearAllMarks,
  loadPaneState,
  parseHints,
  recheck,
  saveResult,
  STATE_KEYS,
  type StoredResult,
  validateSheet,
  withSheet,
} from '../../app/check-flow';
import { errorText } from '../../app/error-text';
import { countBySeverity, type IssueFilter, SHOW_ALL, targetCell } from '../../app/issue-groups';
import { defaultPaneSettings, type PaneSettings, parsePaneSettings } from '../../app/pane-settings';
import { FilePanePort, markedCopyName, pageSettingsStore } from '../standalone/file-port';
import { IssueList, PAGE, placeKey } from './issue-list';
import { MappingPanel } from './mapping-panel';
import { LazySection } from './lazy-section';
import { saveBytes } from './download';
import type { SectionProps } from './report-kit';
import { SettingsPanel } from './settings-panel';
import { PANE_VIEWS, type PaneView, Tabs } from './tabs';

export type { PaneView } from './tabs';

/** What a host may say about the pane besides its mode (all optional). */
interface HostOptions {
  language?: string;
  /**
   * The sections to offer, in tab order (default: all — 校验, 监测点汇总, 动态调整, 平台比对). 校验 is shown first
   * when listed; a host that draws a section of its own can leave the pane's out.
   */
  sections?: readonly PaneView[];
}

/**
 * Where the pane runs: inside a host (Excel, or WPS through its adapter) with the open workbook's port, or in a
 * plain browser on a chosen file. `workbookName` is the open workbook's file name where the host knows it.
 */
export type HostContext =
  | ({ mode: 'excel'; port: PaneWorkbookPort; workbookName?: string } & HostOptions)
  | ({ mode: 'standalone' } & HostOptions);

type Busy = 'read' | 'validate' | 'clear' | 'download' | 'recheck';

interface Notice {
  kind: 'info' | 'success' | 'error';
  text: string;
}

interface AppState {
  settings: PaneSettings;
  hints: Record<string, SheetHint>;
  stored?: StoredResult;
  port?: PaneWorkbookPort;
  fileName?: string;
  /** Reports shown: every sheet of a file, or the sheets validated in Excel. */
  reports: SheetReport[];
  grids: Record<string, Grid>;
  sheet?: string;
  at?: string;
  restored?: boolean;
  truncated?: number;
  busy?: Busy;
  notice?: Notice;
  filter: IssueFilter;
  limit: number;
  panel?: 'mapping' | 'settings';
  selected?: string;
  preview?: { cell: string; text: string };
  live: boolean;
  dragging?: boolean;
  /** The section shown, and the sections opened so far (kept alive, with their results, while hidden). */
  view: PaneView;
  opened: PaneView[];
}

/** The sections a host offers, in tab order (all when it names none it knows). */
function viewsOf(props: HostContext): readonly PaneView[] {
  const asked = props.sections?.filter((v) => PANE_VIEWS.includes(v));
  return asked && asked.length > 0 ? PANE_VIEWS.filter((v) => asked.includes(v)) : PANE_VIEWS;
}

function kindLabel(kind: string, locale: PaneSettings['locale']): string | undefined {
  return SCHEMAS.find((s) => s.kind === kind)?.label[locale];
}

/** A sliders glyph for the settings button (two rails, two knobs), drawn in the current text colour. */
function settingsIcon(): ComponentChild {
  const stroke = { stroke: 'currentColor', 'stroke-width': 1.5, 'stroke-linecap': 'round', fill: 'none' };
  return h(
    'svg',
    { width: 20, height: 20, viewBox: '0 0 20 20', 'aria-hidden': 'true', focusable: 'false' },
    h('path', { d: 'M3 6.5h14M3 13.5h14', ...stroke }),
    h('circle', { cx: 7, cy: 6.5, r: 2.25, ...stroke, fill: 'var(--bg1)' }),
    h('circle', { cx: 13, cy: 13.5, r: 2.25, ...stroke, fill: 'var(--bg1)' }),
  );
}

/** The task pane: one sheet's kind and mapping, validate / clear / download, issues, settings. */
export class App extends Component<HostContext, AppState> {
  /** Operations run one after another: a live re-check never overlaps a validation. */
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe?: () => void;
  private pendingRows = new Map<string, Set<number>>();
  private pendingTimer?: ReturnType<typeof setTimeout>;
  private unsubscribeSelect?: () => void;

  constructor(props: HostContext) {
    super(props);
    const defaults = defaultPaneSettings(props.language);
    const settings =
      props.mode === 'standalone' ? parsePaneSettings(pageSettingsStore().load(), defaults) : defaults;
    this.state = {
      settings,
      hints: {},
      port: props.mode === 'excel' ? props.port : undefined,
      reports: [],
      grids: {},
      filter: SHOW_ALL,
      limit: PAGE,
      live: false,
      view: viewsOf(props)[0],
      opened: [viewsOf(props)[0]],
    };
  }

  private chooseView = (view: PaneView) => {
    const opened = this.state.opened.includes(view) ? this.state.opened : [...this.state.opened, view];
    this.setState({ view, opened });
  };

  override componentDidMount(): void {
    document.documentElement.lang = this.state.settings.locale;
    if (this.props.mode === 'excel') void this.run('read', () => this.restore());
  }

  override componentDidUpdate(): void {
    document.documentElement.lang = this.state.settings.locale;
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    this.unsubscribeSelect?.();
  }

  private get locale() {
    return this.state.settings.locale;
  }

  /** Runs one operation after the previous one, with the busy flag set and failures shown. */
  private run(busy: Busy, op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      this.setState({ busy, notice: busy === 'recheck' ? this.state.notice : undefined });
      try {
        await op();
      } catch (e) {
        console.error(e);
        this.setState({
          notice: { kind: 'error', text: t(this.locale, 'errorPrefix') + errorText(e, this.locale) },
        });
      } finally {
        this.setState({ busy: undefined });
      }
    });
    this.queue = next;
    return next;
  }

  /** Excel: the saved settings, corrections and last result; live re-validation where the host has events. */
  private async restore(): Promise<void> {
    const port = this.state.port!;
    const state = await loadPaneState(port, this.state.settings);
    const last = state.result?.sheets[state.result.last];
    this.setState({
      settings: state.settings,
      hints: state.hints,
      stored: state.result,
      reports: state.result ? Object.values(state.result.sheets).map((s) => s.report) : [],
      sheet: state.result?.last,
      at: last?.at,
      truncated: last?.truncated,
      restored: !!last,
    });
    const failure = await port.loadState(STATE_KEYS.commandError);
    if (failure) {
      this.setState({ notice: { kind: 'error', text: t(this.locale, 'errorPrefix') + failure } });
      await port.saveState(STATE_KEYS.commandError, '');
    }
    if (port.onRowsChanged && port.capabilities().events) {
      this.unsubscribe = await port.onRowsChanged((change) => this.rowsChanged(change));
      this.setState({ live: true });
    }
  }

  /** Collects edits for a moment (typing fires many events), then re-checks them at once. */
  private rowsChanged(change: RowsChanged): void {
    let rows = this.pendingRows.get(change.sheet);
    if (!rows) this.pendingRows.set(change.sheet, (rows = new Set()));
    for (const r of change.rows) rows.add(r);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      const pending = this.pendingRows;
      this.pendingRows = new Map();
      for (const [sheet, set] of pending) void this.run('recheck', () => this.recheckRows(sheet, [...set]));
    }, 400);
  }

  /** Re-validates a marked sheet after an edit and re-marks only the rows whose marks change. */
  private async recheckRows(sheet: string, rows: number[]): Promise<void> {
    const port = this.state.port!;
    const stored = this.state.stored?.sheets[sheet];
    const previous = this.state.reports.find((r) => r.name === sheet) ?? stored?.report;
    if (!stored?.marked || !previous) return;
    const grid = await port.readSheet(sheet);
    const { settings, hints } = this.state;
    const result = recheck(grid, settings, hints[sheet], previous, rows);
    if (result.rows.length > 0) await port.remarkRows(sheet, result.rows, result.marks);
    const next = withSheet(this.state.stored, result.check.report, true);
    await saveResult(port, next);
    this.showReport(result.check.report, grid, next, false);
  }

  private showReport(
    report: SheetReport,
    grid: Grid | undefined,
    stored: StoredResult | undefined,
    fresh: boolean,
  ): void {
    const reports = [...this.state.reports.filter((r) => r.name !== report.name), report];
    const entry = stored?.sheets[report.name];
    this.setState({
      reports,
      grids: grid ? { ...this.state.grids, [report.name]: grid } : this.state.grids,
      // A live re-check of another sheet updates its result without taking the pane away from the one shown.
      sheet: fresh ? report.name : (this.state.sheet ?? report.name),
      stored,
      at: entry?.at ?? new Date().toISOString(),
      truncated: undefined,
      restored: false,
      ...(fresh ? { limit: PAGE, selected: undefined } : {}),
    });
  }

  /**
   * 校验: Excel validates the active sheet (or the one being corrected); a file validates every sheet. Settings or
   * hints just changed are passed in (the state they were set in is applied at the next render).
   */
  private validate = (sheetName?: string, changed: Partial<Pick<AppState, 'settings' | 'hints'>> = {}) =>
    this.run('validate', async () => {
      const port = this.state.port;
      if (!port) return;
      const settings = changed.settings ?? this.state.settings;
      const hints = changed.hints ?? this.state.hints;
      if (port instanceof FilePanePort) {
        this.validateFile(port, settings, hints);
        return;
      }
      const sheet = sheetName ?? (await port.activeSheet());
      const check = await validateSheet(
        port,
        sheet,
        settings,
        hints[sheet],
        this.state.stored?.sheets[sheet],
      );
      const stored = withSheet(this.state.stored, check.report, true);
      await saveResult(port, stored);
      this.showReport(check.report, check.grid, stored, true);
      if (check.report.kind === 'unknown')
        this.setState({ notice: { kind: 'info', text: t(this.locale, 'unknownSheet') } });
    });

  /** Validates every sheet of the chosen file in the browser and keeps the marks for the download. */
  private validateFile(port: FilePanePort, settings = this.state.settings, hints = this.state.hints): void {
    const checks = port.grids.map((g) => checkGrid(g, settings, hints[g.name]));
    void port.clearMarks();
    void port.applyMarks(checks.flatMap((c) => c.marks));
    const reports = checks.map((c) => c.report);
    const current =
      reports.find((r) => r.name === this.state.sheet) ??
      reports.find((r) => r.kind !== 'unknown') ??
      reports[0];
    this.setState({
      reports,
      grids: Object.fromEntries(port.grids.map((g) => [g.name, g])),
      sheet: current?.name,
      at: new Date().toISOString(),
      limit: PAGE,
      selected: undefined,
      preview: undefined,
      restored: false,
    });
    if (current) port.setActiveSheet(current.name);
  }

  private clear = () =>
    this.run('clear', async () => {
      const port = this.state.port;
      if (!port) return;
      let report: ClearReport | undefined;
      if (port instanceof FilePanePort) await port.clearMarks();
      else {
        const cleared = await clearAllMarks(port);
        report = cleared.report;
        this.setState({ stored: cleared.stored });
      }
      const kind = report && report.skipped.length > 0 ? 'info' : 'success';
      this.setState({ notice: { kind, text: clearSentence(report, this.locale) } });
    });

  private download = () =>
    this.run('download', async () => {
      const port = this.state.port;
      if (!(port instanceof FilePanePort)) return;
      const bytes = await port.markedCopy();
      saveBytes(bytes, markedCopyName(port.fileName, t(this.locale, 'markedSuffix')));
    });

  /** Reads a chosen or dropped file; it is validated at once. */
  private openFile = (file: File) =>
    this.run('read', async () => {
      this.unsubscribeSelect?.();
      this.setState({
        fileName: file.name,
        port: undefined,
        reports: [],
        grids: {},
        sheet: undefined,
        panel: undefined,
        preview: undefined,
      });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const port = await FilePanePort.open(bytes, file.name);
      const hints = parseHints(await port.loadState(STATE_KEYS.hints));
      this.unsubscribeSelect = port.onSelect((sheet, address) => this.preview(sheet, address));
      this.setState({ port, hints });
      this.validateFile(port, this.state.settings, hints);
    });

  /** Shows the selected cell's text (standalone: there is no sheet on screen). */
  private preview(sheet: string, address: string): void {
    const grid = this.state.grids[sheet];
    if (!grid) return;
    const { top, left } = parseRange(address);
    const first = grid.startRow ?? 1;
    const firstCol = grid.startColumn ?? 1;
    const value = grid.values[top - first]?.[left - firstCol] ?? null;
    const format = grid.numberFormats?.[top - first]?.[left - firstCol] ?? undefined;
    this.setState({ preview: { cell: address, text: cellText(value, format) } });
  }

  private select = (issue: Issue) => {
    const cell = targetCell(issue);
    this.setState({ selected: placeKey(issue) });
    if (!cell || !this.state.port) return;
    const port = this.state.port;
    void port.selectCell(issue.sheet, cell).catch((e: unknown) => {
      console.error(e);
      this.setState({
        notice: { kind: 'error', text: t(this.locale, 'errorPrefix') + errorText(e, this.locale) },
      });
    });
  };

  /** Keeps a header correction for the shown sheet and validates again with it. */
  private applyHint = (hint: SheetHint | undefined) => {
    const sheet = this.state.sheet;
    const port = this.state.port;
    if (!sheet || !port) return;
    const hints = { ...this.state.hints };
    if (hint) hints[sheet] = hint;
    else delete hints[sheet];
    this.setState({ hints });
    void port.saveState(STATE_KEYS.hints, JSON.stringify(hints)).catch((e: unknown) => console.error(e));
    void this.validate(port instanceof FilePanePort ? undefined : sheet, { hints });
  };

  /** Loads the shown sheet's grid for the mapping form (after a restored result, none is in memory). */
  private openMapping = () => {
    if (this.state.panel === 'mapping') {
      this.setState({ panel: undefined });
      return;
    }
    const sheet = this.state.sheet;
    const port = this.state.port;
    if (sheet && port && !this.state.grids[sheet]) {
      void this.run('read', async () => {
        const grid = await port.readSheet(sheet);
        this.setState({ grids: { ...this.state.grids, [sheet]: grid }, panel: 'mapping' });
      });
      return;
    }
    this.setState({ panel: 'mapping' });
  };

  private saveSettings = (settings: PaneSettings) => {
    const text = JSON.stringify(settings);
    this.setState({
      settings,
      panel: undefined,
      notice: { kind: 'success', text: t(settings.locale, 'saved') },
    });
    const port = this.state.port;
    if (this.props.mode === 'standalone') {
      pageSettingsStore().save(text);
      if (port instanceof FilePanePort) this.validateFile(port, settings);
    } else if (port) {
      void port.saveState(STATE_KEYS.settings, text).catch((e: unknown) => console.error(e));
    }
  };

  private chooseSheet = (name: string) => {
    const port = this.state.port;
    if (port instanceof FilePanePort) port.setActiveSheet(name);
    this.setState({ sheet: name, limit: PAGE, selected: undefined, preview: undefined, panel: undefined });
  };

  override render(): ComponentChild {
    const { locale } = this;
    const s = this.state;
    const standalone = this.props.mode === 'standalone';
    const report = s.reports.find((r) => r.name === s.sheet);
    const busy = s.busy !== undefined && s.busy !== 'recheck';
    const counts = countBySeverity(report?.issues ?? []);

    const bar = h(
      'header',
      { class: 'app-bar' },
      h('h1', null, t(locale, 'appTitle')),
      h(
        'span',
        { class: `mode mode-${this.props.mode}`, 'data-testid': 'mode' },
        t(
          locale,
          this.props.mode === 'standalone'
            ? 'modeStandalone'
            : this.props.port.capabilities().host === 'wps'
              ? 'modeWps'
              : 'modeExcel',
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'icon-button',
          title: t(locale, 'settings'),
          'aria-label': t(locale, 'settings'),
          'data-testid': 'toggle-settings',
          'aria-expanded': s.panel === 'settings' ? 'true' : 'false',
          onClick: () => this.setState({ panel: s.panel === 'settings' ? undefined : 'settings' }),
        },
        settingsIcon(),
      ),
    );

    const fileZone = standalone
      ? h(
          'div',
          {
            class: `file-zone${s.dragging ? ' dragging' : ''}`,
            onDragOver: (e: DragEvent) => {
              e.preventDefault();
              if (!s.dragging) this.setState({ dragging: true });
            },
            onDragLeave: () => this.setState({ dragging: false }),
            onDrop: (e: DragEvent) => {
              e.preventDefault();
              this.setState({ dragging: false });
              const file = e.dataTransfer?.files[0];
              if (file) void this.openFile(file);
            },
          },
          h('p', { class: 'hint' }, t(locale, 'standaloneHint')),
          h(
            'label',
            { class: 'btn primary file-button' },
            t(locale, 'chooseFile'),
            h('input', {
              type: 'file',
              accept: '.xlsx,.xlsm,.csv,.tsv,.txt,.xls',
              'data-testid': 'file-input',
              onChange: (e: Event) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                if (file) void this.openFile(file);
                input.value = '';
              },
            }),
          ),
          h('span', { class: 'file-name', title: s.fileName }, s.fileName ?? t(locale, 'noFile')),
        )
      : null;

    const sheetPicker =
      standalone && s.reports.length > 1
        ? h(
            'label',
            { class: 'field sheet-picker' },
            h('span', null, t(locale, 'sheet')),
            h(
              'select',
              {
                value: s.sheet,
                'data-testid': 'sheet-select',
                onChange: (e: Event) => this.chooseSheet((e.currentTarget as HTMLSelectElement).value),
              },
              s.reports.map((r) => {
                const kind =
                  r.kind === 'unknown' ? t(locale, 'kindUnknown') : (kindLabel(r.kind, locale) ?? r.kind);
                return h(
                  'option',
                  { value: r.name },
                  t(locale, 'sheetOption', { name: r.name, kind, count: r.issues.length }),
                );
              }),
            ),
          )
        : null;

    const info = report
      ? h(
          'div',
          { class: 'sheet-info', 'data-testid': 'sheet-info', 'data-kind': report.kind },
          h('div', { class: 'sheet-name', title: report.name }, report.name),
          h(
            'div',
            { class: 'sheet-facts' },
            h(
              'span',
              { class: `kind${report.kind === 'unknown' ? ' unknown' : ''}` },
              report.kind === 'unknown'
                ? t(locale, 'kindUnknown')
                : (kindLabel(report.kind, locale) ?? report.kind),
            ),
            report.headerRow !== null
              ? h('span', null, t(locale, 'headerRow', { first: report.headerRow }))
              : null,
            report.kind !== 'unknown'
              ? h('span', null, t(locale, 'dataRows', { count: report.dataRows }))
              : null,
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'aria-expanded': s.panel === 'mapping' ? 'true' : 'false',
              'data-testid': 'toggle-mapping',
              onClick: this.openMapping,
            },
            t(locale, 'correct'),
          ),
        )
      : null;

    const toolbar = h(
      'div',
      { class: 'toolbar' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn primary',
          'data-testid': 'validate',
          disabled: busy || !s.port,
          onClick: () => void this.validate(),
        },
        t(locale, s.busy === 'validate' ? 'validating' : 'validate'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          'data-testid': 'clear',
          disabled: busy || !s.port,
          onClick: () => void this.clear(),
        },
        t(locale, s.busy === 'clear' ? 'clearing' : 'clearMarks'),
      ),
      standalone
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn',
              'data-testid': 'download',
              disabled: busy || !(s.port instanceof FilePanePort) || s.reports.length === 0,
              onClick: () => void this.download(),
            },
            t(locale, s.busy === 'download' ? 'downloading' : 'download'),
          )
        : null,
    );

    const notice = s.notice
      ? h(
          'div',
          {
            class: `notice notice-${s.notice.kind}`,
            role: s.notice.kind === 'error' ? 'alert' : 'status',
            'data-testid': 'notice',
          },
          s.notice.text,
        )
      : s.busy === 'read'
        ? h('div', { class: 'notice notice-info', role: 'status' }, t(locale, 'reading'))
        : null;

    const grid = s.sheet ? s.grids[s.sheet] : undefined;
    const settingsPanel =
      s.panel === 'settings'
        ? h(SettingsPanel, {
            settings: s.settings,
            onSave: this.saveSettings,
            onCancel: () => this.setState({ panel: undefined }),
          })
        : null;
    const panel =
      s.panel === 'mapping' && grid && s.sheet
        ? h(MappingPanel, {
            key: s.sheet,
            grid,
            hint: s.hints[s.sheet],
            locale,
            busy,
            onApply: this.applyHint,
          })
        : null;

    const preview = s.preview
      ? h(
          'div',
          { class: 'preview', 'data-testid': 'preview' },
          h('span', { class: 'preview-cell' }, t(locale, 'selected', { cell: s.preview.cell })),
          h(
            'span',
            { class: 'preview-text' },
            s.preview.text === '' ? t(locale, 'emptyCell') : s.preview.text,
          ),
        )
      : null;

    let body: ComponentChild;
    if (!report) {
      body = h(
        'p',
        { class: 'empty' },
        standalone ? t(locale, 'notCheckedStandalone') : t(locale, 'notChecked'),
      );
    } else {
      const time = s.at ? new Date(s.at).toLocaleString(locale) : '';
      body = h(
        'div',
        { class: 'result' },
        h(
          'div',
          { class: 'summary', 'data-testid': 'summary' },
          h('strong', null, t(locale, 'summary', counts)),
          time
            ? h('span', { class: 'time' }, t(locale, s.restored ? 'restored' : 'lastChecked', { time }))
            : null,
          s.truncated
            ? h('span', { class: 'time' }, t(locale, 'truncated', { count: report.issues.length }))
            : null,
          s.live ? h('span', { class: 'live' }, t(locale, 'liveOn')) : null,
        ),
        report.issues.length === 0
          ? h('p', { class: 'empty ok', 'data-testid': 'no-issues' }, t(locale, 'noIssues'))
          : h(IssueList, {
              issues: report.issues,
              locale,
              filter: s.filter,
              limit: s.limit,
              selected: s.selected,
              onFilter: (filter) => this.setState({ filter, limit: PAGE }),
              onSelect: this.select,
              onMore: () => this.setState({ limit: s.limit + PAGE }),
            }),
      );
    }

    const views = viewsOf(this.props);
    const view = views.includes(s.view) ? s.view : views[0];
    const tabs =
      views.length > 1 ? h(Tabs, { locale, views, current: view, onChoose: this.chooseView }) : null;
    const tabPanel = (v: PaneView, ...children: ComponentChild[]) =>
      h(
        'div',
        {
          key: v,
          id: `view-${v}`,
          class: 'view',
          role: tabs ? 'tabpanel' : undefined,
          'aria-labelledby': tabs ? `tab-${v}` : undefined,
          hidden: v !== view,
        },
        ...children,
      );
    const sectionProps = (v: PaneView): SectionProps => ({
      locale,
      port: s.port,
      standalone,
      workbookName:
        s.port instanceof FilePanePort
          ? s.port.fileName
          : this.props.mode === 'excel'
            ? this.props.workbookName
            : undefined,
      active: v === view,
    });
    // The check view is drawn only while shown (its state is the app's); a report section stays mounted, hidden,
    // once opened, so its choices and results are still there when its tab is chosen again.
    const sections = views.map((v) => {
      if (v === 'check')
        return v === view
          ? tabPanel(v, fileZone, sheetPicker, info, toolbar, notice, panel, preview, body)
          : null;
      if (!s.opened.includes(v) && v !== view) return null;
      return tabPanel(v, h(LazySection, { ...sectionProps(v), view: v }));
    });

    return h(
      'div',
      {
        class: `app${busy ? ' busy' : ''}`,
        'data-mode': this.props.mode,
        'data-busy': s.busy ?? '',
        'data-view': view,
      },
      h('div', { class: 'app-top' }, bar, tabs),
      h('main', null, settingsPanel, ...sections),
    );
  }
}
