import pc from 'picocolors';
import type { Issue } from '../core/issue';
import type { Locale } from '../core/locale';
import type { FileReport } from '../core/report';
import { issueCell, renderIssue, severityLabel } from '../features/check-workbook';
import { SCHEMAS } from '../schemas';
import { FIELD_LABELS } from '../schemas/field-labels';
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

/** The JSON document of `drc check --json` (fields may be added, never renamed). */
export function toJson(reports: readonly FileReport[], locale: Locale): unknown {
  return {
    files: reports.map((f) => ({
      file: f.file,
      error: f.error,
      sheets: f.sheets.map((s) => ({
        name: s.name,
        kind: s.kind,
        headerRow: s.headerRow,
        dataRows: s.dataRows,
        columns: s.columns,
        issues: s.issues.map((i) => issueJson(i, locale)),
      })),
    })),
    summary: summarise(reports),
  };
}

const MAX_LINES_PER_SHEET = 200;

/** The readable summary per file and sheet, as printed by `drc check`. */
export function toText(
  reports: readonly FileReport[],
  locale: Locale,
  colour: boolean,
  written: Map<string, string>,
): string {
  const c = colour
    ? pc
    : { ...pc, red: String, yellow: String, cyan: String, bold: String, dim: String, green: String };
  const paint = (i: Issue) => (i.severity === 'error' ? c.red : i.severity === 'warning' ? c.yellow : c.cyan);
  const lines: string[] = [c.bold(cliText(locale, 'title')), ''];
  for (const f of reports) {
    lines.push(c.bold(f.file));
    if (f.error) {
      lines.push(`  ${c.red(`✖ ${f.error.message}`)}`, '');
      continue;
    }
    for (const s of f.sheets) {
      if (s.kind === 'unknown') {
        const cols = Object.entries(s.columns)
          .map(([k, col]) => `${col}=${FIELD_LABELS[k]?.[locale] ?? k}`)
          .join(' ');
        const guess = s.headerRow ? cliText(locale, 'guess', { headerRow: s.headerRow, columns: cols }) : '';
        lines.push(c.dim(`  ${cliText(locale, 'sheetUnknown', { sheet: s.name, guess })}`));
        continue;
      }
      const kind = SCHEMAS.find((k) => k.kind === s.kind)?.label[locale] ?? s.kind;
      lines.push(
        `  ${cliText(locale, 'sheetLine', { sheet: s.name, kind, headerRow: s.headerRow ?? '-', dataRows: s.dataRows })}`,
      );
      const sum = summarise([{ file: f.file, error: null, sheets: [s] }]);
      lines.push(
        `  ${s.issues.length === 0 ? c.green(`✔ ${cliText(locale, 'clean')}`) : cliText(locale, 'counts', sum as unknown as Record<string, number>)}`,
      );
      for (const i of s.issues.slice(0, MAX_LINES_PER_SHEET)) {
        const where = (issueCell(i) ?? (i.row ? `#${i.row}` : '')).padEnd(6);
        lines.push(
          `    ${paint(i)(`${severityLabel(i.severity, locale)}`)} ${where} ${renderIssue(i, locale)}`,
        );
      }
      if (s.issues.length > MAX_LINES_PER_SHEET)
        lines.push(`    ${c.dim(cliText(locale, 'more', { count: s.issues.length - MAX_LINES_PER_SHEET }))}`);
    }
    const copy = written.get(f.file);
    if (copy) lines.push(`  ${c.dim(cliText(locale, 'written', { path: copy }))}`);
    lines.push('');
  }
  const total = summarise(reports);
  lines.push(c.bold(cliText(locale, 'total', total as unknown as Record<string, number>)));
  return lines.join('\n');
}
