import { cellAddress } from '../core/grid';
import { type Issue, type Severity, SEVERITY_RANK } from '../core/issue';
import type { Locale } from '../core/locale';
import { FIELD_LABELS } from '../schemas/field-labels';

/** Every severity, worst first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Counts of issues by severity. */
export type SeverityCounts = Record<Severity, number>;

/** The key of issues that concern no field (e.g. a sheet without data rows). */
export const SHEET_LEVEL = '';

/** What the list shows: the severities switched on, and one field or all ('*'). */
export interface IssueFilter {
  severities: readonly Severity[];
  field: string;
}

/** The filter that shows everything. */
export const SHOW_ALL: IssueFilter = { severities: SEVERITIES, field: '*' };

/** Issues of one field: counts by severity and the issues, worst first, then in sheet order. */
export interface IssueGroup {
  field: string;
  counts: SeverityCounts;
  issues: Issue[];
}

/** Zero counts. */
export function noCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

/** Counts issues by severity. */
export function countBySeverity(issues: readonly Issue[]): SeverityCounts {
  const counts = noCounts();
  for (const i of issues) counts[i.severity]++;
  return counts;
}

/** The label of a field key in a locale (the key itself when unknown; the whole sheet for no field). */
export function fieldLabel(field: string, locale: Locale, sheetLevel: string): string {
  if (field === SHEET_LEVEL) return sheetLevel;
  return FIELD_LABELS[field]?.[locale] ?? field;
}

/** The field an issue is grouped under. */
export function fieldOf(issue: Issue): string {
  return issue.field ?? SHEET_LEVEL;
}

/** The cell an issue points at; a row-only issue points at the row's first cell, a sheet-level one at nothing. */
export function targetCell(issue: Issue): string | undefined {
  if (issue.row === undefined) return undefined;
  return cellAddress(issue.row, issue.column ?? 1);
}

/** The exact A1 cell of an issue, only when it has both a row and a column. */
export function exactCell(issue: Issue): string | undefined {
  return issue.row !== undefined && issue.column !== undefined
    ? cellAddress(issue.row, issue.column)
    : undefined;
}

function compareIssues(a: Issue, b: Issue): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

/** Issues that pass a filter. */
export function filterIssues(issues: readonly Issue[], filter: IssueFilter): Issue[] {
  const on = new Set(filter.severities);
  return issues.filter((i) => on.has(i.severity) && (filter.field === '*' || fieldOf(i) === filter.field));
}

/**
 * Groups the issues that pass a filter by field. Groups are ordered by their worst issue, then by size; the
 * sheet-level group (missing columns, no data) comes first because it explains the others.
 */
export function groupIssues(issues: readonly Issue[], filter: IssueFilter = SHOW_ALL): IssueGroup[] {
  const byField = new Map<string, IssueGroup>();
  for (const issue of filterIssues(issues, filter)) {
    const field = fieldOf(issue);
    let group = byField.get(field);
    if (!group) byField.set(field, (group = { field, counts: noCounts(), issues: [] }));
    group.counts[issue.severity]++;
    group.issues.push(issue);
  }
  const groups = [...byField.values()];
  for (const g of groups) g.issues.sort(compareIssues);
  const worst = (g: IssueGroup) => SEVERITIES.findIndex((s) => g.counts[s] > 0);
  return groups.sort(
    (a, b) =>
      Number(b.field === SHEET_LEVEL) - Number(a.field === SHEET_LEVEL) ||
      worst(a) - worst(b) ||
      b.issues.length - a.issues.length ||
      a.field.localeCompare(b.field),
  );
}

/** The fields that have issues, with their counts, for the field filter (most issues first). */
export function fieldChoices(issues: readonly Issue[]): Array<{ field: string; count: number }> {
  const counts = new Map<string, number>();
  for (const i of issues) counts.set(fieldOf(i), (counts.get(fieldOf(i)) ?? 0) + 1);
  return [...counts]
    .map(([field, count]) => ({ field, count }))
    .sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
}

/** Toggles one severity in a filter; switching the last one off switches all back on. */
export function toggleSeverity(filter: IssueFilter, severity: Severity): IssueFilter {
  const on = new Set(filter.severities);
  if (on.has(severity)) on.delete(severity);
  else on.add(severity);
  return { ...filter, severities: on.size === 0 ? SEVERITIES : SEVERITIES.filter((s) => on.has(s)) };
}

/**
 * Cuts grouped issues to at most `limit` rows in total, keeping group order, so a 50k-row sheet with thousands of
 * issues renders quickly; `hidden` says how many were left out.
 */
export function limitGroups(
  groups: readonly IssueGroup[],
  limit: number,
): { groups: IssueGroup[]; hidden: number } {
  let left = limit;
  let hidden = 0;
  const out: IssueGroup[] = [];
  for (const g of groups) {
    const take = Math.max(0, Math.min(left, g.issues.length));
    hidden += g.issues.length - take;
    left -= take;
    out.push(take === g.issues.length ? g : { ...g, issues: g.issues.slice(0, take) });
  }
  return { groups: out, hidden };
}

/** How many issue rows are drawn at first, and added by each "show more". */
export const PAGE = 300;

/** The key of an issue's place, to highlight the one clicked. */
export function placeKey(issue: Issue): string {
  return `${issue.sheet}!${exactCell(issue) ?? `${issue.row ?? ''}:${issue.code}`}`;
}
