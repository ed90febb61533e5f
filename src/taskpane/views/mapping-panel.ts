import { Component, type ComponentChild, h } from 'preact';
import type { Grid } from '../../core/grid';
import type { Locale } from '../../core/locale';
import type { SheetHint } from '../../core/validate';
import { t } from '../i18n';
import { columnText, describeMapping, hintFromForm, type MappingView } from '../../app/mapping';

/** Props of the form that corrects the detected header and column mapping. */
export interface MappingPanelProps {
  grid: Grid;
  hint: SheetHint | undefined;
  locale: Locale;
  busy: boolean;
  onApply(hint: SheetHint | undefined): void;
}

interface MappingPanelState {
  kind?: string;
  headerFirst?: number;
  headerLast?: number;
  chosen: Record<string, number | undefined>;
}

function intOf(text: string): number | undefined {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Header rows and one column per field, each field on "automatic" unless the person chose a column. */
export class MappingPanel extends Component<MappingPanelProps, MappingPanelState> {
  constructor(props: MappingPanelProps) {
    super(props);
    this.state = {
      headerFirst: props.hint?.headerRows?.first,
      headerLast: props.hint?.headerRows?.last,
      chosen: { ...(props.hint?.columns ?? {}) },
    };
  }

  private memo?: { grid: Grid; key: string; view: MappingView };

  /** The mapping for the form as it stands; reading a big sheet's header is not repeated on every keystroke. */
  private view(): MappingView {
    const hint = hintFromForm(this.state);
    const key = JSON.stringify([hint, this.state.kind, this.props.locale]);
    if (this.memo?.grid !== this.props.grid || this.memo.key !== key)
      this.memo = {
        grid: this.props.grid,
        key,
        view: describeMapping(this.props.grid, hint, this.props.locale, this.state.kind),
      };
    return this.memo.view;
  }

  override render(): ComponentChild {
    const { locale, busy } = this.props;
    const view = this.view();
    const rows = view.headerRows;
    const numberInput = (
      label: string,
      value: number | undefined,
      placeholder: number | undefined,
      set: (n: number | undefined) => void,
      name: string,
    ) =>
      h(
        'label',
        { class: 'field' },
        h('span', null, label),
        h('input', {
          type: 'number',
          min: 1,
          name,
          value: value ?? '',
          placeholder: placeholder === undefined ? '' : String(placeholder),
          onChange: (e: Event) => set(intOf((e.currentTarget as HTMLInputElement).value)),
        }),
      );
    return h(
      'div',
      { class: 'panel mapping', 'data-testid': 'mapping' },
      h('p', { class: 'hint' }, t(locale, 'correctHint')),
      view.recognised
        ? null
        : h(
            'label',
            { class: 'field' },
            h('span', null, t(locale, 'kind')),
            h(
              'select',
              {
                name: 'kind',
                value: view.kind,
                onChange: (e: Event) => this.setState({ kind: (e.currentTarget as HTMLSelectElement).value }),
              },
              view.kinds.map((k) => h('option', { value: k.kind }, k.label)),
            ),
          ),
      h(
        'div',
        { class: 'row2' },
        numberInput(
          t(locale, 'headerFrom'),
          this.state.headerFirst,
          rows?.first,
          (n) => this.setState({ headerFirst: n }),
          'headerFirst',
        ),
        numberInput(
          t(locale, 'headerTo'),
          this.state.headerLast,
          rows?.last,
          (n) => this.setState({ headerLast: n }),
          'headerLast',
        ),
      ),
      h(
        'table',
        { class: 'map' },
        h(
          'thead',
          null,
          h('tr', null, h('th', null, t(locale, 'fieldColumn')), h('th', null, t(locale, 'column'))),
        ),
        h(
          'tbody',
          null,
          view.fields.map((f) => {
            const detected = view.columns.find((c) => c.column === f.detected);
            const auto = detected
              ? t(locale, 'autoColumn', { column: columnText(detected) })
              : t(locale, 'autoNone');
            return h(
              'tr',
              { key: f.key, 'data-field': f.key },
              h('td', null, f.label),
              h(
                'td',
                null,
                h(
                  'select',
                  {
                    name: `column-${f.key}`,
                    value: f.chosen === undefined ? '' : String(f.chosen),
                    onChange: (e: Event) => {
                      const v = (e.currentTarget as HTMLSelectElement).value;
                      this.setState({
                        chosen: { ...this.state.chosen, [f.key]: v === '' ? undefined : Number(v) },
                      });
                    },
                  },
                  h('option', { value: '' }, auto),
                  view.columns.map((c) => h('option', { value: String(c.column) }, columnText(c))),
                ),
              ),
            );
          }),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn primary',
            disabled: busy,
            'data-testid': 'apply-mapping',
            onClick: () => this.props.onApply(hintFromForm(this.state)),
          },
          t(locale, 'apply'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            disabled: busy,
            onClick: () => {
              this.setState({ headerFirst: undefined, headerLast: undefined, chosen: {}, kind: undefined });
              this.props.onApply(undefined);
            },
          },
          t(locale, 'resetMapping'),
        ),
      ),
    );
  }
}
