import type { Grid } from '../../core/grid';
import { cellText, normaliseLabel } from '../../core/normalise';
import type { Settings } from '../../core/settings';
import { readSheet, validateRows } from '../../core/validate';
import { scaleRule } from '../../rules/scale/scale.rule';
import { SCHEMAS } from '../../schemas';
import { DEFAULT_SEVERITIES } from '../../schemas/severities';
import type { CellAt, Declaration, UnitRef } from './declaration';
import { sheetUnit, unitRef } from './resolve-unit';
import type { TallyIssue } from './tally-issue';
import type { UnitMatcher } from './unit-names';

/** What reading declarations needs: the unit matcher and the settings. */
export interface ReadContext {
  matcher: UnitMatcher;
  settings: Settings;
}

/** The declarations of one sheet and the issues found in it. */
export interface SheetDeclarations {
  layout: 'list' | 'form';
  declarations: Declaration[];
  issues: TallyIssue[];
}

/** Headers that name the nominating unit only when they are the whole label. */
const UNIT_ALONE = new Set(['单位', '部门', '单位名称']);

/** 统一社会信用代码 as written: upper case, no spaces; a number cell keeps every digit. */
export function usccText(value: unknown, text: string): string {
  const raw = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : text;
  return raw.replace(/\s/g, '').toUpperCase();
}

/** 规模 read by the scale rule (大型 included), or undefined. */
export function scaleOf(text: string, settings: Settings): Declaration['scale'] {
  if (text === '') return undefined;
  const parsed = scaleRule.parse({ text, value: text }, { settings });
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Reads a declaration list (one row per enterprise), when the engine recognises the sheet as one: its rows
 * become declarations, its issues are those `drc check` reports. Undefined for any other sheet.
 */
export function readDeclarationList(
  grid: Grid,
  file: string,
  ctx: ReadContext,
): SheetDeclarations | undefined {
  const sheet = readSheet(grid, SCHEMAS);
  if (sheet.schema?.kind !== 'declaration' || !sheet.header) return undefined;
  const { view, header } = sheet;
  if (!header.columns.has('unit')) {
    const column = [...header.labels].find(([, label]) => UNIT_ALONE.has(normaliseLabel(label)))?.[0];
    if (column !== undefined) header.columns.set('unit', column);
  }
  const issues: TallyIssue[] = validateRows(sheet, ctx.settings, DEFAULT_SEVERITIES).map((i) => ({
    ...i,
    file,
  }));
  const titles: string[] = [];
  for (let r = view.firstRow; r < header.firstRow; r++) {
    const texts: string[] = [];
    for (let c = view.firstColumn; c <= view.lastColumn; c++)
      texts.push(cellText(view.raw(r, c), view.format(r, c)));
    const line = texts.filter((t) => t !== '').join(' ');
    if (line !== '') titles.push(line);
  }
  let fallback: UnitRef | undefined;
  const sheetLevel = () => (fallback ??= sheetUnit(ctx.matcher, { titles, sheet: grid.name, file }));
  let lastUnit: { text: string; cell: CellAt } | undefined;
  const declarations: Declaration[] = [];
  for (const r of sheet.dataRows) {
    const fields: Record<string, string> = {};
    const cells: Record<string, CellAt> = {};
    const values: Record<string, unknown> = {};
    for (const [key, column] of header.columns) {
      const { value, format } = view.resolved(r, column);
      fields[key] = cellText(value, format);
      values[key] = value;
      const merge = view.mergeAt(r, column);
      cells[key] = merge && fields[key] !== '' ? { row: merge.top, column: merge.left } : { row: r, column };
    }
    // 推荐单位 written once with blanks below means "same as above", as in the checklist's 检查主体.
    if (header.columns.has('unit')) {
      const written = fields.unit ?? '';
      if (written !== '' && cells.unit) lastUnit = { text: written, cell: cells.unit };
      else if (written === '' && lastUnit) {
        fields.unit = lastUnit.text;
        cells.unit = lastUnit.cell;
      }
    }
    const enterprise = fields.enterprise ?? '';
    if (enterprise === '') continue;
    const unit = fields.unit
      ? { ...unitRef(ctx.matcher, fields.unit, 'column'), cell: cells.unit }
      : sheetLevel();
    declarations.push({
      file,
      sheet: grid.name,
      row: r,
      layout: 'list',
      enterprise,
      uscc: fields.uscc ? usccText(values.uscc, fields.uscc) : '',
      scale: scaleOf(fields.scale ?? '', ctx.settings),
      fields,
      cells,
      unit,
    });
  }
  return { layout: 'list', declarations, issues };
}
