import { itemAt } from '../../core/item-at';
import { Component, type ComponentChild, h } from 'preact';
import { renderIssue } from '../../features/check-workbook';
import { DELIVERABLES, deliverableText, unitStatusText } from '../../features/review';
import { t } from '../i18n';
import { rt } from '../../app/report-i18n';
import { errorText } from '../../app/error-text';
import { downloadName, writeSheets } from '../../app/report-sources';
import type { ChosenInboxFile, ReviewDesk } from '../../app/review-flow';
import { readChosenFiles } from '../../app/page-files';
import {
  fileButton,
  listBlock,
  noticeBox,
  sectionHead,
  type SectionNotice,
  type SectionProps,
} from './report-kit';
import { saveBytes } from './download';

/** The report code, fetched the first time a section runs. */
const reports = () => import(/* webpackChunkName: "reports" */ '../../app/reports');

/** What a review takes: workbooks, CSV and Word files (Annex 2 forms, statements). */
const ACCEPT = '.xlsx,.xlsm,.csv,.tsv,.txt,.docx';

interface ReviewState {
  files?: ChosenInboxFile[];
  desk?: ReviewDesk;
  busy?: 'read' | 'run' | 'write';
  notice?: SectionNotice;
}

/** A browser `File` with the path a folder choice gives it (`收件/住建局/清单.xlsx`). */
type PathFile = File & { webkitRelativePath?: string };

/**
 * 汇总审核: the files the units sent, chosen at once (or a whole folder, where the browser allows), reviewed as
 * `drc review` does — who sent what, what is missing or to fix, the files of no known unit — and the office's
 * sheets written into the open workbook, or downloaded in the standalone page.
 */
export class ReviewSection extends Component<SectionProps, ReviewState> {
  override state: ReviewState = {};

  private choose = async (chosen: PathFile[]) => {
    const { locale, files: pageFiles } = this.props;
    this.setState({ busy: 'read', notice: undefined, desk: undefined });
    try {
      const read = await readChosenFiles(pageFiles, chosen, locale);
      const files: ChosenInboxFile[] = read.map((f, i) => ({
        ...f,
        path: itemAt(chosen, i).webkitRelativePath || f.name,
      }));
      this.setState({ files, busy: 'run' });
      const { reviewChosenFiles } = await reports();
      const desk = reviewChosenFiles(files, { locale });
      this.setState({ desk, busy: undefined });
    } catch (e) {
      this.setState({
        busy: undefined,
        notice: { kind: 'error', text: t(locale, 'errorPrefix') + errorText(e, locale) },
      });
    }
  };

  private write = async () => {
    const { locale, port, standalone, files } = this.props;
    const desk = this.state.desk;
    if (!desk) return;
    this.setState({ busy: 'write', notice: undefined });
    try {
      if (port && !standalone) {
        const names = await writeSheets(port, desk.sheets);
        this.setState({
          notice: { kind: 'success', text: rt(locale, 'written', { names: names.join('、') }) },
        });
      } else {
        const file = downloadName(desk.sheets[0]?.rows?.[0]?.cells[0]?.value?.toString() ?? '汇总审核');
        saveBytes(await files.sheetsToXlsx(desk.sheets), file);
        this.setState({ notice: { kind: 'success', text: rt(locale, 'downloaded', { file }) } });
      }
    } catch (e) {
      this.setState({ notice: { kind: 'error', text: t(locale, 'errorPrefix') + errorText(e, locale) } });
    } finally {
      this.setState({ busy: undefined });
    }
  };

  override render(): ComponentChild {
    const { locale, standalone, port } = this.props;
    const { desk, busy, notice } = this.state;
    const folderInput = h(
      'label',
      { class: `btn file-button${busy ? ' disabled' : ''}` },
      rt(locale, 'reviewChooseFolder'),
      h('input', {
        type: 'file',
        multiple: true,
        webkitdirectory: true,
        disabled: !!busy,
        'data-testid': 'review-folder',
        onChange: (e: Event) => {
          const input = e.currentTarget as HTMLInputElement;
          const files = Array.from(input.files ?? []) as PathFile[];
          input.value = '';
          if (files.length > 0) void this.choose(files);
        },
      }),
    );
    const buttons = h(
      'div',
      { class: 'toolbar' },
      fileButton({
        text: rt(locale, 'reviewChooseFiles'),
        testid: 'review-files',
        multiple: true,
        accept: ACCEPT,
        primary: !desk,
        disabled: !!busy,
        onFiles: (files) => void this.choose(files as PathFile[]),
      }),
      folderInput,
      desk
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn primary',
              disabled: !!busy,
              'data-testid': 'review-write',
              onClick: () => void this.write(),
            },
            rt(locale, port && !standalone ? 'reviewWrite' : 'reviewDownload'),
          )
        : null,
    );
    const status = busy
      ? h('p', { class: 'empty', role: 'status' }, rt(locale, busy === 'write' ? 'writing' : 'running'))
      : null;
    return h(
      'div',
      { class: 'section', 'data-testid': 'review-section' },
      sectionHead(rt(locale, 'reviewTitle'), rt(locale, 'reviewHint')),
      buttons,
      status,
      noticeBox(notice, 'review-notice'),
      desk ? this.result(desk) : null,
    );
  }

  private result(desk: ReviewDesk): ComponentChild {
    const { locale } = this.props;
    const r = desk.result;
    const head = rt(locale, 'reviewHead').split('|');
    const table = h(
      'table',
      { class: 'review-table', 'data-testid': 'review-units' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          head.map((x) => h('th', { key: x }, x)),
        ),
      ),
      h(
        'tbody',
        null,
        r.units.map((u) =>
          h(
            'tr',
            { key: u.unit, class: `unit-${u.status}`, 'data-unit': u.unit },
            h('td', null, u.unit),
            DELIVERABLES.map(([d]) =>
              h('td', { key: d, class: `d-${u.deliverables[d]}` }, deliverableText(u, d)),
            ),
            h('td', { class: `s-${u.status}` }, unitStatusText(u)),
          ),
        ),
      ),
    );
    const s = r.summary;
    return h(
      'div',
      null,
      h(
        'p',
        { class: 'summary', 'data-testid': 'review-summary' },
        rt(locale, 'reviewSummary', {
          files: s.files,
          units: s.units,
          complete: s.complete,
          withIssues: s.withIssues,
          missing: s.missing,
        }),
      ),
      table,
      listBlock(
        locale,
        rt(locale, 'reviewUnassigned', { count: r.unassigned.length }),
        r.unassigned.map((x) => `${x.file.file}：${renderIssue(x.issue, locale)}`),
        'review-unassigned',
        r.unassigned.length ? 'warn' : 'ok',
      ),
    );
  }
}
