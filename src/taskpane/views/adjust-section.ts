import { Component, type ComponentChild, h } from 'preact';
import type { AdjustEntry, AdjustIssue } from '../../features/adjust';
import { renderIssue } from '../../features/check-workbook';
import { rt } from '../../app/report-i18n';
import type { AdjustOutcome, PairDecision } from '../../app/adjust-flow';
import type { PaneList } from '../../app/list-read';
import { PaneError } from '../../app/pane-error';
import {
  addressOf,
  cellTextAt,
  type ChosenFile,
  downloadName,
  guessPreviousSheet,
  type ListSource,
  workbookSheetNames,
} from '../../app/report-sources';
import {
  cellPreview,
  type IssueRow,
  issueRows,
  listBlock,
  listPicker,
  noticeBox,
  changeField,
  runWork,
  sectionHead,
  type SectionNotice,
  type SectionProps,
  showFailure,
  writeOrDownload,
} from './report-kit';

const reports = () => import(/* webpackChunkName: "reports" */ '../../app/reports');

type Role = 'previous' | 'current';

interface AdjustState {
  sheets: string[];
  previous?: ListSource;
  current?: ListSource;
  files: Partial<Record<Role, ChosenFile>>;
  decisions: PairDecision[];
  outcome?: AdjustOutcome;
  busy?: 'sheets' | 'read' | 'run' | 'write';
  notice?: SectionNotice;
  selected?: string;
  preview?: { cell: string; text: string };
}

/** The list an issue points into (none for the decisions, which have no sheet). */
function listOf(o: AdjustOutcome, issue: AdjustIssue): PaneList | undefined {
  return issue.source === 'previous' ? o.previous : issue.source === 'current' ? o.current : undefined;
}

/**
 * 动态调整情况表: last year's list (a sheet of the open workbook or a file) against this year's (the active sheet, or
 * another sheet or a file); shows what was added, deleted and modified with the reasons, lets a person confirm or
 * split uncertain pairs (the pane's --confirm-map), lists the issues, and writes the report and the adjusted list.
 */
export class AdjustSection extends Component<SectionProps, AdjustState> {
  override state: AdjustState = { sheets: [], files: {}, decisions: [] };

  override componentDidMount(): void {
    if (this.props.active) void this.refreshSheets(true);
  }

  override componentDidUpdate(previous: SectionProps): void {
    const portChanged = previous.port !== this.props.port;
    if (portChanged || (this.props.active && !previous.active)) void this.refreshSheets(portChanged);
  }

  private get locale() {
    return this.props.locale;
  }

  /** Reads the sheet names; the first time (or for a new workbook) picks this year's and guesses last year's. */
  private async refreshSheets(pick: boolean): Promise<void> {
    const port = this.props.port;
    if (!port) {
      const keep = (s?: ListSource) => (s?.kind === 'file' ? s : undefined);
      this.setState({ sheets: [], previous: keep(this.state.previous), current: keep(this.state.current) });
      return;
    }
    try {
      const [sheets, active] = await Promise.all([workbookSheetNames(port), port.activeSheet()]);
      const still = (s?: ListSource) => (s?.kind === 'sheet' && !sheets.includes(s.sheet) ? undefined : s);
      let { previous, current } = {
        previous: still(this.state.previous),
        current: still(this.state.current),
      };
      if (pick || !current) {
        if (!current && sheets.includes(active)) current = { kind: 'sheet', sheet: active };
        const currentSheet = current?.kind === 'sheet' ? current.sheet : undefined;
        const guess = guessPreviousSheet(sheets, currentSheet);
        if (!previous && guess) previous = { kind: 'sheet', sheet: guess };
      }
      this.setState({ sheets, previous, current });
    } catch (e) {
      showFailure(this, e);
    }
  }

  private pick(role: Role, source: ListSource | undefined): void {
    // Other lists, other items: earlier decisions no longer apply.
    this.setState({ [role]: source, decisions: [], outcome: undefined, preview: undefined } as Pick<
      AdjustState,
      Role | 'decisions' | 'outcome' | 'preview'
    >);
  }

  private chooseFile(role: Role, file: File): void {
    void runWork(this, 'read', async () => {
      const chosen = await this.props.files.readChosenFile(file);
      this.setState({ files: { ...this.state.files, [role]: chosen } });
      this.pick(role, { kind: 'file', file: chosen });
    });
  }

  /** Reads both lists and compares them with the decisions taken so far. */
  private run = () =>
    void runWork(this, 'run', async () => {
      const { previous, current } = this.state;
      const r = await reports();
      if (!previous || !current) throw new PaneError('errPickBoth');
      if (r.sameSource(previous, current)) throw new PaneError('errSameList');
      const [p, c] = [
        await r.readListSource(this.props.port, previous),
        await r.readListSource(this.props.port, current),
      ];
      this.setState({
        outcome: r.runAdjust(p, c, this.state.decisions),
        selected: undefined,
        preview: undefined,
      });
    });

  /** Records a decision on an uncertain pair (or takes one back) and compares again, without reading again. */
  private decide(decisions: PairDecision[]): void {
    void runWork(this, 'run', async () => {
      const outcome = this.state.outcome;
      if (!outcome) return;
      const r = await reports();
      this.setState({ decisions, outcome: r.runAdjust(outcome.previous, outcome.current, decisions) });
    });
  }

  private write = () =>
    void runWork(this, 'write', async () => {
      const outcome = this.state.outcome;
      if (!outcome) return;
      await writeOrDownload(this, outcome.sheets, downloadName(outcome.title));
    });

  /** An issue's cell: selected when the list is a sheet of the open workbook, else its text shown here. */
  private showIssue(key: string, issue: AdjustIssue, outcome: AdjustOutcome): void {
    const list = listOf(outcome, issue);
    const cell = addressOf(issue);
    if (!list || !cell || issue.row === undefined || issue.column === undefined) return;
    this.setState({ selected: key, preview: undefined });
    const { port, standalone } = this.props;
    if (list.inWorkbook && port && !standalone) {
      port.selectCell(list.list.sheet, cell).catch((e: unknown) => showFailure(this, e));
      return;
    }
    this.setState({
      preview: {
        cell: `${list.name} · ${list.list.sheet}!${cell}`,
        text: cellTextAt(list.grid, issue.row, issue.column),
      },
    });
  }

  private renderEntry(e: AdjustEntry, withChanges: boolean): ComponentChild {
    const { locale } = this.props;
    const arrow = ' → ';
    const empty = '—';
    const similar =
      e.match === 'similar' && e.score !== undefined
        ? rt(locale, 'similarPair', { score: e.score })
        : e.match === 'confirmed'
          ? rt(locale, 'confirmedPair')
          : '';
    return h(
      'div',
      { class: 'entry', 'data-item': e.itemName },
      h('strong', null, e.itemName),
      withChanges
        ? h(
            'ul',
            { class: 'changes' },
            e.changes.map((c, i) =>
              h(
                'li',
                { key: i, 'data-field': c.field },
                h('span', { class: 'change-field' }, changeField(c.field, locale)),
                ' ',
                h('span', { class: 'old' }, c.from || empty),
                arrow,
                h('span', { class: 'new' }, c.to || empty),
              ),
            ),
          )
        : null,
      similar ? h('span', { class: 'dim' }, similar) : null,
      e.reason
        ? h('span', { class: 'dim' }, rt(locale, 'reason', { reason: e.reason }))
        : h('span', { class: 'problem' }, rt(locale, 'noReason')),
    );
  }

  private renderOutcome(o: AdjustOutcome): ComponentChild {
    const { locale, standalone, port } = this.props;
    const s = this.state;
    const r = o.result;
    const busy = s.busy !== undefined;
    const tile = (key: string, label: string, n: number) =>
      h(
        'div',
        { class: `tile tile-${key}`, 'data-count': key },
        h('strong', null, String(n)),
        h('span', null, label),
      );
    const counts = h(
      'div',
      { class: 'tiles', 'data-testid': 'adjust-counts' },
      tile('added', rt(locale, 'countAdded'), r.added.length),
      tile('deleted', rt(locale, 'countDeleted'), r.deleted.length),
      tile('modified', rt(locale, 'countModified'), r.modified.length),
      tile('unchanged', rt(locale, 'countUnchanged'), r.unchanged),
    );

    const uncertain = r.uncertain.length
      ? h(
          'section',
          { class: 'group block block-warn', 'data-testid': 'adjust-uncertain' },
          h(
            'h3',
            { class: 'group-head' },
            h('span', null, rt(locale, 'uncertainTitle', { count: r.uncertain.length })),
          ),
          h('p', { class: 'block-hint' }, rt(locale, 'uncertainHint')),
          h(
            'ul',
            { class: 'lines' },
            r.uncertain.map((u) => {
              const decision = (same: boolean): PairDecision => ({
                previous: u.previous.itemName,
                current: u.current.itemName,
                same,
              });
              return h(
                'li',
                { key: `${u.previous.row}:${u.current.row}`, class: 'pair' },
                h('span', null, rt(locale, 'pairPrevious', { name: u.previous.itemName })),
                h('span', null, rt(locale, 'pairCurrent', { name: u.current.itemName })),
                h('span', { class: 'dim' }, rt(locale, 'pairScore', { score: u.score })),
                h(
                  'span',
                  { class: 'actions' },
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'btn',
                      'data-testid': 'confirm-same',
                      disabled: busy,
                      onClick: () => this.decide([...s.decisions, decision(true)]),
                    },
                    rt(locale, 'confirmSame'),
                  ),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'btn',
                      'data-testid': 'confirm-split',
                      disabled: busy,
                      onClick: () => this.decide([...s.decisions, decision(false)]),
                    },
                    rt(locale, 'confirmSplit'),
                  ),
                ),
              );
            }),
          ),
        )
      : null;

    const decided = s.decisions.length
      ? listBlock(
          locale,
          rt(locale, 'decisionsTitle', { count: s.decisions.length }),
          s.decisions.map((d, i) =>
            h(
              'span',
              { class: 'decision' },
              h('span', { class: 'tag' }, rt(locale, d.same ? 'decidedSame' : 'decidedSplit')),
              ` ${d.previous} ⇄ ${d.current} `,
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  disabled: busy,
                  'data-testid': 'undo-decision',
                  onClick: () => this.decide(s.decisions.filter((_, j) => j !== i)),
                },
                rt(locale, 'undo'),
              ),
            ),
          ),
          'adjust-decisions',
        )
      : null;

    const rows: IssueRow[] = r.issues.map((issue, i) => {
      const cell = addressOf(issue);
      const key = `${i}|${issue.code}`;
      const list = listOf(o, issue);
      const role = issue.source === 'previous' ? rt(locale, 'previousList') : rt(locale, 'currentList');
      return {
        key,
        severity: issue.severity,
        where: list ? `${role} ${cell ?? ''}`.trim() : '—',
        text: renderIssue(issue, locale),
        cell,
        sheet: list?.list.sheet,
        onClick: list && cell ? () => this.showIssue(key, issue, o) : undefined,
      };
    });

    return h(
      'div',
      { class: 'result' },
      h(
        'div',
        { class: 'report-title', 'data-testid': 'adjust-title' },
        h('strong', null, o.title),
        h(
          'span',
          { class: 'hint' },
          rt(locale, 'listRead', {
            role: rt(locale, 'previousList'),
            name: o.previous.name,
            count: r.previousCount,
          }),
        ),
        h(
          'span',
          { class: 'hint' },
          rt(locale, 'listRead', {
            role: rt(locale, 'currentList'),
            name: o.current.name,
            count: r.currentCount,
          }),
        ),
      ),
      counts,
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary',
            'data-testid': 'adjust-write',
            disabled: busy || (!standalone && !port),
            onClick: this.write,
          },
          s.busy === 'write'
            ? rt(locale, standalone ? 'preparing' : 'writing')
            : rt(locale, standalone ? 'downloadReport' : 'writeReport'),
        ),
      ),
      noticeBox(s.notice, 'adjust-notice'),
      o.noChange ? h('p', { class: 'empty ok', 'data-testid': 'adjust-no-change' }, o.noChange) : null,
      uncertain,
      decided,
      r.added.length
        ? listBlock(
            locale,
            rt(locale, 'addedTitle', { count: r.added.length }),
            r.added.map((e) => this.renderEntry(e, false)),
            'adjust-added',
          )
        : null,
      r.deleted.length
        ? listBlock(
            locale,
            rt(locale, 'deletedTitle', { count: r.deleted.length }),
            r.deleted.map((e) => this.renderEntry(e, false)),
            'adjust-deleted',
          )
        : null,
      r.modified.length
        ? listBlock(
            locale,
            rt(locale, 'modifiedTitle', { count: r.modified.length }),
            r.modified.map((e) => this.renderEntry(e, true)),
            'adjust-modified',
          )
        : null,
      issueRows(locale, rows, s.selected, 'adjust-issues'),
      cellPreview(locale, s.preview),
    );
  }

  override render(): ComponentChild {
    const { locale } = this.props;
    const s = this.state;
    const busy = s.busy !== undefined;
    const picker = (role: Role, label: string) =>
      listPicker({
        locale,
        label,
        testid: `adjust-${role}`,
        sheets: s.sheets,
        value: s[role],
        file: s.files[role],
        disabled: busy,
        onChange: (source) => this.pick(role, source),
        onFile: (file) => this.chooseFile(role, file),
      });
    return h(
      'section',
      { class: 'report-section', 'data-testid': 'section-adjust', 'data-busy': s.busy ?? '' },
      sectionHead(rt(locale, 'adjustTitle'), rt(locale, 'adjustHint')),
      h(
        'div',
        { class: 'panel' },
        picker('previous', rt(locale, 'previousList')),
        picker('current', rt(locale, 'currentList')),
      ),
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          {
            type: 'button',
            class: `btn${s.outcome ? '' : ' primary'}`,
            'data-testid': 'adjust-run',
            disabled: busy || !s.previous || !s.current,
            onClick: this.run,
          },
          s.busy === 'run' || s.busy === 'read' ? rt(locale, 'running') : rt(locale, 'runAdjust'),
        ),
      ),
      s.outcome ? this.renderOutcome(s.outcome) : noticeBox(s.notice, 'adjust-notice'),
    );
  }
}
