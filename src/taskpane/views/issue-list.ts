import { type ComponentChild, h } from 'preact';
import type { Issue } from '../../core/issue';
import type { Locale } from '../../core/locale';
import { renderIssue, severityLabel } from '../../features/check-workbook';
import { t } from '../i18n';
import { Listbox } from './listbox';
import {
  countBySeverity,
  exactCell,
  fieldChoices,
  fieldLabel,
  groupIssues,
  type IssueFilter,
  limitGroups,
  PAGE,
  placeKey,
  SEVERITIES,
  toggleSeverity,
} from '../../app/issue-groups';

/** Props of the issue list. */
export interface IssueListProps {
  issues: readonly Issue[];
  locale: Locale;
  filter: IssueFilter;
  limit: number;
  /** `sheet!A1` of the issue last clicked. */
  selected?: string;
  onFilter(filter: IssueFilter): void;
  onSelect(issue: Issue): void;
  onMore(): void;
}

function where(issue: Issue, locale: Locale): string {
  const cell = exactCell(issue);
  if (cell) return cell;
  if (issue.row !== undefined) return locale === 'zh-CN' ? `第${issue.row}行` : `Row ${issue.row}`;
  return '—';
}

/** What the list shows of its issues: counts by severity, the fields to filter by, the groups. */
interface Summary {
  counts: ReturnType<typeof countBySeverity>;
  choices: ReturnType<typeof fieldChoices>;
  grouped: ReturnType<typeof groupIssues>;
}

/** The summary last made of a list of issues, with its filter. */
const summaries = new WeakMap<readonly Issue[], Summary & { filter: IssueFilter }>();

/**
 * Counts, field choices and groups of a list of issues; made once per list and filter, since the list is drawn again
 * whenever the pane changes (a progress step, a busy flag) and a large file has over 10,000 issues.
 */
function summarise(issues: readonly Issue[], filter: IssueFilter): Summary {
  const last = summaries.get(issues);
  if (last?.filter === filter) return last;
  const made: Summary = {
    counts: countBySeverity(issues),
    choices: fieldChoices(issues),
    grouped: groupIssues(issues, filter),
  };
  summaries.set(issues, { filter, ...made });
  return made;
}

/**
 * Severity filters, field filter, then the issues grouped by field with counts, as one listbox (one tab stop; the
 * arrow keys move, Enter or a click selects the issue's cell).
 */
export function IssueList(p: IssueListProps): ComponentChild {
  const { locale } = p;
  const { counts, choices, grouped } = summarise(p.issues, p.filter);
  const { groups, hidden } = limitGroups(grouped, p.limit);
  const shown = groups.reduce((n, g) => n + g.issues.length, 0);
  const on = new Set(p.filter.severities);
  const sheetLevel = t(locale, 'sheetLevel');

  const filters = h(
    'div',
    { class: 'filters' },
    h(
      'div',
      { class: 'chips', role: 'group', 'aria-label': t(locale, 'filterSeverity') },
      SEVERITIES.map((s) =>
        h(
          'button',
          {
            type: 'button',
            class: `chip chip-${s}${on.has(s) ? ' on' : ''}`,
            'aria-pressed': on.has(s) ? 'true' : 'false',
            'data-severity': s,
            onClick: () => p.onFilter(toggleSeverity(p.filter, s)),
          },
          h('span', { class: 'dot' }),
          `${severityLabel(s, locale)} ${counts[s]}`,
        ),
      ),
    ),
    h(
      'select',
      {
        class: 'field-filter',
        'aria-label': t(locale, 'filterField'),
        value: p.filter.field,
        onChange: (e: Event) =>
          p.onFilter({ ...p.filter, field: (e.currentTarget as HTMLSelectElement).value }),
      },
      h('option', { value: '*' }, t(locale, 'filterAll')),
      choices.map((c) =>
        h('option', { value: c.field }, `${fieldLabel(c.field, locale, sheetLevel)} (${c.count})`),
      ),
    ),
  );

  const list = h(Listbox, {
    label: t(locale, 'issueListLabel'),
    idPrefix: 'issue',
    testid: 'issue-list',
    groups: groups
      .filter((g) => g.issues.length > 0)
      .map((g) => {
        const name = fieldLabel(g.field, locale, sheetLevel);
        const counts = SEVERITIES.filter((s) => g.counts[s] > 0).map(
          (s) => `${severityLabel(s, locale)} ${g.counts[s]}`,
        );
        return {
          key: g.field,
          label: `${name}: ${counts.join(', ')}`,
          attrs: { 'data-field': g.field },
          head: h(
            'h3',
            { class: 'group-head' },
            h('span', { class: 'group-name' }, name),
            h(
              'span',
              { class: 'group-counts' },
              SEVERITIES.filter((s) => g.counts[s] > 0).map((s) =>
                h('span', { class: `count count-${s}` }, `${severityLabel(s, locale)} ${g.counts[s]}`),
              ),
            ),
          ),
          options: g.issues.map((issue) => {
            const key = placeKey(issue);
            return {
              key: `${key}|${issue.code}`,
              selected: p.selected === key,
              attrs: {
                class: `issue sev-${issue.severity}`,
                'data-cell': exactCell(issue) ?? '',
                'data-row': issue.row === undefined ? undefined : String(issue.row),
                'data-sheet': issue.sheet,
                'data-code': issue.code,
                title: issue.code,
              },
              content: [
                h('span', { class: `badge badge-${issue.severity}` }, severityLabel(issue.severity, locale)),
                h('span', { class: 'addr' }, where(issue, locale)),
                // Text node: Preact escapes it, so cell text in the message can never become markup.
                h('span', { class: 'msg' }, renderIssue(issue, locale)),
              ],
              onChoose: () => p.onSelect(issue),
            };
          }),
        };
      }),
  });

  return h(
    'div',
    { class: 'issue-list' },
    filters,
    h(
      'div',
      { class: 'list-meta', 'aria-live': 'polite' },
      t(locale, 'shownOf', { shown, total: shown + hidden }),
    ),
    list,
    hidden > 0
      ? h(
          'button',
          { type: 'button', class: 'btn subtle more', onClick: p.onMore },
          t(locale, 'showMore', { count: Math.min(PAGE, hidden) }),
        )
      : null,
  );
}
