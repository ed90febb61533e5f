import { Component, type ComponentChild, type ComponentType, h } from 'preact';
import { t } from '../i18n';
import { errorText } from '../../app/error-text';
import type { SectionProps } from './report-kit';

/** A report section: 监测点汇总, 动态调整情况表 or 两平台比对. */
export type ReportView = 'tally' | 'adjust' | 'compare' | 'review';

let loading: Promise<Record<ReportView, ComponentType<SectionProps>>> | undefined;

/** The sections' views and the report code, fetched once (again after a failed fetch). */
function loadSections(): Promise<Record<ReportView, ComponentType<SectionProps>>> {
  loading ??= import(/* webpackChunkName: "reports" */ './sections').then(
    (m) => m.SECTIONS,
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

interface LazyState {
  view?: ComponentType<SectionProps>;
  error?: string;
}

/**
 * A report section drawn once its code has arrived: the pane's first load carries only 校验, and a section's tab
 * fetches the rest (a few tens of kilobytes) the first time it is chosen.
 */
export class LazySection extends Component<SectionProps & { view: ReportView }, LazyState> {
  override state: LazyState = {};

  override componentDidMount(): void {
    this.load();
  }

  private load = () => {
    this.setState({ error: undefined });
    loadSections().then(
      (sections) => this.setState({ view: sections[this.props.view] }),
      (e: unknown) => {
        console.error(e);
        this.setState({ error: t(this.props.locale, 'errorPrefix') + errorText(e, this.props.locale) });
      },
    );
  };

  override render(): ComponentChild {
    const { view: _view, ...props } = this.props;
    const View = this.state.view;
    if (View) return h(View, props);
    if (this.state.error)
      return h(
        'div',
        { class: 'notice notice-error', role: 'alert' },
        this.state.error,
        ' ',
        h('button', { type: 'button', class: 'link', onClick: this.load }, t(this.props.locale, 'retry')),
      );
    return h('p', { class: 'empty', role: 'status' }, t(this.props.locale, 'loadingSection'));
  }
}
