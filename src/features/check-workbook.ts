import { itemAt } from '../core/item-at';
import type { Grid } from '../core/grid';
import { cellAddress } from '../core/grid';
import { type Issue, SEVERITY_RANK } from '../core/issue';
import type { Locale } from '../core/locale';
import { formatIssue } from '../core/messages';
import type { SheetReport } from '../core/report';
import { type DeepPartial, resolveSettings, type Settings } from '../core/settings';
import { type SheetHint, validateGrid } from '../core/validate';
import type { CellMark } from '../core/workbook-port';
import { CATALOGUE, SCHEMAS } from '../schemas';
import { DEFAULT_SEVERITIES } from '../schemas/severities';

/** Validates every sheet of a workbook; each sheet is reported, recognised or not. Hints are per sheet name. */
export function checkGrids(
  grids: readonly Grid[],
  settings?: DeepPartial<Settings>,
  hints?: Readonly<Record<string, SheetHint>>,
): SheetReport[] {
  const resolved = resolveSettings(settings);
  return grids.map((g) => validateGrid(g, SCHEMAS, resolved, DEFAULT_SEVERITIES, hints?.[g.name]));
}

/** An issue's sentence in a locale. */
export function renderIssue(issue: Issue, locale: Locale): string {
  return formatIssue(issue, locale, CATALOGUE);
}

/** The A1 address of an issue, or undefined when it concerns no single cell. */
export function issueCell(issue: Issue): string | undefined {
  return issue.row !== undefined && issue.column !== undefined
    ? cellAddress(issue.row, issue.column)
    : undefined;
}

const SEVERITY_LABEL: Record<Locale, Record<Issue['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'Error', warning: 'Warning', info: 'Note' },
};

/** Severity word in a locale. */
export function severityLabel(severity: Issue['severity'], locale: Locale): string {
  return SEVERITY_LABEL[locale][severity];
}

/** The longest note written for one cell. */
const NOTE_LIMIT = 8000;

/**
 * One mark per flagged cell: the worst severity's colour and a note listing every problem of the cell, each
 * saying what is wrong and what is expected.
 */
export function issuesToMarks(reports: readonly SheetReport[], locale: Locale): CellMark[] {
  const byCell = new Map<string, { sheet: string; row: number; column: number; issues: Issue[] }>();
  for (const report of reports)
    for (const issue of report.issues) {
      if (issue.row === undefined || issue.column === undefined) continue;
      const key = `${report.name}\u0001${issue.row}\u0001${issue.column}`;
      let entry = byCell.get(key);
      if (!entry)
        byCell.set(key, (entry = { sheet: report.name, row: issue.row, column: issue.column, issues: [] }));
      entry.issues.push(issue);
    }
  return [...byCell.values()].map(({ sheet, row, column, issues }) => {
    issues.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const text = issues
      .map((i) => `[${severityLabel(i.severity, locale)}] ${renderIssue(i, locale)}`)
      .join('\n');
    // Excel holds 32,767 characters in a cell's note; a note of ours stays well under it, whatever the cell held.
    const note = text.length > NOTE_LIMIT ? `${text.slice(0, NOTE_LIMIT - 1)}…` : text;
    // Every cell in byCell got at least one issue; the first is the gravest after the sort.
    return { sheet, row, column, severity: itemAt(issues, 0).severity, note };
  });
}
