import pc from 'picocolors';
import type { Locale } from '../core/locale';
import { issueCell, renderIssue, severityLabel } from '../features/check-workbook';
import {
  DELIVERABLES,
  type DeliverableIssue,
  returnIssues,
  type ReviewedFile,
  type ReviewResult,
  type UnitReview,
} from '../features/review';
import { textWidth } from '../features/tally/text-height';
import { issueJson } from './output';
import { reviewText } from './review-messages';
import { tallyJson } from './tally-output';

/** What the run wrote: the workbook and the notes. */
export interface ReviewWritten {
  out?: string;
  notes?: string[];
}

/** A file as the JSON lists it. */
function fileJson(f: ReviewedFile) {
  return {
    file: f.file,
    kind: f.kind,
    kinds: f.kinds,
    unitSource: f.unitSource,
    unitText: f.unitText,
    error: f.error,
    sheets: f.sheets,
  };
}

/** An issue as the JSON lists it: `drc check`'s issue object plus the file, the sheet and the deliverable. */
function reviewIssueJson(i: DeliverableIssue, locale: Locale) {
  return {
    ...issueJson(i, locale),
    file: i.file || null,
    sheet: i.sheet || null,
    deliverable: i.deliverable ?? null,
  };
}

function unitJson(u: UnitReview, locale: Locale) {
  return {
    unit: u.unit,
    files: u.files.map(fileJson),
    deliverables: u.deliverables,
    errors: u.errors,
    warnings: u.warnings,
    items: u.list?.stats.items ?? 0,
    status: u.status,
    list: u.list ? { file: u.list.file, sheet: u.list.sheet, ...u.list.stats } : null,
    report: u.report ?? null,
    declaration: u.tally
      ? {
          quota: u.tally.quota,
          declared: u.tally.declared,
          submitted: u.tally.submitted,
          status: u.tally.status,
        }
      : null,
    issues: u.issues.map((i) => reviewIssueJson(i, locale)),
  };
}

/** The JSON document of `drc review --json` (fields may be added, never renamed). */
export function reviewJson(result: ReviewResult, locale: Locale, written: ReviewWritten = {}): unknown {
  const s = result.summary;
  return {
    units: result.units.map((u) => unitJson(u, locale)),
    unassigned: result.unassigned.map(({ file, issue }) => ({
      ...fileJson(file),
      reason: renderIssue(issue, locale),
      code: issue.code,
      suggestion: issue.params.suggestion || null,
    })),
    summary: {
      units: s.units,
      complete: s.complete,
      missing: s.missing,
      files: s.files,
      errors: s.errors,
      warnings: s.warnings,
      withIssues: s.withIssues,
    },
    register: {
      source: result.register.source,
      file: result.register.file ?? null,
      units: result.register.units.length,
    },
    year: result.year,
    region: result.region,
    countyList: {
      items: result.countyItems.length,
      sharedItems: result.countyItems.filter((c) => c.alsoListedBy.length > 0).length,
    },
    tally: tallyJson(result.tally, locale),
    out: written.out ?? null,
    notes: written.notes ?? [],
  };
}

/** True when every unit is complete and nothing anywhere is an error (exit 0). */
export function reviewClean(result: ReviewResult): boolean {
  return result.summary.complete === result.summary.units && result.summary.errors === 0;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - textWidth(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - textWidth(s))) + s;

/** Issue lines printed per unit; the workbook, the notes and `--json` have every one. */
const MAX_PER_UNIT = 20;

/** The readable summary printed by `drc review`. */
export function reviewTextReport(
  result: ReviewResult,
  locale: Locale,
  colour: boolean,
  written: ReviewWritten & { ignored?: number } = {},
): string {
  const c = colour
    ? pc
    : { ...pc, red: String, yellow: String, cyan: String, bold: String, dim: String, green: String };
  const t = (key: Parameters<typeof reviewText>[1], params: Record<string, string | number> = {}) =>
    reviewText(locale, key, params);
  const r = result.register;
  const register =
    r.source === 'file'
      ? t('register/file', { file: (r.file ?? '').replace(/^.*[\\/]/, ''), units: r.units.length })
      : t('register/quota', { units: r.units.length });
  const lines = [c.bold(t('title')), '', t('inboxLine', { files: result.summary.files, register })];
  if (written.ignored) lines.push(c.dim(t('ignored', { count: written.ignored })));
  lines.push('');

  const head = t('head').split('|');
  const cell = (u: UnitReview, d: (typeof DELIVERABLES)[number][0]) => {
    const status = u.deliverables[d];
    const n = u.issues.filter((i) => i.deliverable === d && i.severity === 'error').length;
    const text = t(`status/${status}`, { n });
    return {
      text,
      paint:
        status === 'ok' ? c.green : status === 'issues' ? c.yellow : status === 'missing' ? c.red : c.dim,
    };
  };
  const nameWidth = Math.max(textWidth(head[1] ?? ''), ...result.units.map((u) => textWidth(u.unit))) + 2;
  const widths = DELIVERABLES.map(
    ([d], k) =>
      Math.max(textWidth(head[2 + k] ?? ''), ...result.units.map((u) => textWidth(cell(u, d).text))) + 2,
  );
  type Cell = { text: string; paint?: (s: string) => string };
  const row = (cells: Cell[]) => {
    const at = (k: number): Cell => cells[k] ?? { text: '' };
    return (
      `  ${padStart(at(0).text, 4)}  ${pad(at(1).text, nameWidth)}` +
      cells
        .slice(2, 5)
        .map((x, k) => (x.paint ?? String)(pad(x.text, widths[k] ?? 0)))
        .join('') +
      `${padStart(at(5).text, 5)}${padStart(at(6).text, 6)}  ${(at(7).paint ?? String)(at(7).text)}`
    );
  };
  lines.push(c.bold(row(head.map((text) => ({ text })))));
  result.units.forEach((u, i) =>
    lines.push(
      row([
        { text: String(i + 1) },
        { text: u.unit },
        ...DELIVERABLES.map(([d]) => cell(u, d)),
        { text: String(u.errors) },
        { text: String(u.warnings) },
        {
          text: t(`unit/${u.status}`),
          paint: u.status === 'complete' ? c.green : u.status === 'issues' ? c.yellow : c.red,
        },
      ]),
    ),
  );
  lines.push('', c.bold(t('total', result.summary)));

  if (result.unassigned.length > 0) {
    lines.push('', c.bold(t('unassigned', { count: result.unassigned.length })));
    for (const { file, issue } of result.unassigned)
      lines.push(`  ${file.file}  ${t(`kind/${file.kind}`)}  ${renderIssue(issue, locale)}`);
  }

  const toReturn = result.units.filter((u) => returnIssues(u).length > 0);
  if (toReturn.length > 0) {
    lines.push('', c.bold(t('returns')));
    for (const u of toReturn) {
      const issues = returnIssues(u);
      lines.push(c.bold(`  ${t('unitLine', { unit: u.unit, errors: u.errors, warnings: u.warnings })}`));
      for (const i of issues.slice(0, MAX_PER_UNIT)) {
        const sev = i.severity === 'error' ? c.red : c.yellow;
        const material = t(`material/${i.deliverable ?? 'file'}`);
        const where = i.file
          ? ` ${i.file.replace(/^.*\//, '')}${i.sheet ? ` ${i.sheet}` : ''}${issueCell(i) ? `!${issueCell(i)}` : ''}`
          : '';
        lines.push(
          `    ${sev(severityLabel(i.severity, locale))} ${material}${where}  ${renderIssue(i, locale)}`,
        );
      }
      if (issues.length > MAX_PER_UNIT)
        lines.push(c.dim(`    ${t('more', { count: issues.length - MAX_PER_UNIT })}`));
    }
  }
  if (written.out || written.notes?.length) lines.push('');
  if (written.out) lines.push(c.dim(t('written', { path: written.out })));
  if (written.notes?.length)
    lines.push(
      c.dim(
        t('notesWritten', {
          count: written.notes.length,
          dir: (written.notes[0] ?? '').replace(/[\\/][^\\/]*$/, ''),
        }),
      ),
    );
  return lines.join('\n');
}
