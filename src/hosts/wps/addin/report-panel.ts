import { Component, type ComponentChild, h } from 'preact';
import type { Grid } from '../../../core/grid';
import { readXlsxGrids } from '../../xlsx/fast-reader';
import { sniff } from '../../xlsx/sniff';
import type { WpsWorkbook } from '../wps-workbook';
import { WpsHostError } from '../wps-errors';
import { adjustCommand, findPreviousSheet, type PreviousSource, tallyCommand } from './commands';

/** Props: the WPS port of the open workbook. */
export interface ReportPanelProps {
  port: WpsWorkbook;
}

/** A sheet name, or this value for "a file chosen below". */
const FROM_FILE = '\u0000file';

interface ReportPanelState {
  sheets: string[];
  current?: string;
  previous?: string;
  file?: { name: string; grids: Grid[] };
  busy?: 'adjust' | 'tally' | 'read';
  notice?: { kind: 'success' | 'error'; text: string };
}

function messageOf(e: unknown): string {
  if (e instanceof WpsHostError) return e.messageIn('zh-CN');
  return e instanceof Error ? e.message : String(e);
}

/**
 * The WPS pane's 报表 section, under the shared pane: 动态调整情况表 (this year's list = the active sheet; last
 * year's from another sheet of the workbook or from an .xlsx file chosen here) and 监测点汇总. Both write their
 * sheets into the open workbook through the port.
 */
export class ReportPanel extends Component<ReportPanelProps, ReportPanelState> {
  override state: ReportPanelState = { sheets: [] };

  override componentDidMount(): void {
    void this.refresh();
  }

  /** Reads the sheet names and the active sheet, and guesses last year's sheet. */
  private refresh = async (): Promise<void> => {
    try {
      const [sheets, current] = await Promise.all([
        this.props.port.sheetNames(),
        this.props.port.activeSheet(),
      ]);
      const previous =
        this.state.previous && (this.state.previous === FROM_FILE || sheets.includes(this.state.previous))
          ? this.state.previous
          : findPreviousSheet(sheets, current);
      this.setState({ sheets, current, previous });
    } catch (e) {
      this.setState({ notice: { kind: 'error', text: messageOf(e) } });
    }
  };

  private run(busy: 'adjust' | 'tally', work: () => Promise<string>): void {
    this.setState({ busy, notice: undefined });
    work()
      .then((text) => this.setState({ notice: { kind: 'success', text } }))
      .catch((e: unknown) => this.setState({ notice: { kind: 'error', text: `出错了：${messageOf(e)}` } }))
      .then(() => {
        this.setState({ busy: undefined });
        return this.refresh();
      });
  }

  private adjust = () => {
    const { previous, file } = this.state;
    let source: PreviousSource | undefined;
    if (previous === FROM_FILE && file) source = { file: file.name, grids: file.grids };
    else if (previous && previous !== FROM_FILE) source = { sheet: previous };
    this.run('adjust', async () => {
      await this.refresh();
      return adjustCommand(this.props.port, source);
    });
  };

  private tally = () => this.run('tally', () => tallyCommand(this.props.port));

  /** Reads a chosen .xlsx in the pane (nothing is uploaded). */
  private chooseFile = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    this.setState({ busy: 'read', notice: undefined });
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      if (sniff(bytes) !== 'zip')
        throw new Error(`文件“${f.name}”不是 .xlsx 工作簿；请在 WPS 中另存为 .xlsx 后再选择。`);
      this.setState({ file: { name: f.name, grids: readXlsxGrids(bytes) }, previous: FROM_FILE });
    } catch (e) {
      this.setState({ notice: { kind: 'error', text: messageOf(e) } });
    } finally {
      this.setState({ busy: undefined });
    }
  };

  override render(): ComponentChild {
    const s = this.state;
    const disabled = s.busy !== undefined;
    const options = s.sheets.filter((n) => n !== s.current).map((n) => h('option', { value: n }, n));
    if (s.file) options.push(h('option', { value: FROM_FILE }, `文件：${s.file.name}`));
    return h(
      'section',
      { class: 'panel wps-reports', 'data-testid': 'wps-reports' },
      h('strong', null, '报表'),
      h(
        'p',
        { class: 'hint' },
        `动态调整情况表：本年清单为当前工作表${s.current ? `“${s.current}”` : ''}，上年清单从下面选择。`,
      ),
      h(
        'label',
        { class: 'field' },
        h('span', null, '上年清单'),
        h(
          'select',
          {
            value: s.previous ?? '',
            'data-testid': 'previous-sheet',
            onFocus: () => void this.refresh(),
            onChange: (e: Event) => this.setState({ previous: (e.currentTarget as HTMLSelectElement).value }),
          },
          h('option', { value: '' }, '（请选择工作表）'),
          ...options,
        ),
      ),
      h(
        'label',
        { class: 'btn file-button' },
        s.busy === 'read' ? '正在读取…' : '从文件选择上年清单…',
        h('input', {
          type: 'file',
          accept: '.xlsx,.xlsm',
          'data-testid': 'previous-file',
          disabled,
          onChange: (e: Event) => void this.chooseFile(e.currentTarget as HTMLInputElement),
        }),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary',
            disabled: disabled || !s.previous,
            'data-testid': 'make-adjust',
            onClick: this.adjust,
          },
          s.busy === 'adjust' ? '正在生成…' : '生成动态调整情况表',
        ),
        h(
          'button',
          { type: 'button', class: 'btn', disabled, 'data-testid': 'make-tally', onClick: this.tally },
          s.busy === 'tally' ? '正在汇总…' : '监测点汇总',
        ),
      ),
      s.notice
        ? h(
            'div',
            {
              class: `notice notice-${s.notice.kind}`,
              role: s.notice.kind === 'error' ? 'alert' : 'status',
              'data-testid': 'wps-notice',
            },
            s.notice.text,
          )
        : null,
    );
  }
}
