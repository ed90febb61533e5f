import { type ComponentChild, h } from 'preact';
import { Listbox } from './listbox';
import type { Severity } from '../../core/issue';
import type { Locale } from '../../core/locale';
import type { SheetSpec } from '../../core/sheet-spec';
import type { PaneWorkbookPort } from '../../core/workbook-port';
import { quoteValue } from '../../core/messages';
import { severityLabel } from '../../features/check-workbook';
import { t } from '../i18n';
import { errorText } from '../../app/error-text';
import type { PageFiles } from '../../app/page-files';
import { fieldLabel } from '../../app/issue-groups';
import { rt } from '../../app/report-i18n';
import { type ChosenFile, type ListSource, writeSheets } from '../../app/report-sources';
import { saveBytes } from './download';

// Pieces the report sections share: props, the list picker (a sheet of the workbook or a file), compact lists,
// notices. Every text goes in as a Preact text node: cell text can never become markup.

/** Props of a report section. */
export interface SectionProps {
  locale: Locale;
  /** The open workbook: the host's, or in the standalone page the file chosen under 校验 (absent until then). */
  port?: PaneWorkbookPort;
  /** True in the standalone page: sheets are downloaded instead of written into the workbook. */
  standalone: boolean;
  /** Reads the files chosen in a section and makes generated sheets into an .xlsx (the entry's file adapter). */
  files: PageFiles;
  /** The open workbook's file name, where known (a unit may be named only by it). */
  workbookName?: string;
  /** True while the section's tab is shown (the sheet list is read again when it is). */
  active: boolean;
}

/** A line of feedback under a section's buttons. */
export interface SectionNotice {
  kind: 'info' | 'success' | 'error';
  text: string;
}

/** What every report section keeps for its work: the work running now, and the last notice. */
export interface WorkState<B extends string> {
  busy?: B;
  notice?: SectionNotice;
}

/** A report section as the shared work helpers see it. */
export interface WorkSection<B extends string> {
  readonly props: SectionProps;
  readonly state: Readonly<WorkState<B>>;
  setState(patch: WorkState<B>): void;
}

/** Shows a failure as the section's error notice (and in the console). */
export function showFailure<B extends string>(section: WorkSection<B>, e: unknown): void {
  console.error(e);
  const { locale } = section.props;
  section.setState({ notice: { kind: 'error', text: t(locale, 'errorPrefix') + errorText(e, locale) } });
}

/** Runs a section's work unless other work runs: its busy flag meanwhile, a failure shown as the notice. */
export async function runWork<B extends string>(
  section: WorkSection<B>,
  kind: B,
  work: () => Promise<void>,
): Promise<void> {
  if (section.state.busy) return;
  section.setState({ busy: kind, notice: undefined });
  try {
    await work();
  } catch (e) {
    showFailure(section, e);
  } finally {
    section.setState({ busy: undefined });
  }
}

/**
 * Writes generated sheets into the open workbook; in the standalone page (or with no workbook) downloads them as
 * one .xlsx named `fileName`. The notice says which sheets were written, or which file was downloaded.
 */
export async function writeOrDownload<B extends string>(
  section: WorkSection<B>,
  sheets: readonly SheetSpec[],
  fileName: string,
): Promise<void> {
  const { port, standalone, locale, files } = section.props;
  if (standalone || !port) {
    saveBytes(await files.sheetsToXlsx(sheets), fileName);
    section.setState({ notice: { kind: 'success', text: rt(locale, 'downloaded', { file: fileName }) } });
    return;
  }
  const names = await writeSheets(port, sheets);
  section.setState({
    notice: {
      kind: 'success',
      text: rt(locale, 'written', { names: names.join(locale === 'zh-CN' ? '、' : ', ') }),
    },
  });
}

/** A field's name in the pane's language (事项名称 for a renamed item). */
export function changeField(field: string, locale: Locale): string {
  return field === 'itemName' ? rt(locale, 'itemName') : fieldLabel(field, locale, field);
}

/** The notice box (the 校验 view's look). */
export function noticeBox(notice: SectionNotice | undefined, testid: string): ComponentChild {
  if (!notice) return null;
  return h(
    'div',
    {
      class: `notice notice-${notice.kind}`,
      role: notice.kind === 'error' ? 'alert' : 'status',
      'data-testid': testid,
    },
    notice.text,
  );
}

/** The heading and the one-line explanation of a section. */
export function sectionHead(title: string, hint: string): ComponentChild {
  return h('div', { class: 'section-head' }, h('h2', null, title), h('p', { class: 'hint' }, hint));
}

/** A file button: a label styled as a button around a hidden file input (keyboard focus shows on the label). */
export function fileButton(props: {
  text: string;
  testid: string;
  multiple?: boolean;
  accept?: string;
  primary?: boolean;
  disabled?: boolean;
  /** Called with the chosen files, never with none. */
  onFiles(files: [File, ...File[]]): void;
}): ComponentChild {
  return h(
    'label',
    {
      class: `btn file-button${props.primary ? ' primary' : ''}${props.disabled ? ' disabled' : ''}`,
      'aria-disabled': props.disabled ? 'true' : undefined,
    },
    props.text,
    h('input', {
      type: 'file',
      multiple: props.multiple,
      accept: props.accept ?? '.xlsx,.xlsm,.csv,.tsv,.txt',
      disabled: props.disabled,
      'data-testid': props.testid,
      onChange: (e: Event) => {
        const input = e.currentTarget as HTMLInputElement;
        const [first, ...rest] = Array.from(input.files ?? []);
        input.value = '';
        if (first) props.onFiles([first, ...rest]);
      },
    }),
  );
}

const FILE_VALUE = '\u0000file';

/** Props of a list picker. */
export interface ListPickerProps {
  locale: Locale;
  label: string;
  testid: string;
  /** The open workbook's sheets (none in the standalone page before a file is chosen). */
  sheets: readonly string[];
  value?: ListSource;
  /** The file chosen for this list, offered in the select once chosen. */
  file?: ChosenFile;
  disabled?: boolean;
  onChange(source: ListSource | undefined): void;
  onFile(file: File): void;
}

/** A list's source: a sheet of the open workbook (select), or a file chosen with the button beside it. */
export function listPicker(p: ListPickerProps): ComponentChild {
  const value = p.value?.kind === 'sheet' ? `s:${p.value.sheet}` : p.value?.kind === 'file' ? FILE_VALUE : '';
  return h(
    'div',
    { class: 'field list-picker' },
    h('span', null, p.label),
    h(
      'div',
      { class: 'picker-row' },
      h(
        'select',
        {
          value,
          disabled: p.disabled,
          'aria-label': p.label,
          'data-testid': p.testid,
          onChange: (e: Event) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            if (v === FILE_VALUE && p.file) p.onChange({ kind: 'file', file: p.file });
            else if (v.startsWith('s:')) p.onChange({ kind: 'sheet', sheet: v.slice(2) });
            else p.onChange(undefined);
          },
        },
        h('option', { value: '' }, rt(p.locale, 'chooseSheet')),
        p.sheets.map((name) => h('option', { value: `s:${name}` }, name)),
        p.file ? h('option', { value: FILE_VALUE }, rt(p.locale, 'fileOption', { name: p.file.name })) : null,
      ),
      fileButton({
        text: rt(p.locale, 'fromFile'),
        testid: `${p.testid}-file`,
        disabled: p.disabled,
        onFiles: (files) => p.onFile(files[0]),
      }),
    ),
  );
}

/** One row of a compact issue list. */
export interface IssueRow {
  key: string;
  severity: Severity;
  where: string;
  text: string;
  cell?: string;
  sheet?: string;
  onClick?: () => void;
}

/** Issues as rows (badge, place, sentence) in one listbox; a row with a place to go to can be chosen. */
export function issueRows(
  locale: Locale,
  rows: readonly IssueRow[],
  selected: string | undefined,
  testid: string,
): ComponentChild {
  if (rows.length === 0) return null;
  const title = rt(locale, 'problemsTitle', { count: rows.length });
  return h(Listbox, {
    label: title,
    idPrefix: `${testid}-row`,
    groups: [
      {
        key: 'issues',
        label: title,
        attrs: { class: 'report-issues', 'data-testid': testid },
        head: h('h3', { class: 'group-head' }, h('span', null, title)),
        options: rows.map((r) => ({
          key: r.key,
          selected: selected === r.key,
          attrs: {
            class: `issue sev-${r.severity}${r.onClick ? '' : ' static'}`,
            'data-cell': r.cell ?? '',
            'data-sheet': r.sheet ?? '',
          },
          content: [
            h('span', { class: `badge badge-${r.severity}` }, severityLabel(r.severity, locale)),
            h('span', { class: 'addr', title: r.where }, r.where),
            h('span', { class: 'msg' }, r.text),
          ],
          onChoose: r.onClick,
        })),
      },
    ],
  });
}

/** A titled block of short lines (items added, names in one list only, …); 无 when empty. */
export function listBlock(
  locale: Locale,
  title: string,
  items: readonly ComponentChild[],
  testid: string,
  tone?: 'warn' | 'ok',
): ComponentChild {
  return h(
    'section',
    { class: `group block${tone ? ` block-${tone}` : ''}`, 'data-testid': testid },
    h('h3', { class: 'group-head' }, h('span', null, title)),
    items.length === 0
      ? h('p', { class: 'block-empty' }, rt(locale, 'none'))
      : h(
          'ul',
          { class: 'lines' },
          items.map((item, i) => h('li', { key: i }, item)),
        ),
  );
}

/**
 * The text of the cell of the issue last clicked (the standalone page has no grid on screen to select it in). It stays
 * in sight at the bottom of the pane wherever the clicked row is (sticky), and it is a polite live region: the region
 * is always there, so a screen reader announces each new cell. A long text is cut as messages quote it.
 */
export function cellPreview(
  locale: Locale,
  preview: { cell: string; text: string } | undefined,
  testid = 'section-preview',
): ComponentChild {
  return h(
    'div',
    { class: 'preview-live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
    preview
      ? h(
          'div',
          { class: 'preview', 'data-testid': testid },
          h('span', { class: 'preview-cell' }, t(locale, 'selected', { cell: preview.cell })),
          h(
            'span',
            { class: 'preview-text' },
            preview.text === '' ? t(locale, 'emptyCell') : quoteValue(preview.text, locale),
          ),
        )
      : null,
  );
}

/** The file's name without folders. */
export function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '');
}
