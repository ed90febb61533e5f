import { type Grid, GridView } from '../../core/grid';
import { cellText } from '../../core/normalise';
import { readSheet } from '../../core/validate';
import { SCHEMAS } from '../../schemas';
import type { FileTally } from './tally-sources';
import type { UnitMatcher } from './unit-names';

/**
 * What a file that gave no declaration was taken to be: not read (its error), not opened (a type the tally does
 * not read), empty, an inspection list, an adjustment report, the quota table, a declaration form or list left
 * blank, a Word document without a declaration table, or something else.
 */
export type NoDeclarationKind =
  | 'unreadable'
  | 'skipped'
  | 'blank'
  | 'checklist'
  | 'adjustment'
  | 'quota'
  | 'empty-form'
  | 'document'
  | 'other';

/** A file that gave no declaration, what it was taken to be, and the table unit it seems to belong to. */
export interface NoDeclaration {
  file: string;
  kind: NoDeclarationKind;
  /** The table unit named by the file's name or title lines, or null. */
  unit: string | null;
  /** Why, for a file not read or not opened (the reader's sentence). */
  message: string | null;
}

/** The words the summary workbook uses for each kind. */
export const NO_DECLARATION_WORDS: Record<NoDeclarationKind, string> = {
  unreadable: '无法读取',
  skipped: '未读取',
  blank: '空白工作簿',
  checklist: '检查实施清单，不是监测点申报表',
  adjustment: '动态调整情况表，不是监测点申报表',
  quota: '监测点分配表',
  'empty-form': '空白申报表（没有填写企业名称）',
  document: 'Word 文档，其中没有申报表',
  other: '未识别为监测点申报表',
};

/** The first lines of a sheet as text (its title), for naming its unit and kind. */
function headLines(grid: Grid, rows = 6): string[] {
  const view = new GridView(grid);
  const out: string[] = [];
  for (let r = view.firstRow; r <= Math.min(view.lastRow, view.firstRow + rows - 1); r++)
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const t = cellText(view.raw(r, c));
      if (t !== '') out.push(t);
    }
  return out;
}

/** True when a grid holds no text at all. */
function isBlank(grid: Grid): boolean {
  return grid.values.every(
    (row) => !row || row.every((v) => v === null || v === undefined || cellText(v) === ''),
  );
}

/**
 * What a file that gave no declaration was taken to be, from its sheets (as read by the tally) and its grids:
 * the strongest reading of any sheet (a quota table, a blank form, an inspection list, an adjustment report),
 * else blank, a Word document, or other.
 */
export function classifyNoDeclaration(
  file: FileTally,
  grids: readonly Grid[] | undefined,
  matcher: UnitMatcher,
  word: boolean,
): NoDeclaration {
  const stem = file.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  // The file name, else the first sheet's title line (not the lines below it: a note's 县司法局：is its addressee).
  const title = grids?.[0] ? headLines(grids[0], 3)[0] : undefined;
  const found = matcher.findIn(stem) ?? (title !== undefined ? matcher.findIn(title) : undefined);
  const unit = found?.unit ?? null;
  const entry = (kind: NoDeclarationKind, message: string | null = null): NoDeclaration => ({
    file: file.file,
    kind,
    unit,
    message,
  });
  if (file.error) return entry('unreadable', file.error.message);
  if (file.sheets.some((s) => s.kind === 'declaration')) return entry('empty-form');
  if (file.sheets.some((s) => s.kind === 'quota')) return entry('quota');
  const all = grids ?? [];
  if (all.every(isBlank)) return entry('blank');
  if (all.some((g) => readSheet(g, SCHEMAS).schema?.kind === 'checklist')) return entry('checklist');
  if (all.some((g) => headLines(g, 10).some((t) => /动态调整/.test(t)))) return entry('adjustment');
  return entry(word ? 'document' : 'other');
}
