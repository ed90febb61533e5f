import { Component, type ComponentChild, Fragment, h } from 'preact';
import type { SheetHint } from '../../core/validate';
import {
  type CheckController,
  type CheckNotice,
  type CheckState,
  isFilePort,
} from '../../app/check-controller';
import type { FileProgress } from '../../app/file-session';
import { countBySeverity } from '../../app/issue-groups';
import type { PaneSettings } from '../../app/pane-settings';
import { SCHEMAS } from '../../schemas';
import { t } from '../i18n';
import { IssueList } from './issue-list';
import { MappingPanel } from './mapping-panel';
import { cellPreview } from './report-kit';

/** Props of the 校验 section: its controller and the state to draw. */
export interface CheckSectionProps {
  controller: CheckController;
  state: CheckState;
  /** True in the standalone page (a file is chosen or dropped here). */
  standalone: boolean;
}

function kindLabel(kind: string, locale: PaneSettings['locale']): string | undefined {
  return SCHEMAS.find((s) => s.kind === kind)?.label[locale];
}

/** A notice's sentence in the pane's locale (an error after the error prefix). */
export function noticeText(notice: CheckNotice, locale: PaneSettings['locale']): string {
  const text = notice.message ? t(locale, notice.message, notice.params) : (notice.text ?? '');
  return notice.kind === 'error' ? t(locale, 'errorPrefix') + text : text;
}

/** What the chosen file's worker is doing, as a sentence. */
function progressText(progress: FileProgress, locale: PaneSettings['locale']): string {
  if (progress.phase === 'check')
    return progress.total
      ? t(locale, 'progressCheck', {
          done: Math.min((progress.done ?? 0) + 1, progress.total),
          total: progress.total,
        })
      : t(locale, 'validating');
  return t(locale, progress.phase === 'write' ? 'progressWrite' : 'progressRead');
}

/** 校验: the chosen file (standalone), the sheet's kind and header, validate / clear / download, the issues. */
export class CheckSection extends Component<CheckSectionProps, { dragging?: boolean }> {
  private openFile(file: File): Promise<void> {
    return this.props.controller.openFile(file.name, async () => new Uint8Array(await file.arrayBuffer()));
  }

  override render(): ComponentChild {
    const { controller: c, state: s, standalone } = this.props;
    const locale = s.settings.locale;
    const report = s.reports.find((r) => r.name === s.sheet);
    const busy = s.busy !== undefined && s.busy !== 'recheck';
    const counts = countBySeverity(report?.issues ?? []);

    const fileZone = standalone
      ? h(
          'div',
          {
            class: `file-zone${this.state.dragging ? ' dragging' : ''}`,
            onDragOver: (e: DragEvent) => {
              e.preventDefault();
              if (!this.state.dragging) this.setState({ dragging: true });
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
                onChange: (e: Event) => c.chooseSheet((e.currentTarget as HTMLSelectElement).value),
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
              onClick: () => void c.toggleMapping(),
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
          onClick: () => void c.validate(),
        },
        t(locale, s.busy === 'validate' ? 'validating' : 'validate'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          'data-testid': 'clear',
          disabled: busy || !s.port || (standalone && s.reports.length === 0),
          onClick: () => void c.clear(),
        },
        t(locale, s.busy === 'clear' ? 'clearing' : standalone ? 'clearResults' : 'clearMarks'),
      ),
      standalone
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn',
              'data-testid': 'download',
              disabled: busy || !isFilePort(s.port) || s.reports.length === 0,
              onClick: () => void c.download(),
            },
            t(locale, s.busy === 'download' ? 'downloading' : 'download'),
          )
        : null,
    );

    // The chosen file's long steps (reading, checking, writing the copy) run in a worker: how far, and 取消.
    const progress =
      standalone && s.progress
        ? h(
            'div',
            { class: 'progress-row', 'data-testid': 'progress' },
            h('progress', {
              // Indeterminate while reading or writing (no count to show); sheets done while checking.
              max: s.progress.total || undefined,
              value: s.progress.total ? (s.progress.done ?? 0) : undefined,
              'aria-label': t(locale, 'progressLabel'),
            }),
            h(
              'span',
              { class: 'progress-text', role: 'status', 'aria-live': 'polite' },
              progressText(s.progress, locale),
            ),
            h(
              'button',
              { type: 'button', class: 'btn subtle', 'data-testid': 'cancel', onClick: () => c.cancel() },
              t(locale, 'cancel'),
            ),
          )
        : null;

    const notice = s.notice
      ? h(
          'div',
          {
            class: `notice notice-${s.notice.kind}`,
            role: s.notice.kind === 'error' ? 'alert' : 'status',
            'data-testid': 'notice',
          },
          noticeText(s.notice, locale),
        )
      : s.busy === 'read' && !progress
        ? h('div', { class: 'notice notice-info', role: 'status' }, t(locale, 'reading'))
        : null;

    const grid = s.sheet ? s.grids[s.sheet] : undefined;
    const panel =
      s.panel === 'mapping' && grid && s.sheet
        ? h(MappingPanel, {
            key: s.sheet,
            grid,
            hint: s.hints[s.sheet],
            locale,
            busy,
            onApply: (hint: SheetHint | undefined) => void c.applyHint(hint),
          })
        : null;

    const preview = standalone ? cellPreview(locale, s.preview, 'preview') : null;

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
              onFilter: (filter) => c.setFilter(filter),
              onSelect: (issue) => void c.select(issue),
              onMore: () => c.showMore(),
            }),
      );
    }

    return h(Fragment, null, fileZone, sheetPicker, info, toolbar, progress, notice, panel, body, preview);
  }
}
