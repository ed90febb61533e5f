import type { Issue, Severity } from '../../core/issue';
import type { FileFinding } from '../../core/rule';
import type { Settings } from '../../core/settings';
import { DEFAULT_SEVERITIES } from '../../schemas/severities';

/** An issue of the tally: a check's issue object plus the file it was found in. */
export interface TallyIssue extends Issue {
  file: string;
}

/** Builds a tally issue graded by the user's settings, else the default severities. */
export function tallyIssue(
  settings: Settings,
  code: string,
  at: { file: string; sheet: string; row?: number; column?: number; field?: string; received?: string },
  params: Record<string, string | number>,
): TallyIssue {
  const severity: Severity = settings.severities[code] ?? DEFAULT_SEVERITIES[code] ?? 'error';
  const issue: TallyIssue = { code, severity, file: at.file, sheet: at.sheet, params };
  if (at.row !== undefined) issue.row = at.row;
  if (at.column !== undefined) issue.column = at.column;
  if (at.field !== undefined) issue.field = at.field;
  if (at.received !== undefined) issue.received = at.received;
  return issue;
}

/** A tally check's finding in `file`, graded by the user's settings, else the default severities. */
export function gradeTally(settings: Settings, file: string, finding: FileFinding): TallyIssue {
  return tallyIssue(settings, finding.code, { ...finding, file }, finding.params);
}
