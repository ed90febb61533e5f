import { Component, type ComponentChild, h } from 'preact';
import type { Grid } from '../../core/grid';
import { renderIssue } from '../../features/check-workbook';
import type { QuotaRead, TallyIssue, UnitStatus } from '../../features/tally';
import { regionWhole, YUDU_2020 } from '../../features/tally/quota-table';
import { rt } from '../../app/report-i18n';
import {
  addressOf,
  cellTextAt,
  type ChosenFile,
  downloadName,
  isRead,
  type UnreadFile,
} from '../../app/report-sources';
import { readChosenFiles } from '../../app/page-files';
import type { TallyOutcome } from '../../app/tally-flow';
import {
  baseName,
  cellPreview,
  fileButton,
  type IssueRow,
  issueRows,
  listBlock,
  noticeBox,
  runWork,
  showFailure,
  sectionHead,
  type SectionNotice,
  type SectionProps,
  writeOrDownload,
} from './report-kit';

/** The report code, fetched the first time a section runs. */
const reports = () => import(/* webpackChunkName: "reports" */ '../../app/reports');

type From = 'workbook' | 'files';

interface TallyState {
  from: From;
  files?: Array<ChosenFile | UnreadFile>;
  quota?: QuotaRead;
  outcome?: TallyOutcome;
  busy?: 'read' | 'run' | 'write';
  notice?: SectionNotice;
  selected?: string;
  preview?: { cell: string; text: string };
}

/** The status of a unit as the summary sheet writes it, in the pane's language. */
export function statusLabel(locale: SectionProps['locale'], status: UnitStatus, difference: number): string {
  if (status === 'none') return rt(locale, 'statusNone');
  if (status === 'short') return rt(locale, 'statusShort', { n: -difference });
  return status === 'over' ? rt(locale, 'statusOver', { n: difference }) : rt(locale, 'statusMet');
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * 监测点汇总: tallies the declarations of the open workbook or of chosen files against the quota table (the
 * default, the workbook's own, or a chosen file), shows the units' counts and what needs acting on, and writes
 * the summary sheet (with 申报明细 when the declarations came from files) — downloaded in the standalone page.
 */
export class TallySection extends Component<SectionProps, TallyState> {
  /** The grids of the last workbook tally: an issue's cell text is shown from them. */
  private workbookGrids: Grid[] = [];

  constructor(props: SectionProps) {
    super(props);
    this.state = { from: props.port ? 'workbook' : 'files' };
  }

  override componentDidUpdate(previous: SectionProps): void {
    if (previous.port === this.props.port || this.state.from !== 'workbook') return;
    // The standalone page: another file chosen under 校验 is another workbook (none left: files only).
    this.setState({
      from: this.props.port ? 'workbook' : 'files',
      outcome: undefined,
      notice: undefined,
      preview: undefined,
    });
  }

  private get locale() {
    return this.props.locale;
  }

  /** Tallies the chosen source with the chosen quota table. */
  private async tally(from: From, files = this.state.files, quota = this.state.quota): Promise<void> {
    const r = await reports();
    let outcome: TallyOutcome;
    if (from === 'workbook') {
      const port = this.props.port;
      if (!port) return;
      this.workbookGrids = await port.readSheets();
      const name = this.props.workbookName ?? rt(this.locale, 'openWorkbookName');
      outcome = r.tallyOpenWorkbook(this.workbookGrids, name, quota);
    } else {
      if (!files || files.length === 0) return;
      outcome = r.tallyChosenFiles(files, quota);
    }
    this.setState({
      outcome,
      selected: undefined,
      preview: undefined,
      notice:
        outcome.result.declarations.length === 0
          ? { kind: 'info', text: rt(this.locale, 'noDeclarations') }
          : undefined,
    });
  }

  private run = () => void runWork(this, 'run', () => this.tally(this.state.from));

  private chooseFiles = (list: File[]) =>
    void runWork(this, 'read', async () => {
      const files = await readChosenFiles(this.props.files, list, this.locale);
      this.setState({ files, from: 'files' });
      await this.tally('files', files);
    });

  private chooseQuota = (list: [File, ...File[]]) =>
    void runWork(this, 'read', async () => {
      const r = await reports();
      const quota = r.readQuotaFile(await this.props.files.readChosenFile(list[0]));
      this.setState({ quota });
      if (this.state.outcome) await this.tally(this.state.from, this.state.files, quota);
    });

  private resetQuota = () =>
    void runWork(this, 'run', async () => {
      this.setState({ quota: undefined });
      if (this.state.outcome) await this.tally(this.state.from, this.state.files, undefined);
    });

  private setFrom(from: From): void {
    if (from === this.state.from) return;
    this.setState({ from, outcome: undefined, notice: undefined, preview: undefined });
    if (from === 'workbook') this.run();
    else if (this.state.files?.length) void runWork(this, 'run', () => this.tally('files'));
  }

  /** Writes the summary (and 申报明细) into the open workbook; in the standalone page, downloads them. */
  private write = () =>
    void runWork(this, 'write', async () => {
      const outcome = this.state.outcome;
      if (!outcome) return;
      await writeOrDownload(this, outcome.sheets, downloadName(outcome.sheets[0].name));
    });

  /** An issue's cell: selected in the open workbook, else its text shown here. */
  private showIssue(key: string, issue: TallyIssue): void {
    const cell = addressOf(issue);
    if (!cell || issue.row === undefined || issue.column === undefined) return;
    const { port, standalone } = this.props;
    const outcome = this.state.outcome;
    this.setState({ selected: key, preview: undefined });
    if (outcome?.from === 'workbook' && port && !standalone) {
      port.selectCell(issue.sheet, cell).catch((e: unknown) => showFailure(this, e));
      return;
    }
    const grids =
      outcome?.from === 'workbook'
        ? this.workbookGrids
        : (this.state.files?.find((f) => f.name === issue.file && isRead(f)) as ChosenFile | undefined)
            ?.grids;
    const grid = grids?.find((g) => g.name === issue.sheet);
    if (grid)
      this.setState({
        preview: {
          cell: `${issue.sheet}!${cell}`,
          text: cellTextAt(grid, issue.row, issue.column),
        },
      });
  }

  private renderSource(): ComponentChild {
    const { locale, port } = this.props;
    const s = this.state;
    const disabled = s.busy !== undefined;
    const seg = (from: From, label: string, enabled: boolean) =>
      h(
        'button',
        {
          type: 'button',
          class: `seg${s.from === from ? ' on' : ''}`,
          'aria-pressed': s.from === from ? 'true' : 'false',
          disabled: disabled || !enabled,
          'data-testid': `tally-from-${from}`,
          onClick: () => this.setFrom(from),
        },
        label,
      );
    const files = s.files ?? [];
    const quota = s.quota?.table;
    return h(
      'div',
      { class: 'panel tally-source' },
      h(
        'div',
        { class: 'field' },
        h('span', null, rt(locale, 'tallyFrom')),
        h(
          'div',
          { class: 'segmented', role: 'group', 'aria-label': rt(locale, 'tallyFrom') },
          seg('workbook', rt(locale, 'tallyFromWorkbook'), !!port),
          seg('files', rt(locale, 'tallyFromFiles'), true),
        ),
      ),
      s.from === 'files'
        ? h(
            'div',
            { class: 'files-row' },
            fileButton({
              text: rt(locale, 'chooseFiles'),
              testid: 'tally-files',
              // Units return the Annex 2 form as a Word table too.
              accept: '.xlsx,.xlsm,.csv,.tsv,.txt,.docx',
              multiple: true,
              primary: files.length === 0,
              disabled,
              onFiles: this.chooseFiles,
            }),
            h(
              'span',
              { class: 'file-name', 'data-testid': 'tally-file-count' },
              files.length ? rt(locale, 'filesChosen', { count: files.length }) : rt(locale, 'noFilesChosen'),
            ),
            h('p', { class: 'hint' }, rt(locale, 'tallyFilesHint')),
          )
        : null,
      h(
        'div',
        { class: 'field' },
        h('span', null, rt(locale, 'quota')),
        h(
          'div',
          { class: 'quota-line', 'data-testid': 'tally-quota' },
          h('span', { class: 'quota-text' }, this.quotaText()),
          h(
            'span',
            { class: 'quota-actions' },
            fileButton({
              text: rt(locale, 'chooseQuota'),
              testid: 'tally-quota-file',
              disabled,
              onFiles: this.chooseQuota,
            }),
            quota
              ? h(
                  'button',
                  { type: 'button', class: 'link', disabled, onClick: this.resetQuota },
                  rt(locale, 'resetQuota'),
                )
              : null,
          ),
        ),
      ),
    );
  }

  /** Which quota table the tally uses (after a run, the one it found). */
  private quotaText(): string {
    const { locale } = this.props;
    const table = this.state.outcome?.result.quota ?? this.state.quota?.table ?? YUDU_2020;
    const args = { units: table.units.length, total: table.total };
    if (table.source === 'default') return rt(locale, 'quotaDefault', { title: table.title, ...args });
    if (table.source === 'workbook')
      return rt(locale, 'quotaWorkbook', { sheet: table.sheet ?? '', ...args });
    return rt(locale, 'quotaFile', { file: baseName(table.file ?? ''), ...args });
  }

  private renderResult(outcome: TallyOutcome): ComponentChild {
    const { locale, standalone, port } = this.props;
    const s = this.state;
    const r = outcome.result;
    const diff = r.declaredTotal - r.quotaTotal;
    const sub = (text: string, cls = 'sub') => h('span', { class: cls }, text);
    const status = (st: UnitStatus, d: number) =>
      h('span', { class: `status status-${st}`, 'data-status': st }, statusLabel(locale, st, d));
    // The county's status: shortage and excess each summed over their own units, never netted.
    const totalLabel = () =>
      r.shortfall.enterprises > 0 && r.excess.enterprises > 0
        ? h(
            'span',
            { class: 'status status-short', 'data-status': 'short' },
            rt(locale, 'totalShortOver', { short: r.shortfall.enterprises, over: r.excess.enterprises }),
          )
        : status(
            outcome.totalStatus,
            outcome.totalStatus === 'short'
              ? -r.shortfall.enterprises
              : outcome.totalStatus === 'over'
                ? r.excess.enterprises
                : diff,
          );
    const read =
      outcome.from === 'files'
        ? rt(locale, 'tallyReadFiles', { files: r.files.length, declarations: r.declarations.length })
        : rt(locale, 'tallyReadWorkbook', { declarations: r.declarations.length });

    const total = h(
      'div',
      { class: 'total-card', 'data-testid': 'tally-total', 'data-status': outcome.totalStatus },
      h(
        'div',
        { class: 'total-figures' },
        h('strong', null, String(r.declaredTotal)),
        h('span', null, ` / ${r.quotaTotal}`),
      ),
      h(
        'div',
        { class: 'total-words' },
        h(
          'span',
          null,
          rt(locale, 'tallyTotal', {
            whole: regionWhole(r.quota.region),
            quota: r.quotaTotal,
            declared: r.declaredTotal,
          }),
        ),
        totalLabel(),
        r.shortfall.enterprises > 0
          ? sub(rt(locale, 'tallyShortfall', { n: r.shortfall.enterprises, units: r.shortfall.units }))
          : null,
        r.excess.enterprises > 0
          ? sub(rt(locale, 'tallyExcess', { n: r.excess.enterprises, units: r.excess.units }))
          : null,
      ),
      h('span', { class: 'hint' }, read),
      outcome.live ? h('span', { class: 'hint' }, rt(locale, 'liveCounts')) : null,
    );

    const table = h(
      'div',
      { class: 'table-card' },
      h(
        'table',
        { class: 'tally-table', 'data-testid': 'tally-units' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { class: 'unit' }, rt(locale, 'colUnit')),
            h('th', { class: 'num' }, rt(locale, 'colQuota')),
            h('th', { class: 'num' }, rt(locale, 'colDeclared')),
            h('th', { class: 'num' }, rt(locale, 'colDifference')),
            h('th', null, rt(locale, 'colStatus')),
          ),
        ),
        h(
          'tbody',
          null,
          r.units.map((u) =>
            h(
              'tr',
              { key: u.unit, 'data-unit': u.unit, 'data-status': u.status },
              h('td', { class: 'unit' }, u.unit),
              h('td', { class: 'num' }, String(u.quota)),
              h('td', { class: 'num' }, String(u.declared)),
              h('td', { class: `num${u.difference < 0 ? ' neg' : ''}` }, signed(u.difference)),
              h('td', null, status(u.status, u.difference)),
            ),
          ),
        ),
        h(
          'tfoot',
          null,
          h(
            'tr',
            { 'data-unit': '' },
            h('td', { class: 'unit' }, rt(locale, 'total')),
            h('td', { class: 'num' }, String(r.quotaTotal)),
            h('td', { class: 'num' }, String(r.declaredTotal)),
            h('td', { class: `num${diff < 0 ? ' neg' : ''}` }, signed(diff)),
            h('td', null, totalLabel()),
          ),
        ),
      ),
    );

    const sep = locale === 'zh-CN' ? '、' : ', ';
    const duplicates = listBlock(
      locale,
      rt(locale, 'duplicatesTitle', { count: r.duplicates.length }),
      r.duplicates.map((d) =>
        h(
          'span',
          null,
          h('strong', null, d.enterprise),
          d.uscc ? sub(d.uscc) : null,
          sub(d.units.join(sep), 'sub strong-sub'),
          d.countedFor ? sub(rt(locale, 'countedFor', { unit: d.countedFor })) : null,
        ),
      ),
      'tally-duplicates',
      r.duplicates.length ? 'warn' : undefined,
    );
    const unknown = listBlock(
      locale,
      rt(locale, 'unknownTitle', { count: r.unknownUnits.length }),
      r.unknownUnits.map((u) =>
        h(
          'span',
          null,
          h('strong', null, u.name || rt(locale, 'noUnitName')),
          sub(rt(locale, 'unknownFrom', { file: baseName(u.file), count: u.declarations })),
          u.registered
            ? sub(rt(locale, 'registeredUnit', { unit: u.registered }), 'sub suggest')
            : u.suggestion
              ? sub(rt(locale, 'suggestion', { suggestion: u.suggestion }), 'sub suggest')
              : u.name
                ? sub(rt(locale, 'noCloseUnit'), 'sub suggest')
                : null,
        ),
      ),
      'tally-unknown',
      r.unknownUnits.length ? 'warn' : undefined,
    );
    const possible = r.possibleDuplicates.length
      ? listBlock(
          locale,
          rt(locale, 'possibleTitle', { count: r.possibleDuplicates.length }),
          r.possibleDuplicates.map((p) =>
            h('span', null, h('strong', null, p.enterprises.join(' / ')), sub(p.units.join(sep))),
          ),
          'tally-possible',
          'warn',
        )
      : null;
    const excluded = listBlock(
      locale,
      rt(locale, 'excludedTitle', { count: r.excluded.length }),
      r.excluded.map((e) =>
        h(
          'span',
          null,
          h('strong', null, e.enterprise),
          ` — ${e.unit}`,
          sub(rt(locale, e.reason === 'large-enterprise' ? 'reasonLarge' : 'reasonDuplicate')),
        ),
      ),
      'tally-excluded',
    );
    const noDeclaration = r.noDeclaration.filter((n) => n.kind !== 'unreadable');
    const silentFiles = noDeclaration.length
      ? listBlock(
          locale,
          rt(locale, 'noDeclarationTitle', { count: noDeclaration.length }),
          noDeclaration.map((n) =>
            h(
              'span',
              null,
              h('strong', null, baseName(n.file)),
              n.unit ? sub(rt(locale, 'seemsUnit', { unit: n.unit })) : null,
              sub(rt(locale, `kind_${n.kind}`)),
            ),
          ),
          'tally-no-declaration',
          'warn',
        )
      : null;
    const failed = r.files.filter((f) => f.error);
    const fileErrors = failed.length
      ? listBlock(
          locale,
          rt(locale, 'fileErrorsTitle', { count: failed.length }),
          failed.map((f) => h('span', { class: 'problem' }, f.error?.message ?? f.file)),
          'tally-file-errors',
          'warn',
        )
      : null;

    const rows: IssueRow[] = r.issues.map((issue, i) => {
      const cell = addressOf(issue);
      const key = `${i}|${issue.code}`;
      // The place first (it is what the row is about), then the file, cut short when long.
      const place = `${issue.sheet}${cell ? `!${cell}` : ''}`;
      const where = outcome.from === 'files' ? `${place} · ${baseName(issue.file)}` : place;
      return {
        key,
        severity: issue.severity,
        where,
        text: renderIssue(issue, locale),
        cell,
        sheet: issue.sheet,
        onClick: cell ? () => this.showIssue(key, issue) : undefined,
      };
    });

    const busy = s.busy !== undefined;
    return h(
      'div',
      { class: 'result' },
      total,
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary',
            'data-testid': 'tally-write',
            disabled: busy || (!standalone && !port),
            onClick: this.write,
          },
          s.busy === 'write'
            ? rt(locale, standalone ? 'preparing' : 'writing')
            : rt(locale, standalone ? 'downloadSummary' : 'writeSummary'),
        ),
      ),
      noticeBox(s.notice, 'tally-notice'),
      table,
      fileErrors,
      silentFiles,
      duplicates,
      possible,
      unknown,
      excluded,
      issueRows(locale, rows, s.selected, 'tally-issues'),
      cellPreview(locale, s.preview),
    );
  }

  override render(): ComponentChild {
    const { locale } = this.props;
    const s = this.state;
    const busy = s.busy !== undefined;
    return h(
      'section',
      { class: 'report-section', 'data-testid': 'section-tally', 'data-busy': s.busy ?? '' },
      sectionHead(rt(locale, 'tallyTitle'), rt(locale, 'tallyHint')),
      this.renderSource(),
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          {
            type: 'button',
            class: `btn${s.outcome ? '' : ' primary'}`,
            'data-testid': 'tally-run',
            disabled: busy || (s.from === 'workbook' ? !this.props.port : !s.files?.length),
            onClick: this.run,
          },
          s.busy === 'run' || s.busy === 'read' ? rt(locale, 'running') : rt(locale, 'runTally'),
        ),
      ),
      s.outcome ? this.renderResult(s.outcome) : noticeBox(s.notice, 'tally-notice'),
    );
  }
}
