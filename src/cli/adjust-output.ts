import pc from 'picocolors';
import type { Locale } from '../core/locale';
import type { AdjustEntry, AdjustIssue, AdjustResult } from '../features/adjust/adjust-lists';
import { noChangeSentence, reportTitle } from '../features/adjust/report-sheet';
import { issueCell, renderIssue, severityLabel } from '../features/check-workbook';
import type { FieldChange } from '../features/compare/field-compare';
import type { ListRead } from '../features/compare/read-list';
import { fieldLabel } from '../schemas/field-labels';
import { listText } from './list-messages';
import { issueJson } from './output';

/** The inputs of one run, for naming files in the output. */
export interface AdjustInputs {
  previousFile: string;
  currentFile: string;
  confirmFile?: string;
  previous: ListRead;
  current: ListRead;
  /** The report written with --out, if any. */
  written?: string;
}

/** `（按含义：不低于5% → 5%）` / ` (meaning: at least 5% → 5%)` when a change carries its readings. */
export function meaningText(meaning: FieldChange['meaning'], locale: Locale): string {
  const m = meaning?.[locale];
  if (!m) return '';
  return locale === 'zh-CN' ? `（按含义：${m[0]} → ${m[1]}）` : ` (meaning: ${m[0]} → ${m[1]})`;
}

const label = (field: string, locale: Locale) =>
  field === 'itemName' ? (locale === 'zh-CN' ? '事项名称' : 'Item name') : fieldLabel(field, locale);

function changeJson(c: FieldChange, locale: Locale) {
  const meaning = c.meaning?.[locale];
  return {
    field: c.field,
    from: c.from,
    to: c.to,
    label: label(c.field, locale),
    ...(meaning ? { meaning: { from: meaning[0], to: meaning[1] } } : {}),
  };
}

/** Counts of a run: entries per type and issues per severity. */
export function adjustSummary(r: AdjustResult) {
  const count = (s: string) => r.issues.filter((i) => i.severity === s).length;
  return {
    added: r.added.length,
    deleted: r.deleted.length,
    modified: r.modified.length,
    unchanged: r.unchanged,
    uncertain: r.uncertain.length,
    errors: count('error'),
    warnings: count('warning'),
  };
}

function issueFile(i: AdjustIssue, inputs: AdjustInputs): string {
  if (i.source === 'previous') return inputs.previousFile;
  if (i.source === 'confirm') return inputs.confirmFile ?? '';
  return inputs.currentFile;
}

/** The JSON document of `drc adjust --json` (fields may be added, never renamed). */
export function adjustJson(r: AdjustResult, inputs: AdjustInputs, locale: Locale): unknown {
  // `row` is always the row in this year's list (a deleted item's row marked 删除, if any); `previousRow` last year's.
  const rows = (e: AdjustEntry) => ({ row: e.current?.row ?? null, previousRow: e.previous?.row ?? null });
  const entry = (e: AdjustEntry) => ({ itemName: e.itemName, reason: e.reason, ...rows(e) });
  return {
    unit: r.unit,
    year: r.year,
    added: r.added.map(entry),
    deleted: r.deleted.map(entry),
    modified: r.modified.map((e) => ({
      itemName: e.itemName,
      changes: e.changes.map((c) => changeJson(c, locale)),
      reason: e.reason,
      ...rows(e),
      ...(e.previousItemName ? { previousItemName: e.previousItemName } : {}),
      match: e.match,
      ...(e.score !== undefined ? { score: e.score } : {}),
    })),
    unchanged: r.unchanged,
    uncertain: r.uncertain.map((u) => ({
      previous: u.previous.itemName,
      current: u.current.itemName,
      score: u.score,
    })),
    issues: r.issues.map((i) => ({
      ...issueJson(i, locale),
      file: issueFile(i, inputs),
      sheet: i.sheet,
    })),
    title: reportTitle(r.unit, r.year),
    previous: {
      file: inputs.previousFile,
      sheet: inputs.previous.sheet,
      headerRow: inputs.previous.headerRow,
      items: r.previousCount,
    },
    current: {
      file: inputs.currentFile,
      sheet: inputs.current.sheet,
      headerRow: inputs.current.headerRow,
      items: r.currentCount,
    },
    summary: adjustSummary(r),
    output: inputs.written ?? null,
  };
}

/** The readable summary printed by `drc adjust`. */
export function adjustText(r: AdjustResult, inputs: AdjustInputs, locale: Locale, colour: boolean): string {
  const c = colour
    ? pc
    : { ...pc, red: String, yellow: String, green: String, bold: String, dim: String, cyan: String };
  const t = (k: Parameters<typeof listText>[1], p: Record<string, string | number> = {}) =>
    listText(locale, k, p);
  const why = (e: AdjustEntry) =>
    e.reason ? c.dim(t('reason', { reason: e.reason })) : c.red(t('noReason'));
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const lines = [
    c.bold(t('adjustTitle')),
    t('listLine', {
      role: t('previous'),
      file: inputs.previousFile,
      sheet: inputs.previous.sheet,
      count: r.previousCount,
    }),
    t('listLine', {
      role: t('current'),
      file: inputs.currentFile,
      sheet: inputs.current.sheet,
      count: r.currentCount,
    }),
    '',
    c.bold(reportTitle(r.unit, r.year)),
  ];
  if (!r.added.length && !r.deleted.length && !r.modified.length)
    lines.push(c.green(noChangeSentence(r.year)));
  if (r.added.length)
    lines.push(
      c.bold(t('added', { count: r.added.length })),
      ...r.added.map((e) => `  + ${e.itemName}  ${why(e)}`),
    );
  if (r.deleted.length)
    lines.push(
      c.bold(t('deleted', { count: r.deleted.length })),
      ...r.deleted.map((e) => `  - ${e.itemName}  ${why(e)}`),
    );
  if (r.modified.length) {
    lines.push(c.bold(t('modified', { count: r.modified.length })));
    for (const e of r.modified) {
      const changes = e.changes
        .map(
          (ch) =>
            `${label(ch.field, locale)} ${ch.from || '—'} → ${ch.to || '—'}${meaningText(ch.meaning, locale)}`,
        )
        .join(sep);
      const similar = e.score !== undefined ? t('similar', { score: e.score }) : '';
      lines.push(`  * ${e.itemName}${locale === 'zh-CN' ? '：' : ': '}${changes}${similar}  ${why(e)}`);
    }
  }
  lines.push(t('unchanged', { count: r.unchanged }));
  if (r.uncertain.length) {
    lines.push('', c.yellow(t('uncertain', { count: r.uncertain.length })));
    for (const u of r.uncertain)
      lines.push(
        `  ${t('uncertainPair', { previous: u.previous.itemName, current: u.current.itemName, score: u.score })}`,
      );
    lines.push(
      `  ${c.dim(t('confirmHint'))}`,
      '    原事项名称,现事项名称',
      ...r.uncertain.map((u) => `    ${u.previous.itemName},${u.current.itemName}`),
    );
  }
  const s = adjustSummary(r);
  if (r.issues.length) {
    lines.push('', c.bold(t('issues', s)));
    for (const i of r.issues) {
      const paint = i.severity === 'error' ? c.red : c.yellow;
      const role =
        i.source === 'previous'
          ? t('previous')
          : i.source === 'current'
            ? t('current')
            : (inputs.confirmFile ?? '');
      lines.push(
        `  ${paint(severityLabel(i.severity, locale))} ${role} ${(issueCell(i) ?? '').padEnd(5)} ${renderIssue(i, locale)}`,
      );
    }
  }
  if (inputs.written) lines.push('', t('written', { path: inputs.written }));
  return lines.join('\n');
}
