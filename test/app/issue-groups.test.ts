import type { Issue } from '../../src/core/issue';
import {
  countBySeverity,
  exactCell,
  fieldChoices,
  fieldLabel,
  filterIssues,
  groupIssues,
  limitGroups,
  SHEET_LEVEL,
  SHOW_ALL,
  targetCell,
  toggleSeverity,
} from '../../src/app/issue-groups';

const issue = (
  severity: Issue['severity'],
  field: string | undefined,
  row?: number,
  column?: number,
): Issue => ({
  code: `x/${severity}`,
  severity,
  sheet: 'S',
  row,
  column,
  field,
  params: {},
});

const ISSUES: Issue[] = [
  issue('warning', 'ratio', 9, 9),
  issue('error', 'ratio', 7, 9),
  issue('info', 'frequency', 10, 10),
  issue('error', 'basis', 8, 3),
  issue('warning', 'ratio', 10, 9),
  issue('warning', undefined, 4),
  issue('error', 'ratio', 13, 9),
];

describe('issue groups', () => {
  it('groups by field with counts; the sheet-level group first, then by worst severity and size', () => {
    const groups = groupIssues(ISSUES);
    expect(groups.map((g) => g.field)).toEqual([SHEET_LEVEL, 'ratio', 'basis', 'frequency']);
    expect(groups[1]!.counts).toEqual({ error: 2, warning: 2, info: 0 });
    expect(groups[1]!.issues.map((i) => `${i.severity}${i.row}`)).toEqual([
      'error7',
      'error13',
      'warning9',
      'warning10',
    ]);
  });

  it('filters by severity and field', () => {
    expect(filterIssues(ISSUES, { severities: ['error'], field: '*' })).toHaveLength(3);
    expect(filterIssues(ISSUES, { severities: ['error', 'warning'], field: 'ratio' })).toHaveLength(4);
    expect(groupIssues(ISSUES, { severities: ['info'], field: '*' }).map((g) => g.field)).toEqual([
      'frequency',
    ]);
  });

  it('toggles severities and never leaves none on', () => {
    const noErrors = toggleSeverity(SHOW_ALL, 'error');
    expect(noErrors.severities).toEqual(['warning', 'info']);
    expect(toggleSeverity(noErrors, 'error').severities).toEqual(['error', 'warning', 'info']);
    const onlyInfo = toggleSeverity(toggleSeverity(SHOW_ALL, 'error'), 'warning');
    expect(toggleSeverity(onlyInfo, 'info').severities).toEqual(['error', 'warning', 'info']);
  });

  it('counts, lists the fields with issues, and names them per locale', () => {
    expect(countBySeverity(ISSUES)).toEqual({ error: 3, warning: 3, info: 1 });
    expect(fieldChoices(ISSUES)[0]).toEqual({ field: 'ratio', count: 4 });
    expect(fieldLabel('ratio', 'zh-CN', '整表')).toBe('检查比例');
    expect(fieldLabel('ratio', 'en-US', 'Whole sheet')).toBe('Ratio');
    expect(fieldLabel(SHEET_LEVEL, 'zh-CN', '整表')).toBe('整表');
    expect(fieldLabel('somethingNew', 'zh-CN', '整表')).toBe('somethingNew');
  });

  it('points at the exact cell, or the first cell of the row for a row-level issue', () => {
    expect(exactCell(ISSUES[1]!)).toBe('I7');
    expect(targetCell(ISSUES[1]!)).toBe('I7');
    expect(exactCell(ISSUES[5]!)).toBeUndefined();
    expect(targetCell(ISSUES[5]!)).toBe('A4');
    expect(targetCell(issue('error', 'x'))).toBeUndefined();
  });

  it('limits the rows drawn and counts the rest', () => {
    const { groups, hidden } = limitGroups(groupIssues(ISSUES), 3);
    expect(groups.map((g) => g.issues.length)).toEqual([1, 2, 0, 0]);
    expect(hidden).toBe(4);
    expect(limitGroups(groupIssues(ISSUES), 100).hidden).toBe(0);
  });
});
