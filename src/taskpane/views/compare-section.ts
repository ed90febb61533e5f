import { Component, type ComponentChild, h } from 'preact';
import { rt } from '../../app/report-i18n';
import type { CompareOutcome } from '../../app/compare-flow';
import { PaneError } from '../../app/pane-error';
import { type ChosenFile, downloadName, type ListSource, workbookSheetNames } from '../../app/report-sources';
import {
  changeField,
  listBlock,
  listPicker,
  noticeBox,
  runWork,
  sectionHead,
  type SectionNotice,
  type SectionProps,
  showFailure,
  writeOrDownload,
} from './report-kit';

const reports = () => import(/* webpackChunkName: "reports" */ '../../app/reports');

type Side = 'a' | 'b';

interface CompareState {
  sheets: string[];
  a?: ListSource;
  b?: ListSource;
  files: Partial<Record<Side, ChosenFile>>;
  outcome?: CompareOutcome;
  busy?: 'read' | 'run' | 'write';
  notice?: SectionNotice;
}

/**
 * 两平台比对: two exports of one unit's list (互联网+监管 and the 双随机 platform; sheets of the open workbook or
 * files) compared: counts, names in one list only, field differences, the 机构代码; writes the 差异 sheet.
 */
export class CompareSection extends Component<SectionProps, CompareState> {
  override state: CompareState = { sheets: [], files: {} };

  override componentDidMount(): void {
    if (this.props.active) void this.refreshSheets();
  }

  override componentDidUpdate(previous: SectionProps): void {
    if (previous.port !== this.props.port || (this.props.active && !previous.active))
      void this.refreshSheets();
  }

  private get locale() {
    return this.props.locale;
  }

  private async refreshSheets(): Promise<void> {
    const port = this.props.port;
    const keep = (sheets: string[], s?: ListSource) =>
      s?.kind === 'sheet' && !sheets.includes(s.sheet) ? undefined : s;
    if (!port) {
      this.setState({ sheets: [], a: keep([], this.state.a), b: keep([], this.state.b) });
      return;
    }
    try {
      const sheets = await workbookSheetNames(port);
      this.setState({ sheets, a: keep(sheets, this.state.a), b: keep(sheets, this.state.b) });
    } catch (e) {
      showFailure(this, e);
    }
  }

  private pick(side: Side, source: ListSource | undefined): void {
    this.setState({ [side]: source, outcome: undefined } as Pick<CompareState, Side | 'outcome'>);
  }

  private chooseFile(side: Side, file: File): void {
    void runWork(this, 'read', async () => {
      const chosen = await this.props.files.readChosenFile(file);
      this.setState({ files: { ...this.state.files, [side]: chosen } });
      this.pick(side, { kind: 'file', file: chosen });
    });
  }

  private run = () =>
    void runWork(this, 'run', async () => {
      const { a, b } = this.state;
      if (!a || !b) throw new PaneError('errPickBoth');
      const r = await reports();
      if (r.sameSource(a, b)) throw new PaneError('errSameList');
      const listA = await r.readListSource(this.props.port, a);
      const listB = await r.readListSource(this.props.port, b);
      this.setState({ outcome: r.runCompare(listA, listB) });
    });

  private write = () =>
    void runWork(this, 'write', async () => {
      const outcome = this.state.outcome;
      if (!outcome) return;
      await writeOrDownload(this, outcome.sheets, downloadName(`两平台比对${outcome.sheets[0].name}`));
    });

  private renderOutcome(o: CompareOutcome): ComponentChild {
    const { locale, standalone, port } = this.props;
    const s = this.state;
    const r = o.result;
    const busy = s.busy !== undefined;
    const partner = new Map<string, { name: string; score: number }>();
    for (const u of r.uncertain) {
      partner.set(`a:${u.a}`, { name: u.b, score: u.score });
      partner.set(`b:${u.b}`, { name: u.a, score: u.score });
    }
    const only = (side: Side, names: readonly string[]) =>
      names.map((n) => {
        const p = partner.get(`${side}:${n}`);
        return h(
          'span',
          null,
          h('strong', null, n),
          p
            ? h('span', { class: 'dim' }, ` ${rt(locale, 'maybeSame', { name: p.name, score: p.score })}`)
            : null,
        );
      });
    const code = r.agencyCode;
    const codeText = (v: string | null, valid: boolean) =>
      h(
        'span',
        null,
        v ?? rt(locale, 'codeAbsent'),
        v !== null && !valid ? h('span', { class: 'problem' }, ` ${rt(locale, 'codeInvalid')}`) : null,
      );
    const codeVerdict =
      code.a === null && code.b === null
        ? rt(locale, 'codeMissing')
        : rt(locale, code.same ? 'codeSame' : 'codeDiffers');
    const codeOk = (code.a === null && code.b === null) || (code.same && code.validA);

    return h(
      'div',
      { class: 'result' },
      h(
        'div',
        { class: `report-title verdict-${o.agree ? 'ok' : 'differs'}`, 'data-testid': 'compare-summary' },
        h(
          'strong',
          null,
          o.agree ? rt(locale, 'agree') : rt(locale, 'disagree', { count: o.differenceCount }),
        ),
        h('span', { class: 'hint' }, rt(locale, 'compareCounts', { a: r.countA, b: r.countB })),
        h('span', { class: 'hint' }, rt(locale, 'namedList', { role: rt(locale, 'listA'), name: o.a.name })),
        h('span', { class: 'hint' }, rt(locale, 'namedList', { role: rt(locale, 'listB'), name: o.b.name })),
      ),
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary',
            'data-testid': 'compare-write',
            disabled: busy || (!standalone && !port),
            onClick: this.write,
          },
          s.busy === 'write'
            ? rt(locale, standalone ? 'preparing' : 'writing')
            : rt(locale, standalone ? 'downloadDifferences' : 'writeDifferences'),
        ),
      ),
      noticeBox(s.notice, 'compare-notice'),
      listBlock(
        locale,
        rt(locale, 'onlyInA', { count: r.onlyInA.length }),
        only('a', r.onlyInA),
        'compare-only-a',
        r.onlyInA.length ? 'warn' : undefined,
      ),
      listBlock(
        locale,
        rt(locale, 'onlyInB', { count: r.onlyInB.length }),
        only('b', r.onlyInB),
        'compare-only-b',
        r.onlyInB.length ? 'warn' : undefined,
      ),
      listBlock(
        locale,
        rt(locale, 'differencesTitle', { count: r.differences.length }),
        r.differences.map((d) =>
          h(
            'div',
            { class: 'entry', 'data-item': d.itemName },
            h('strong', null, d.itemName),
            h(
              'span',
              null,
              h('span', { class: 'change-field' }, changeField(d.field, locale)),
              ' ',
              h('span', { class: 'old' }, rt(locale, 'sideValue', { side: 'A', value: d.a || '—' })),
              ' · ',
              h('span', { class: 'new' }, rt(locale, 'sideValue', { side: 'B', value: d.b || '—' })),
            ),
          ),
        ),
        'compare-differences',
        r.differences.length ? 'warn' : undefined,
      ),
      h(
        'section',
        { class: `group block${codeOk ? '' : ' block-warn'}`, 'data-testid': 'compare-agency' },
        h(
          'h3',
          { class: 'group-head' },
          h('span', null, rt(locale, 'agencyCode')),
          h('span', { class: codeOk ? 'ok-text' : 'problem' }, codeVerdict),
        ),
        h(
          'ul',
          { class: 'lines' },
          h(
            'li',
            null,
            rt(locale, 'namedList', { role: rt(locale, 'listA'), name: '' }),
            codeText(code.a, code.validA),
          ),
          h(
            'li',
            null,
            rt(locale, 'namedList', { role: rt(locale, 'listB'), name: '' }),
            codeText(code.b, code.validB),
          ),
        ),
      ),
    );
  }

  override render(): ComponentChild {
    const { locale } = this.props;
    const s = this.state;
    const busy = s.busy !== undefined;
    const picker = (side: Side, label: string) =>
      listPicker({
        locale,
        label,
        testid: `compare-${side}`,
        sheets: s.sheets,
        value: s[side],
        file: s.files[side],
        disabled: busy,
        onChange: (source) => this.pick(side, source),
        onFile: (file) => this.chooseFile(side, file),
      });
    return h(
      'section',
      { class: 'report-section', 'data-testid': 'section-compare', 'data-busy': s.busy ?? '' },
      sectionHead(rt(locale, 'compareTitle'), rt(locale, 'compareHint')),
      h('div', { class: 'panel' }, picker('a', rt(locale, 'listA')), picker('b', rt(locale, 'listB'))),
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          {
            type: 'button',
            class: `btn${s.outcome ? '' : ' primary'}`,
            'data-testid': 'compare-run',
            disabled: busy || !s.a || !s.b,
            onClick: this.run,
          },
          s.busy ? rt(locale, 'running') : rt(locale, 'runCompare'),
        ),
      ),
      s.outcome ? this.renderOutcome(s.outcome) : noticeBox(s.notice, 'compare-notice'),
    );
  }
}
