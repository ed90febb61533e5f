import { itemAt } from '../../core/item-at';
import { type ComponentChild, h } from 'preact';
import type { Locale } from '../../core/locale';
import { t, type UiKey } from '../i18n';

/** The pane's sections: 校验 (the default), the three reports and the office's 汇总审核. */
export type PaneView = 'check' | 'tally' | 'adjust' | 'compare' | 'review';

/** Every section in tab order. */
export const PANE_VIEWS: readonly [PaneView, ...PaneView[]] = [
  'check',
  'tally',
  'adjust',
  'compare',
  'review',
];

const LABELS: Record<PaneView, UiKey> = {
  check: 'tabCheck',
  tally: 'tabTally',
  adjust: 'tabAdjust',
  compare: 'tabCompare',
  review: 'tabReview',
};

/** Props of the tab list. */
export interface TabsProps {
  locale: Locale;
  views: readonly PaneView[];
  current: PaneView;
  onChoose(view: PaneView): void;
}

/**
 * A Fluent 2 tab list: text tabs, the chosen one bold with the brand-coloured bar under it; arrow keys, Home and
 * End move between tabs (WAI-ARIA tabs pattern, automatic activation).
 */
export function Tabs(p: TabsProps): ComponentChild {
  const move = (e: KeyboardEvent) => {
    const i = p.views.indexOf(p.current);
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % p.views.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + p.views.length) % p.views.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? p.views.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    p.onChoose(itemAt(p.views, to));
    const list = (e.currentTarget as HTMLElement).closest('[role=tablist]');
    (list?.querySelectorAll('[role=tab]')[to] as HTMLElement | undefined)?.focus();
  };
  return h(
    'nav',
    { class: 'tabs', role: 'tablist', 'aria-label': t(p.locale, 'sections'), 'data-testid': 'tabs' },
    p.views.map((v) =>
      h(
        'button',
        {
          key: v,
          type: 'button',
          role: 'tab',
          id: `tab-${v}`,
          class: `tab${v === p.current ? ' on' : ''}`,
          'aria-selected': v === p.current ? 'true' : 'false',
          'aria-controls': `view-${v}`,
          tabIndex: v === p.current ? 0 : -1,
          'data-testid': `tab-${v}`,
          onClick: () => p.onChoose(v),
          onKeyDown: move,
        },
        t(p.locale, LABELS[v]),
      ),
    ),
  );
}
