import pc from 'picocolors';
import type { Issue } from '../core/issue';
import type { Locale } from '../core/locale';
import { textWidth } from '../core/normalise';
import type { FileError, FileReport } from '../core/report';
import { issueCell, renderIssue, severityLabel } from '../features/check-workbook';
import { SCHEMAS } from '../schemas';
import { fieldLabel } from '../schemas/field-labels';
import { fileText, skipText } from '../hosts/files/file-messages';
import type { SkippedFile } from '../hosts/files/list-inputs';
import { legacyFormatName } from '../hosts/xlsx/errors';
import type { CheckedFile } from './check-command';
import { cliText } from './cli-messages';

/** Totals over all files. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts errors, warnings and notes over every file and sheet. */
export function summarise(reports: readonly FileReport[]): Summary {
  const s: Summary = { files: reports.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of reports)
    for (const sheet of f.sheets)
      for (const i of sheet.issues) {
        if (i.severity === 'error') s.errors++;
        else if (i.severity === 'warning') s.warnings++;
        else s.infos++;
      }
  return s;
}

/** An issue as every command's JSON shows it (fields may be added, never renamed). */
export function issueJson(i: Issue, locale: Locale) {
  return {
    code: i.code,
    severity: i.severity,
    cell: issueCell(i) ?? null,
    row: i.row ?? null,
    column: i.column ?? null,
    field: i.field ?? null,
    received: i.received ?? null,
    message: renderIssue(i, locale),
    params: i.params,
  };
}

/** Issues in reading order: sheet-level findings first, then by row, then by column (stable otherwise). */
export function sortIssues<T extends Issue>(issues: readonly T[]): T[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (a.issue.row ?? 0) - (b.issue.row ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i,
    )
    .map((x) => x.issue);
}

/** What a run adds to its files' reports: the entries it did not read, and why no copy was written at all. */
export interface RunExtras {
  skipped?: readonly SkippedFile[];
  /** The problem that refused every marked copy (`--out`), printed after the results. */
  outError?: FileError;
}

/** The JSON document of `drc check --json` (fields may be added, never renamed). */
export function toJson(reports: readonly CheckedFile[], locale: Locale, extras: RunExtras = {}): unknown {
  const skipped = extras.skipped ?? [];
  return {
    files: reports.map((f) => ({
      file: f.file,
      error: f.error,
      ...(f.convertedFrom ? { convertedFrom: f.convertedFrom } : {}),
      ...(f.copy ? { copy: f.copy } : {}),
      ...(f.writeError ? { writeError: f.writeError } : {}),
      sheets: f.sheets.map((s) => ({
        name: s.name,
        kind: s.kind,
        headerRow: s.headerRow,
        dataRows: s.dataRows,
        columns: s.columns,
        issues: sortIssues(s.issues).map((i) => issueJson(i, locale)),
      })),
    })),
    skipped: skipped.map((k) => ({ file: k.path, reason: k.reason, message: skipText(locale, k) })),
    ...(extras.outError ? { outError: extras.outError } : {}),
    summary: { ...summarise(reports), skipped: skipped.length },
  };
}

const MAX_LINES_PER_SHEET = 200;

/** Line breaks and tabs of a value shown on one terminal line. */
const oneLine = (s: string) => s.replace(/\r\n|\r|\n/g, '↵').replace(/\t/g, ' ');

/** The readable summary per file and sheet, as printed by `drc check`. */
export function toText(
  reports: readonly CheckedFile[],
  locale: Locale,
  colour: boolean,
  extras: RunExtras = {},
): string {
  const c = colour
    ? pc
    : { ...pc, red: String, yellow: String, cyan: String, bold: String, dim: String, green: String };
  const paint = (i: Issue) => (i.severity === 'error' ? c.red : i.severity === 'warning' ? c.yellow : c.cyan);
  const labelWidth = Math.max(
    ...(['error', 'warning', 'info'] as const).map((s) => textWidth(severityLabel(s, locale))),
  );
  const lines: string[] = [c.bold(cliText(locale, 'title')), ''];
  for (const f of reports) {
    lines.push(c.bold(f.file));
    if (f.error) {
      lines.push(`  ${c.red(`✖ ${oneLine(f.error.message)}`)}`, '');
      continue;
    }
    if (f.convertedFrom)
      lines.push(
        `  ${c.dim(cliText(locale, 'converted', { formatName: legacyFormatName(f.convertedFrom, locale) }))}`,
      );
    for (const s of f.sheets) {
      if (s.kind === 'unknown') {
        const cols = Object.entries(s.columns)
          .map(([k, col]) => `${col}=${fieldLabel(k, locale)}`)
          .join(' ');
        const guess = s.headerRow ? cliText(locale, 'guess', { headerRow: s.headerRow, columns: cols }) : '';
        lines.push(c.dim(`  ${oneLine(cliText(locale, 'sheetUnknown', { sheet: s.name, guess }))}`));
        continue;
      }
      const kind = SCHEMAS.find((k) => k.kind === s.kind)?.label[locale] ?? s.kind;
      lines.push(
        `  ${oneLine(cliText(locale, 'sheetLine', { sheet: s.name, kind, headerRow: s.headerRow ?? '-', dataRows: s.dataRows }))}`,
      );
      const sum = summarise([{ file: f.file, error: null, sheets: [s] }]);
      lines.push(
        `  ${s.issues.length === 0 ? c.green(`✔ ${cliText(locale, 'clean')}`) : cliText(locale, 'counts', sum as unknown as Record<string, number>)}`,
      );
      const shown = sortIssues(s.issues).slice(0, MAX_LINES_PER_SHEET);
      const where = (i: Issue) => issueCell(i) ?? (i.row ? `#${i.row}` : '');
      const whereWidth = Math.max(4, ...shown.map((i) => where(i).length));
      for (const i of shown) {
        const label = severityLabel(i.severity, locale);
        const padded = label + ' '.repeat(labelWidth - textWidth(label));
        lines.push(
          `    ${paint(i)(padded)} ${where(i).padEnd(whereWidth)}  ${oneLine(renderIssue(i, locale))}`,
        );
      }
      if (s.issues.length > MAX_LINES_PER_SHEET)
        lines.push(`    ${c.dim(cliText(locale, 'more', { count: s.issues.length - MAX_LINES_PER_SHEET }))}`);
    }
    if (f.copy) {
      const key = f.convertedFrom ? 'writtenConverted' : 'written';
      const formatName = f.convertedFrom ? legacyFormatName(f.convertedFrom, locale) : '';
      lines.push(`  ${c.dim(cliText(locale, key, { path: f.copy, formatName }))}`);
    }
    if (f.writeError)
      lines.push(
        `  ${c.red(`✖ ${cliText(locale, 'notWritten', { reason: oneLine(f.writeError.message) })}`)}`,
      );
    lines.push('');
  }
  const skipped = extras.skipped ?? [];
  if (skipped.length > 0) {
    lines.push(c.bold(fileText(locale, 'skipped', { count: skipped.length })));
    for (const k of skipped) lines.push(`  ${k.path}  ${c.dim(skipText(locale, k))}`);
    lines.push('');
  }
  const total = { ...summarise(reports), skipped: skipped.length };
  lines.push(
    c.bold(
      cliText(
        locale,
        skipped.length > 0 ? 'totalSkipped' : 'total',
        total as unknown as Record<string, number>,
      ),
    ),
  );
  return lines.join('\n');
}
