import { itemAt } from '../../core/item-at';
import { Component, type ComponentChild, h } from 'preact';

/** One row of a listbox: its own classes and data attributes, its content, and what choosing it does. */
export interface ListboxOption {
  key: string;
  /** Classes and data-* attributes of the row (`issue sev-error`, `data-cell` …). */
  attrs: Record<string, string | undefined>;
  content: ComponentChild[];
  /** The row shown as chosen (`aria-selected`). */
  selected: boolean;
  /** Click, Enter or Space on the row; a row without it is shown but cannot be chosen. */
  onChoose?: () => void;
}

/** Rows under a visible heading (a field's issues), one ARIA group each. */
export interface ListboxGroup {
  key: string;
  /** The group's name as a screen reader says it. */
  label: string;
  /** The heading drawn above the rows (hidden from screen readers: `label` says it). */
  head: ComponentChild;
  attrs?: Record<string, string | undefined>;
  options: ListboxOption[];
}

/** Props of the listbox. */
export interface ListboxProps {
  label: string;
  groups: readonly ListboxGroup[];
  /** Unique in the page: the rows' ids start with it (aria-activedescendant points at one). */
  idPrefix: string;
  testid?: string;
}

interface ListboxState {
  /** The row the arrow keys are on (kept by key, so a re-render keeps it). */
  active?: string;
}

/**
 * A WAI-ARIA listbox with one tab stop: the list takes the focus, the arrow keys (and Home, End, Page Up/Down) move
 * through the rows of every group, Enter or Space chooses the row, a click chooses it too; the chosen row carries
 * `aria-selected`, the row under the keys is announced through `aria-activedescendant` and outlined.
 */
export class Listbox extends Component<ListboxProps, ListboxState> {
  private box?: HTMLElement | null;

  private options(): ListboxOption[] {
    return this.props.groups.flatMap((g) => g.options);
  }

  private id(key: string): string {
    const index = this.options().findIndex((o) => o.key === key);
    return `${this.props.idPrefix}-${index}`;
  }

  /** The row under the keys: the one moved to, else the chosen one, else the first. */
  private activeKey(): string | undefined {
    const all = this.options();
    if (this.state.active !== undefined && all.some((o) => o.key === this.state.active))
      return this.state.active;
    return (all.find((o) => o.selected) ?? all[0])?.key;
  }

  private move(to: number): void {
    const all = this.options();
    if (all.length === 0) return;
    const key = itemAt(all, Math.max(0, Math.min(all.length - 1, to))).key;
    this.setState({ active: key }, () => this.reveal(key));
  }

  /** Scrolls the row into view where the engine can (older web views lack the options argument). */
  private reveal(key: string): void {
    const row = this.box?.ownerDocument.getElementById(this.id(key));
    if (row && typeof row.scrollIntoView === 'function') row.scrollIntoView({ block: 'nearest' });
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    const all = this.options();
    const at = all.findIndex((o) => o.key === this.activeKey());
    const page = 10;
    const to: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: all.length - 1,
      PageDown: at + page,
      PageUp: at - page,
    };
    const target = to[e.key];
    if (target !== undefined) {
      e.preventDefault();
      this.move(target);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      all[at]?.onChoose?.();
    }
  };

  override render(): ComponentChild {
    const active = this.activeKey();
    let index = 0;
    return h(
      'div',
      {
        ref: (el: HTMLElement | null) => (this.box = el),
        class: 'listbox',
        role: 'listbox',
        tabIndex: 0,
        'aria-label': this.props.label,
        'aria-activedescendant': active === undefined ? undefined : this.id(active),
        'data-testid': this.props.testid,
        onKeyDown: this.onKeyDown,
      },
      this.props.groups.map((g) =>
        h(
          'section',
          {
            key: g.key,
            role: 'group',
            'aria-label': g.label,
            ...g.attrs,
            class: `group ${g.attrs?.class ?? ''}`.trim(),
          },
          h('div', { 'aria-hidden': 'true' }, g.head),
          h(
            'ul',
            { class: 'issues', role: 'none' },
            g.options.map((o) => {
              const id = `${this.props.idPrefix}-${index++}`;
              return h(
                'li',
                {
                  key: o.key,
                  id,
                  role: 'option',
                  'aria-selected': o.selected ? 'true' : 'false',
                  'aria-disabled': o.onChoose ? undefined : 'true',
                  ...o.attrs,
                  class: `${o.attrs.class ?? ''}${o.key === active ? ' active' : ''}${o.selected ? ' selected' : ''}`,
                  onClick: () => {
                    this.setState({ active: o.key });
                    o.onChoose?.();
                  },
                },
                ...o.content,
              );
            }),
          ),
        ),
      ),
    );
  }
}
