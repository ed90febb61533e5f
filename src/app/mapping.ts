import { itemAt } from '../core/item-at';
import { columnLetter, type Grid } from '../core/grid';
import type { Locale } from '../core/locale';
import { normaliseText } from '../core/normalise';
import { readSheet, type SheetHint } from '../core/validate';
import { SCHEMAS } from '../schemas';
import { fieldLabel } from '../schemas/field-labels';

/** A column of the sheet as the mapping form lists it: number, letter, header label (may be empty). */
export interface ColumnChoice {
  column: number;
  letter: string;
  label: string;
}

/** A field of the sheet kind: where detection put it, and where the person put it (if they did). */
export interface FieldMapping {
  key: string;
  label: string;
  detected?: number;
  chosen?: number;
}

/** What the "correct header and columns" form shows for one sheet. */
export interface MappingView {
  /** The kind whose fields are listed: the recognised one, else the one chosen (the first schema by default). */
  kind: string;
  recognised: boolean;
  kinds: Array<{ kind: string; label: string }>;
  headerRows?: { first: number; last: number };
  columns: ColumnChoice[];
  fields: FieldMapping[];
}

const LABEL_MAX = 16;

function shortLabel(label: string): string {
  const one = normaliseText(label).replace(/\s+/g, ' ');
  return one.length > LABEL_MAX ? `${one.slice(0, LABEL_MAX - 1)}…` : one;
}

/**
 * Describes a sheet's header for the mapping form: the detected (or hinted) header rows, every column with its
 * label, and each field of the sheet kind with its detected and chosen column.
 */
export function describeMapping(
  grid: Grid,
  hint: SheetHint | undefined,
  locale: Locale,
  kindChoice?: string,
): MappingView {
  const read = readSheet(grid, SCHEMAS, hint);
  const schema = read.schema ?? SCHEMAS.find((s) => s.kind === kindChoice) ?? itemAt(SCHEMAS, 0);
  const header = read.header;
  const view = read.view;
  const columns: ColumnChoice[] = [];
  const lastColumn = Math.max(view.lastColumn, ...[...(header?.columns.values() ?? [])]);
  for (let c = view.firstColumn; c <= lastColumn; c++)
    columns.push({ column: c, letter: columnLetter(c), label: shortLabel(header?.labels.get(c) ?? '') });
  // Detected columns: without the person's choices, so "automatic" shows what detection alone finds.
  const detected = hint?.columns
    ? readSheet(grid, SCHEMAS, hint.headerRows ? { headerRows: hint.headerRows } : undefined).header
    : header;
  const fields: FieldMapping[] = schema.fields.map((f) => ({
    key: f.key,
    label: fieldLabel(f.key, locale),
    detected: detected?.columns.get(f.key),
    chosen: hint?.columns?.[f.key],
  }));
  return {
    kind: schema.kind,
    recognised: !!read.schema,
    kinds: SCHEMAS.map((s) => ({ kind: s.kind, label: s.label[locale] })),
    headerRows: header ? { first: header.firstRow, last: header.lastRow } : hint?.headerRows,
    columns,
    fields,
  };
}

/**
 * The hint a mapping form stands for: header rows when the person set them, columns they chose (fields left on
 * "automatic" are not in it). Undefined when nothing was corrected.
 */
export function hintFromForm(form: {
  headerFirst?: number;
  headerLast?: number;
  chosen: Record<string, number | undefined>;
}): SheetHint | undefined {
  const hint: SheetHint = {};
  const first = form.headerFirst;
  const last = form.headerLast ?? first;
  if (
    first !== undefined &&
    Number.isInteger(first) &&
    first >= 1 &&
    last !== undefined &&
    Number.isInteger(last)
  ) {
    hint.headerRows = { first: Math.min(first, last), last: Math.max(first, last) };
  }
  const columns: Record<string, number> = {};
  for (const [field, column] of Object.entries(form.chosen))
    if (column !== undefined && column >= 1) columns[field] = column;
  if (Object.keys(columns).length > 0) hint.columns = columns;
  return hint.headerRows || hint.columns ? hint : undefined;
}

/** A text for a column choice: `I · 抽查比例`. */
export function columnText(c: ColumnChoice): string {
  return c.label ? `${c.letter} · ${c.label}` : c.letter;
}
