import { Component, type ComponentChild, h } from 'preact';
import { type CheckDeps, CheckController, type CheckState, isFilePort } from '../../app/check-controller';
import type { FailureStore } from '../../app/command-failure';
import { defaultPaneSettings, type PaneSettings } from '../../app/pane-settings';
import type { PaneWorkbookPort } from '../../core/workbook-port';
import { t } from '../i18n';
import type { PageFiles } from '../../app/page-files';
import { CheckSection } from './check-section';
import { saveBytes } from './download';
import { LazySection } from './lazy-section';
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
  /** Where the ribbon commands leave the message of a failure for the pane (the session, not the workbook). */
  failures?: FailureStore;
  /** The file adapter for the report sections: files chosen there, reports downloaded as .xlsx. */
  files: PageFiles;
}

/**
 * Where the pane runs: inside a host (Excel, or WPS through its adapter) with the open workbook's port, or in a
 * plain browser on a chosen file. `workbookName` is the open workbook's file name where the host knows it.
 */
export type HostContext =
  | ({ mode: 'excel'; port: PaneWorkbookPort; workbookName?: string } & HostOptions)
  | ({
      mode: 'standalone';
      /** Reads the file chosen under 校验 into a port (away from the page, where it can). */
      openFile: NonNullable<CheckDeps['openFile']>;
      /** Where the page keeps its settings (the browser's storage, or nothing). */
      settingsStore: NonNullable<CheckDeps['settingsStore']>;
      /** The marked copy's file name: the chosen file's, with a suffix. */
      markedCopyName(fileName: string, suffix: string): string;
    } & HostOptions);

interface ShellState {
  /** The 校验 section's state, as its controller last reported it. */
  check: CheckState;
  /** The section shown, and the sections opened so far (kept alive, with their results, while hidden). */
  view: PaneView;
  opened: PaneView[];
}

/** The sections a host offers, in tab order (all when it names none it knows). */
function viewsOf(props: HostContext): readonly [PaneView, ...PaneView[]] {
  const asked = props.sections?.filter((v) => PANE_VIEWS.includes(v));
  const [first, ...rest] = asked ? PANE_VIEWS.filter((v) => asked.includes(v)) : [];
  return first ? [first, ...rest] : PANE_VIEWS;
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

/** The task pane's shell: the bar, the settings, the tabs and their sections (校验 drawn from its controller). */
export class App extends Component<HostContext, ShellState> {
  private readonly check: CheckController;
  private unsubscribe?: () => void;

  constructor(props: HostContext) {
    super(props);
    const log = (e: unknown) => console.error(e);
    this.check = new CheckController(
      defaultPaneSettings(props.language),
      props.mode === 'excel'
        ? { port: props.port, log, failures: props.failures }
        : {
            openFile: props.openFile,
            settingsStore: props.settingsStore,
            saveMarkedCopy: (bytes, name) =>
              saveBytes(
                bytes,
                props.markedCopyName(name, t(this.check.state.settings.locale, 'markedSuffix')),
              ),
            log,
          },
    );
    this.state = { check: this.check.state, view: viewsOf(props)[0], opened: [viewsOf(props)[0]] };
  }

  private chooseView = (view: PaneView) => {
    const opened = this.state.opened.includes(view) ? this.state.opened : [...this.state.opened, view];
    this.setState({ view, opened });
  };

  override componentDidMount(): void {
    document.documentElement.lang = this.state.check.settings.locale;
    this.unsubscribe = this.check.subscribe((check) => this.setState({ check }));
    if (this.props.mode === 'excel') void this.check.start();
  }

  override componentDidUpdate(): void {
    document.documentElement.lang = this.state.check.settings.locale;
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
    this.check.stop();
  }

  override render(): ComponentChild {
    const s = this.state;
    const locale = s.check.settings.locale;
    const standalone = this.props.mode === 'standalone';
    const port = s.check.port;
    const busy = s.check.busy !== undefined && s.check.busy !== 'recheck';

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
          'aria-expanded': s.check.panel === 'settings' ? 'true' : 'false',
          onClick: () => this.check.toggleSettings(),
        },
        settingsIcon(),
      ),
    );

    const settingsPanel =
      s.check.panel === 'settings'
        ? h(SettingsPanel, {
            settings: s.check.settings,
            onSave: (settings: PaneSettings) => void this.check.saveSettings(settings),
            onCancel: () => this.check.closePanel(),
          })
        : null;
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
      port,
      standalone,
      files: this.props.files,
      workbookName: isFilePort(port)
        ? port.fileName
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
          ? tabPanel(v, h(CheckSection, { controller: this.check, state: s.check, standalone }))
          : null;
      if (!s.opened.includes(v) && v !== view) return null;
      return tabPanel(v, h(LazySection, { ...sectionProps(v), view: v }));
    });

    return h(
      'div',
      {
        class: `app${busy ? ' busy' : ''}`,
        'data-mode': this.props.mode,
        'data-busy': s.check.busy ?? '',
        'data-view': view,
      },
      h('div', { class: 'app-top' }, bar, tabs),
      h('main', null, settingsPanel, ...sections),
    );
  }
}
