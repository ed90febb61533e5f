import { GridView, type Grid, columnLetter } from './grid';
import { detectHeader, headerAt, type HeaderMatch } from './header';
import type { Finding, Issue, Severity } from './issue';
import { cellText } from './normalise';
import type { SheetReport } from './report';
import { dataRowsBelow } from './rows';
import { RowReader } from './row-cells';
import type { Rule, RuleContext } from './rule';
import type { SheetSchema } from './schema';
import type { Settings } from './settings';

/** Severity of a code when neither the settings nor the schema name it. */
export type SeverityDefaults = Readonly<Record<string, Severity>>;

/** A recognised sheet: the view, the header, the data rows, ready to validate. */
export interface ReadSheet {
  view: GridView;
  schema?: SheetSchema;
  header?: HeaderMatch;
  dataRows: number[];
  /** Columns left unmapped because their cells contradict the field (month ranges under 是否纳入双随机). */
  unmapped?: Array<{ field: string; column: number; label: string; sample: string }>;
}

/** A person's correction of what was detected: the header rows, and columns mapped by hand (field → column). */
export interface SheetHint {
  headerRows?: { first: number; last: number };
  columns?: Record<string, number>;
}

/** Reads a sheet as a person would: finds the header under any titles and tells data rows from the rest. */
export function readSheet(grid: Grid, schemas: readonly SheetSchema[], hint?: SheetHint): ReadSheet {
  const view = new GridView(grid);
  let best: { schema: SheetSchema; header: HeaderMatch } | undefined;
  let guess: HeaderMatch | undefined;
  for (const schema of schemas) {
    const header = findHeader(view, schema, hint);
    if (!header) continue;
    if (!guess || header.columns.size > guess.columns.size) guess = header;
    if (schema.recognise(new Set(header.columns.keys())) && (!best || header.score > best.header.score))
      best = { schema, header };
  }
  if (!best) return { view, header: guess, dataRows: [] };
  const dataRows = dataRowsBelow(view, best.header.lastRow + 1, best.header.labels);
  const unmapped = checkContent(view, best.header, best.schema, dataRows, hint);
  widenCombined(view, best.header, best.schema, dataRows);
  return { view, schema: best.schema, header: best.header, dataRows, unmapped };
}

/** How many data rows are looked at to judge what a column holds. */
const CONTENT_SAMPLE = 30;

function sampleTexts(view: GridView, column: number, dataRows: number[]): string[] {
  const out: string[] = [];
  for (const r of dataRows) {
    if (out.length >= CONTENT_SAMPLE) break;
    const { value, format } = view.resolved(r, column);
    const text = cellText(value, format);
    if (text !== '') out.push(text);
  }
  return out;
}

/**
 * Unmaps the columns whose cells contradict their field and never fit it (month ranges under 是否纳入双随机, object
 * counts under 具体检查对象(含数量)或检查比例); a column mapped by hand is kept.
 */
function checkContent(
  view: GridView,
  header: HeaderMatch,
  schema: SheetSchema,
  dataRows: number[],
  hint?: SheetHint,
): NonNullable<ReadSheet['unmapped']> {
  const out: NonNullable<ReadSheet['unmapped']> = [];
  for (const spec of schema.fields) {
    const column = header.columns.get(spec.key);
    if (!spec.fitsContent || column === undefined || header.combined.has(column)) continue;
    if (hint?.columns?.[spec.key] === column) continue;
    const label = header.labels.get(column) ?? '';
    let fits = false;
    let sample: string | undefined;
    for (const text of sampleTexts(view, column, dataRows)) {
      const f = spec.fitsContent(text, label);
      if (f === true) fits = true;
      else if (f === false && sample === undefined) sample = text;
      if (fits) break;
    }
    if (fits || sample === undefined) continue;
    header.columns.delete(spec.key);
    out.push({ field: spec.key, column, label, sample });
  }
  return out;
}

/**
 * A ratio column whose cells also give the frequency (抽查比例/数量: 100%,抽查1次), where the sheet has no frequency
 * column, is read as a combined column.
 */
function widenCombined(view: GridView, header: HeaderMatch, schema: SheetSchema, dataRows: number[]): void {
  for (const spec of schema.combined ?? []) {
    const mapped = spec.fields.filter((f) => header.columns.has(f));
    const [only] = mapped;
    if (only === undefined || mapped.length !== 1 || !spec.givesAll) continue;
    const column = header.columns.get(only) as number;
    if (header.combined.has(column)) continue;
    if (!sampleTexts(view, column, dataRows).some((t) => spec.givesAll!(t))) continue;
    header.combined.set(column, spec);
    for (const f of spec.fields) header.columns.set(f, column);
  }
}

function findHeader(view: GridView, schema: SheetSchema, hint?: SheetHint): HeaderMatch | undefined {
  const rows = hint?.headerRows;
  const header = rows
    ? headerAt(
        view,
        Array.from({ length: rows.last - rows.first + 1 }, (_, i) => rows.first + i),
        schema.fields,
        schema.combined,
      )
    : detectHeader(view, schema.fields, schema.combined ?? []);
  if (!header || !hint?.columns) return header;
  // A column mapped by hand replaces whatever the detection put there, for that field and that column.
  for (const [field, column] of Object.entries(hint.columns)) {
    for (const [k, c] of [...header.columns]) if (c === column && k !== field) header.columns.delete(k);
    header.columns.set(field, column);
    header.combined.delete(column);
  }
  return header;
}

/** Validates one grid against the registered schemas; unrecognised sheets are reported with the best header guess. */
export function validateGrid(
  grid: Grid,
  schemas: readonly SheetSchema[],
  settings: Settings,
  defaults: SeverityDefaults,
  hint?: SheetHint,
): SheetReport {
  const sheet = readSheet(grid, schemas, hint);
  const columnsOut = (h?: HeaderMatch) =>
    Object.fromEntries([...(h?.columns ?? new Map<string, number>())].map(([k, c]) => [k, columnLetter(c)]));
  if (!sheet.schema || !sheet.header) {
    return {
      name: grid.name,
      kind: 'unknown',
      headerRow: sheet.header?.lastRow ?? null,
      dataRows: 0,
      columns: columnsOut(sheet.header),
      issues: [],
    };
  }
  const issues = validateRows(sheet, settings, defaults);
  return {
    name: grid.name,
    kind: sheet.schema.kind,
    headerRow: sheet.header.lastRow,
    dataRows: sheet.dataRows.length,
    columns: columnsOut(sheet.header),
    issues,
  };
}

/** Validates the data rows of a recognised sheet (all rows, or only `onlyRows` for live re-validation). */
export function validateRows(
  sheet: ReadSheet,
  settings: Settings,
  defaults: SeverityDefaults,
  onlyRows?: ReadonlySet<number>,
): Issue[] {
  const { view, header, dataRows } = sheet;
  const schema = sheet.schema!;
  const columns = header!.columns;
  const issues: Issue[] = [];
  // An issue's code and severity, made once per rule and message (not once per issue).
  const codes = new Map<string, Map<string, { code: string; severity: Severity }>>();
  const push = (
    rule: string,
    f: Finding,
    row: number | undefined,
    column: number | undefined,
    field?: string,
    received?: string,
  ) => {
    let byId = codes.get(rule);
    if (!byId) codes.set(rule, (byId = new Map()));
    let graded = byId.get(f.id);
    if (!graded) {
      const code = `${rule}/${f.id}`;
      const severity = settings.severities[code] ?? schema.severities[code] ?? defaults[code] ?? 'error';
      byId.set(f.id, (graded = { code, severity }));
    }
    issues.push({
      code: graded.code,
      severity: graded.severity,
      sheet: view.name,
      row,
      column,
      field,
      received,
      params: f.params ?? {},
    });
  };

  // Sheet-level findings belong to a whole-sheet check, not to a re-check of edited rows.
  for (const key of onlyRows ? [] : schema.expectedColumns) {
    if (columns.has(key)) continue;
    const synonyms = (schema.fields.find((f) => f.key === key)?.synonyms ?? []).slice(0, 3).join('、');
    push(
      'header',
      { id: 'missing-column', params: { field: key, synonyms } },
      header!.lastRow,
      undefined,
      key,
    );
  }
  if (dataRows.length === 0 && !onlyRows) push('sheet', { id: 'no-data' }, header!.lastRow, undefined);
  for (const u of onlyRows ? [] : (sheet.unmapped ?? []))
    push(
      'header',
      { id: 'content-mismatch', params: { field: u.field, label: u.label, sample: u.sample } },
      header!.lastRow,
      u.column,
      u.field,
      u.sample,
    );

  const fields = schema.fields;
  const reader = new RowReader(view, header!, fields, schema.combined ?? []);
  const row = reader.row;
  // What the loop below reads of each field, in objects of one shape (field specs come in many shapes, and
  // reading a property through many shapes on every cell is slow).
  const plans = fields.map((spec) => ({
    key: spec.key,
    rule: spec.rule as Rule | undefined,
    options: spec.options as RuleContext['options'],
    required: spec.required,
    early: !!spec.early,
    // The field's column, or undefined when the sheet has none (then only a split cell of another column gives it).
    column: columns.get(spec.key),
  }));
  // Early fields (是否纳入双随机, 检查方式) are parsed first; the row's flags are known before the others.
  const order = plans.map((_, i) => i).sort((a, b) => Number(plans[b]!.early) - Number(plans[a]!.early));
  const firstLate = order.findIndex((i) => !plans[i]!.early);
  // Row rules see every data row (a duplicate's first row may lie outside a partial re-check).
  const rowRules = (schema.rowRules ?? []).map((use) => ({ id: use.rule.id, next: use.start() }));
  const absent: number[] = [];
  // One context for every row, its flag and options swapped per field: no object per cell on 50k-row sheets.
  const ctx: RuleContext = { settings, doubleRandom: false };

  // Index loops throughout (`!`: below the length): a for-of loop makes an iterator result per step until the code
  // is optimised, and most of a sheet is read before it is.
  for (let d = 0; d < dataRows.length; d++) {
    const r = dataRows[d]!;
    reader.read(r);
    const check = !onlyRows || onlyRows.has(r);
    ctx.doubleRandom = false;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      const plan = plans[i]!;
      const entry = row.entries[i];
      if (k === firstLate) ctx.doubleRandom = schema.doubleRandom?.(row) ?? false;
      if (!entry || entry.text === '') {
        // Nothing to say of a field the sheet has no column for and no split cell gave.
        if (!entry && plan.column === undefined) continue;
        const required = typeof plan.required === 'function' ? plan.required(row) : plan.required;
        // A combined cell (抽查比例及频次) that gives the other part but not this one: a warning saying which
        // part is absent, decided once every field is parsed (below).
        if (entry?.absentFrom !== undefined && plan.rule) {
          if (required && check && row.sources[i] !== 'borrowed') absent.push(i);
          continue;
        }
        if (required && check && plan.column !== undefined)
          push('required', { id: 'missing', params: { field: plan.key } }, r, plan.column, plan.key, '');
        continue;
      }
      if (!plan.rule) {
        row.values[i] = entry.text;
        continue;
      }
      ctx.options = plan.options;
      const result = entry.outcome(plan.rule, ctx);
      if (result.value !== undefined) row.values[i] = result.value;
      if (check && result.findings.length > 0 && row.sources[i] !== 'borrowed')
        for (let n = 0; n < result.findings.length; n++)
          push(plan.rule.id, result.findings[n]!, r, row.columns[i], plan.key, entry.text);
    }
    if (absent.length > 0) {
      for (const i of absent) {
        const plan = plans[i]!;
        const column = row.columns[i]!;
        const others = header!.combined.get(column)?.fields.filter((f) => f !== plan.key) ?? [];
        if (others.some((f) => row.parsed(f) !== undefined))
          push(plan.rule!.id, { id: 'absent' }, r, column, plan.key, row.entries[i]!.absentFrom);
      }
      absent.length = 0;
    }
    for (let n = 0; n < rowRules.length; n++) {
      const { id, next } = rowRules[n]!;
      const findings = next(row, r);
      if (check)
        for (let m = 0; m < findings.length; m++) {
          const f = findings[m]!;
          push(id, f, r, columns.get(f.field), f.field, f.received ?? row.text(f.field));
        }
    }
  }
  return issues;
}
