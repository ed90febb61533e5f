import pc from 'picocolors';
import type { Locale } from '../core/locale';
import { issueCell, renderIssue, severityLabel } from '../features/check-workbook';
import type { TallyIssue, TallyResult, UnitStatus } from '../features/tally';
import { regionWhole } from '../features/tally/quota-table';
import { textWidth } from '../features/tally/text-height';
import { issueJson } from './output';
import { tallyText } from './tally-messages';

/** Counts of the tally's issues by severity. */
function counts(issues: readonly TallyIssue[]) {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const i of issues)
    c[i.severity === 'error' ? 'errors' : i.severity === 'warning' ? 'warnings' : 'infos']++;
  return c;
}

/** The issue object of `drc check --json`, plus the file and sheet it belongs to. */
function tallyIssueJson(i: TallyIssue, locale: Locale) {
  return { ...issueJson(i, locale), file: i.file, sheet: i.sheet };
}

/** The JSON document of `drc tally --json` (fields may be added, never renamed). */
export function tallyJson(result: TallyResult, locale: Locale, written?: string): unknown {
  return {
    quotaTotal: result.quotaTotal,
    declaredTotal: result.declaredTotal,
    units: result.units,
    unknownUnits: result.unknownUnits.map((u) => ({
      name: u.name,
      file: u.file,
      suggestion: u.suggestion,
      sheet: u.sheet,
      declarations: u.declarations,
      registered: u.registered,
    })),
    duplicates: result.duplicates,
    excluded: result.excluded,
    issues: result.issues.map((i) => tallyIssueJson(i, locale)),
    quota: {
      title: result.quota.title,
      region: result.quota.region,
      source: result.quota.source,
      file: result.quota.file ?? null,
      sheet: result.quota.sheet ?? null,
      units: result.quota.units.length,
      stated: result.quota.stated ?? null,
    },
    files: result.files,
    summary: {
      files: result.files.length,
      declarations: result.declarations.length,
      ...counts(result.issues),
    },
    out: written ?? null,
    shortfall: result.shortfall,
    excess: result.excess,
    possibleDuplicates: result.possibleDuplicates,
    noDeclaration: result.noDeclaration,
  };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - textWidth(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - textWidth(s))) + s;

/** A unit's status in words. */
function statusWords(locale: Locale, status: UnitStatus, difference: number): string {
  return tallyText(locale, status, { n: Math.abs(difference) });
}

/** Lines printed per list; `--json` has every item. */
const MAX_LINES = 200;

/** Exit-worthy: any error, a unit short, over or silent, or the county total off. */
export function tallyComplete(result: TallyResult): boolean {
  return (
    counts(result.issues).errors === 0 &&
    result.units.every((u) => u.status === 'met') &&
    result.declaredTotal === result.quotaTotal
  );
}

/** The readable summary printed by `drc tally`. */
export function tallyTextReport(
  result: TallyResult,
  locale: Locale,
  colour: boolean,
  written?: string,
): string {
  const c = colour
    ? pc
    : { ...pc, red: String, yellow: String, cyan: String, bold: String, dim: String, green: String };
  const paint: Record<UnitStatus, (s: string) => string> = {
    met: c.green,
    short: c.red,
    over: c.yellow,
    none: c.red,
  };
  const t = (key: Parameters<typeof tallyText>[1], params: Record<string, string | number> = {}) =>
    tallyText(locale, key, params);
  const q = result.quota;
  const source = t(`source/${q.source}`, { file: (q.file ?? '').replace(/^.*[\\/]/, '') });
  const lines = [
    c.bold(t('title')),
    '',
    t('quotaLine', { title: q.title || '-', source, units: q.units.length, total: q.total }),
  ];
  const more = (total: number) => {
    if (total > MAX_LINES) lines.push(c.dim(`  ${t('more', { count: total - MAX_LINES })}`));
  };
  lines.push(t('readLine', { files: result.files.length, declarations: result.declarations.length }));
  for (const f of result.files)
    if (f.error) lines.push(c.red(`  ✖ ${t('fileError', { message: f.error.message })}`));
  lines.push('');

  const [no = '', unit = '', quota = '', declared = '', diff = '', status = ''] = t('head').split('|');
  const nameWidth = Math.max(textWidth(unit), ...result.units.map((u) => textWidth(u.unit))) + 2;
  const row = (a: string, b: string, q1: string, d: string, e: string, s: string) =>
    `  ${padStart(a, 4)}  ${pad(b, nameWidth)}${padStart(q1, 6)}${padStart(d, 8)}${padStart(e, 6)}  ${s}`;
  lines.push(c.bold(row(no, unit, quota, declared, diff, status)));
  result.units.forEach((u, i) =>
    lines.push(
      row(
        String(i + 1),
        u.unit,
        String(u.quota),
        String(u.declared),
        signed(u.difference),
        paint[u.status](statusWords(locale, u.status, u.difference)),
      ),
    ),
  );
  const totalDiff = result.declaredTotal - result.quotaTotal;
  const { shortfall, excess } = result;
  // Shortage and excess are never netted: four units short by 5 and one over by 1 is 不足5，超出1, not 不足4.
  const totalWords =
    result.declaredTotal === 0 && result.quotaTotal > 0
      ? statusWords(locale, 'none', totalDiff)
      : shortfall.enterprises > 0 && excess.enterprises > 0
        ? t('totalStatus', { short: shortfall.enterprises, over: excess.enterprises })
        : shortfall.enterprises > 0
          ? statusWords(locale, 'short', -shortfall.enterprises)
          : excess.enterprises > 0
            ? statusWords(locale, 'over', excess.enterprises)
            : statusWords(locale, 'met', 0);
  lines.push(
    c.bold(
      row(
        '',
        t('total'),
        String(result.quotaTotal),
        String(result.declaredTotal),
        signed(totalDiff),
        totalWords,
      ),
    ),
  );
  lines.push('');

  if (result.duplicates.length > 0) {
    lines.push(c.bold(t('duplicates', { count: result.duplicates.length })));
    for (const d of result.duplicates.slice(0, MAX_LINES)) {
      const counted = d.countedFor
        ? t('countedFor', { unit: d.countedFor }) + (d.choice === 'order' ? '' : t(`choice/${d.choice}`))
        : '';
      lines.push(
        `  ${t('duplicate', { enterprise: d.enterprise, uscc: d.uscc ? ` ${d.uscc}` : '', units: d.units.join('、'), counted })}`,
      );
    }
    more(result.duplicates.length);
    lines.push(c.dim(`  ${t('decisionHint')}`));
  }
  if (result.possibleDuplicates.length > 0) {
    lines.push(c.bold(t('possible', { count: result.possibleDuplicates.length })));
    for (const p of result.possibleDuplicates.slice(0, MAX_LINES))
      lines.push(`  ${t('possibleLine', { names: p.enterprises.join(' / ') })}（${p.units.join('、')}）`);
    more(result.possibleDuplicates.length);
  }
  if (result.unknownUnits.length > 0) {
    lines.push(c.bold(t('unknown', { count: result.unknownUnits.length })));
    for (const u of result.unknownUnits.slice(0, MAX_LINES))
      lines.push(
        `  ${t('unknownLine', {
          name: u.name || t('unnamed'),
          file: u.file.replace(/^.*[\\/]/, ''),
          declarations: u.declarations,
          suggestion: u.registered
            ? t(u.registered === u.name ? 'registeredSame' : 'registered', { unit: u.registered })
            : u.suggestion
              ? t('suggestion', { unit: u.suggestion })
              : u.name
                ? t('noSuggestion')
                : '',
        })}`,
      );
    more(result.unknownUnits.length);
  }
  if (result.excluded.length > 0) {
    lines.push(c.bold(t('excluded', { count: result.excluded.length })));
    for (const e of result.excluded.slice(0, MAX_LINES))
      lines.push(
        `  ${t('excludedLine', { enterprise: e.enterprise, unit: e.unit || '-', reason: t(`reason/${e.reason}`, { unit: e.countedFor ?? '?' }) })}`,
      );
    more(result.excluded.length);
  }
  if (result.noDeclaration.length > 0) {
    lines.push(c.bold(t('noDeclaration', { count: result.noDeclaration.length })));
    for (const f of result.noDeclaration.slice(0, MAX_LINES))
      lines.push(
        `  ${t('noDeclarationLine', {
          file: f.file.replace(/^.*[\\/]/, ''),
          unit: f.unit ? t('noDeclarationUnit', { unit: f.unit }) : '',
          what: t(`kind/${f.kind}`, { message: f.message ?? '' }),
        })}`,
      );
    more(result.noDeclaration.length);
  }
  const n = counts(result.issues);
  if (result.issues.length > 0) {
    lines.push(c.bold(t('issues', n)));
    for (const i of result.issues.slice(0, MAX_LINES)) {
      const where = `${i.file.replace(/^.*[\\/]/, '')} ${i.sheet}${issueCell(i) ? `!${issueCell(i)}` : ''}`;
      const sev = i.severity === 'error' ? c.red : i.severity === 'warning' ? c.yellow : c.cyan;
      lines.push(`  ${sev(severityLabel(i.severity, locale))} ${where}  ${renderIssue(i, locale)}`);
    }
    more(result.issues.length);
  }
  lines.push('');
  const state =
    shortfall.enterprises > 0 && excess.enterprises > 0
      ? t('state/both', {
          n: shortfall.enterprises,
          units: shortfall.units,
          m: excess.enterprises,
          mUnits: excess.units,
        })
      : shortfall.enterprises > 0
        ? t('state/short', { n: shortfall.enterprises, units: shortfall.units })
        : excess.enterprises > 0
          ? t('state/over', { n: excess.enterprises, units: excess.units })
          : t('state/met');
  lines.push(
    c.bold(
      t('conclusion', {
        whole: regionWhole(result.quota.region),
        quota: result.quotaTotal,
        declared: result.declaredTotal,
        state,
      }),
    ),
  );
  if (written) lines.push(c.dim(t('written', { path: written })));
  return lines.join('\n');
}

/** A difference with its sign (+1, 0, −2). */
function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
