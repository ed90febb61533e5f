import pc from 'picocolors';
import type { Locale } from '../core/locale';
import { type CompareResult, listsAgree } from '../features/compare/compare-lists';
import { differenceRows } from '../features/compare/compare-sheet';
import type { ListRead } from '../features/compare/read-list';
import { fieldLabel } from '../schemas/field-labels';
import { meaningText } from './adjust-output';
import { listText } from './list-messages';

/** The inputs of one comparison, for naming files in the output. */
export interface CompareInputs {
  fileA: string;
  fileB: string;
  a: ListRead;
  b: ListRead;
  written?: string;
}

const label = (field: string, locale: Locale) =>
  field === 'itemName' ? (locale === 'zh-CN' ? '事项名称' : 'Item name') : fieldLabel(field, locale);

/** The JSON document of `drc compare --json` (fields may be added, never renamed). */
export function compareJson(r: CompareResult, inputs: CompareInputs, locale: Locale): unknown {
  return {
    countA: r.countA,
    countB: r.countB,
    onlyInA: r.onlyInA,
    onlyInB: r.onlyInB,
    differences: r.differences.map((d) => ({
      itemName: d.itemName,
      field: d.field,
      a: d.a,
      b: d.b,
      label: label(d.field, locale),
      ...(d.meaning ? { meaning: { a: d.meaning[locale][0], b: d.meaning[locale][1] } } : {}),
      ...(d.itemNameB ? { itemNameB: d.itemNameB } : {}),
      rowA: d.rowA,
      rowB: d.rowB,
    })),
    agencyCode: r.agencyCode,
    uncertain: r.uncertain,
    matched: r.matched,
    agree: listsAgree(r),
    differenceCount: differenceRows(r).length,
    a: { file: inputs.fileA, sheet: inputs.a.sheet, headerRow: inputs.a.headerRow },
    b: { file: inputs.fileB, sheet: inputs.b.sheet, headerRow: inputs.b.headerRow },
    output: inputs.written ?? null,
  };
}

/** The readable summary printed by `drc compare`. */
export function compareText(
  r: CompareResult,
  inputs: CompareInputs,
  locale: Locale,
  colour: boolean,
): string {
  const c = colour ? pc : { ...pc, red: String, yellow: String, green: String, bold: String, dim: String };
  const t = (k: Parameters<typeof listText>[1], p: Record<string, string | number> = {}) =>
    listText(locale, k, p);
  const lines = [
    c.bold(t('compareTitle')),
    t('listLine', { role: t('listA'), file: inputs.fileA, sheet: inputs.a.sheet, count: r.countA }),
    t('listLine', { role: t('listB'), file: inputs.fileB, sheet: inputs.b.sheet, count: r.countB }),
    '',
    (r.countA === r.countB ? String : c.red)(t('counts', { countA: r.countA, countB: r.countB })),
  ];
  const partner = new Map(
    r.uncertain.flatMap(
      (u) =>
        [
          [u.a, u],
          [u.b, u],
        ] as const,
    ),
  );
  const maybe = (name: string) => {
    const u = partner.get(name);
    return u ? c.dim(`  ${t('uncertainPair', { previous: u.a, current: u.b, score: u.score })}`) : '';
  };
  if (r.onlyInA.length)
    lines.push(
      c.bold(t('onlyInA', { count: r.onlyInA.length })),
      ...r.onlyInA.map((n) => `  - ${n}${maybe(n)}`),
    );
  if (r.onlyInB.length)
    lines.push(
      c.bold(t('onlyInB', { count: r.onlyInB.length })),
      ...r.onlyInB.map((n) => `  + ${n}${maybe(n)}`),
    );
  if (r.differences.length) {
    lines.push(c.bold(t('differences', { count: r.differences.length })));
    for (const d of r.differences)
      lines.push(
        `  * ${t('difference', { itemName: d.itemName, field: label(d.field, locale), a: d.a || t('none'), b: d.b || t('none') })}${meaningText(d.meaning, locale)}`,
      );
  }
  const code = r.agencyCode;
  const show = (v: string | null, valid: boolean) =>
    v === null ? t('none') : `${v}${valid ? '' : t('codeInvalid')}`;
  const missing = code.a === null && code.b === null;
  const codeOk = missing || (code.same && code.validA);
  const verdict = t(missing ? 'codeMissing' : code.same ? 'codeSame' : 'codeDiffers');
  lines.push(
    (codeOk ? String : c.red)(
      t('agencyCode', { a: show(code.a, code.validA), b: show(code.b, code.validB), verdict }),
    ),
  );
  const n = differenceRows(r).length;
  lines.push('', listsAgree(r) ? c.green(t('agree')) : c.bold(t('disagree', { count: n })));
  if (inputs.written) lines.push(t('written', { path: inputs.written }));
  return lines.join('\n');
}
