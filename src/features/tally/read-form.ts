import { GridView, type Grid } from '../../core/grid';
import type { Finding, Severity } from '../../core/issue';
import { cellText, normaliseLabel } from '../../core/normalise';
import { runRule, type RuleContext } from '../../core/rule';
import { declarationSchema } from '../../schemas/declaration.schema';
import { DEFAULT_SEVERITIES } from '../../schemas/severities';
import type { CellAt, Declaration } from './declaration';
import { type ReadContext, type SheetDeclarations, scaleOf, usccText } from './read-list';
import { sheetUnit, unitRef } from './resolve-unit';
import type { TallyIssue } from './tally-issue';

/** A label of the printed form and the value written beside it (or below it, at the right edge). */
interface Pair {
  label: CellAt;
  value: CellAt;
  text: string;
  raw: unknown;
  format?: string;
}

/** Longest label text read as a label; longer cells are values (an enterprise profile, an address). */
const MAX_LABEL = 16;
const STAMP = /盖章|印章|公章/;
/** A signature line below a form (填报人, 审核人…). */
const SIGNATURE = /^(填报人|填表人|审核人|制表人|经办人|单位负责人)\s*[:：]/;
/** A printed form is one page: its labels are looked for in the first rows only (a 50k-row list is not scanned). */
const FORM_ROWS = 60;

/** Label spellings of the declaration's fields, normalised, longest first. */
const SPELLINGS = declarationSchema.fields
  .flatMap((f) => f.synonyms.map((s) => ({ key: f.key, synonym: normaliseLabel(s) })))
  .sort((a, b) => b.synonym.length - a.synonym.length);

/**
 * The field a cell labels, and any value written in the same cell after a colon (企业名称:某某公司). A label is a
 * field's name, bracketed notes aside (企业简介(可附页), 法定代表人(负责人)), with at most a short qualifier in
 * front of a name of three characters or more (县(市、区)司法行政部门审核意见): a title such as 监测点企业申报表 is
 * not one, nor is a value such as 事业单位.
 */
function labelOf(text: string): { key: string; inline: string } | undefined {
  const colon = text.search(/[:：]/);
  const label = colon >= 0 ? text.slice(0, colon) : text;
  const inline = colon >= 0 ? text.slice(colon + 1).trim() : '';
  const norm = normaliseLabel(label.replace(/[(（][^)）]*[)）]/g, ''));
  if (norm === '' || norm.length > MAX_LABEL) return undefined;
  const hit = SPELLINGS.find(
    ({ synonym }) =>
      norm === synonym ||
      (synonym.length >= 3 && norm.endsWith(synonym) && norm.length - synonym.length <= 4),
  );
  if (!hit) return undefined;
  // 申报企业(盖章) is where the stamp goes, not the enterprise's name.
  if (hit.key === 'enterprise' && STAMP.test(label)) return undefined;
  return { key: hit.key, inline };
}

/** The label cells of one row with their values: the cell right of the label (after its merged range, skipping
 * blanks up to the next label), else the one below. A label whose value would be another label is left out. */
function rowPairs(view: GridView, r: number): Array<{ key: string; pair: Pair }> {
  const isLabel = (row: number, c: number) => {
    const v = view.raw(row, c);
    return typeof v === 'string' && labelOf(cellText(v)) !== undefined;
  };
  const out: Array<{ key: string; pair: Pair }> = [];
  // 填报人:张三 联系电话:0797-… under a form is who filled it in, not the enterprise's contact.
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const first = cellText(view.raw(r, c));
    if (first === '') continue;
    if (SIGNATURE.test(first)) return out;
    break;
  }
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const raw = view.raw(r, c);
    if (typeof raw !== 'string') continue;
    const label = labelOf(cellText(raw));
    if (!label) continue;
    if (label.inline !== '') {
      const at = { row: r, column: c };
      out.push({ key: label.key, pair: { label: at, value: at, text: label.inline, raw: label.inline } });
      continue;
    }
    const merge = view.mergeAt(r, c);
    const right = (merge ? merge.right : c) + 1;
    let at =
      right <= view.lastColumn
        ? { row: r, column: right }
        : { row: (merge ? merge.bottom : r) + 1, column: c };
    if (at.row > view.lastRow + 1 || isLabel(at.row, at.column)) continue;
    // A label spread over two cells without a merge: the value is the next written cell before another label.
    if (at.row === r && cellText(view.resolved(r, at.column).value) === '') {
      for (let k = right + 1; k <= view.lastColumn && !isLabel(r, k); k++)
        if (cellText(view.resolved(r, k).value) !== '') {
          at = { row: r, column: k };
          break;
        }
    }
    const { value, format } = view.resolved(at.row, at.column);
    out.push({
      key: label.key,
      pair: { label: { row: r, column: c }, value: at, text: cellText(value, format), raw: value, format },
    });
  }
  return out;
}

/** One form found on a sheet: its labels with their values, and the rows above it that belong to it (titles). */
interface FoundForm {
  pairs: Map<string, Pair>;
  rows: Set<number>;
  /** First row of the lines above the form's first label (its title, 推荐单位 line…). */
  titleFrom: number;
}

/** Rows searched for more forms once a sheet is known to hold one (a unit's forms stacked on one sheet). */
const STACKED_ROWS = 5000;

/** A form: 企业名称 with a value, and labels of four fields or more on three rows or more (not a list's header). */
const isForm = (f: FoundForm) => f.pairs.has('enterprise') && f.pairs.size >= 4 && f.rows.size >= 3;

/**
 * Every form on a sheet, top to bottom: a new form starts on the row where a field's label comes again (Annex 2
 * stacked one under another on one sheet, or one Word table after another). Labels are looked for in the first
 * rows only, unless they make a form (a 50k-row list is never scanned); then further down.
 */
function findForms(view: GridView): FoundForm[] {
  const forms: FoundForm[] = [];
  let current: FoundForm = { pairs: new Map(), rows: new Set(), titleFrom: view.firstRow };
  let lastLabelRow = view.firstRow - 1;
  const scan = (from: number, to: number) => {
    for (let r = from; r <= to; r++) {
      const found = rowPairs(view, r);
      if (found.length === 0) continue;
      if (found.some(({ key }) => current.pairs.has(key))) {
        forms.push(current);
        current = { pairs: new Map(), rows: new Set(), titleFrom: lastLabelRow + 1 };
      }
      for (const { key, pair } of found)
        if (!current.pairs.has(key)) {
          current.pairs.set(key, pair);
          current.rows.add(r);
        }
      lastLabelRow = r;
    }
  };
  const head = Math.min(view.lastRow, view.firstRow + FORM_ROWS - 1);
  scan(view.firstRow, head);
  if (![...forms, current].some(isForm)) return [];
  scan(head + 1, Math.min(view.lastRow, view.firstRow + STACKED_ROWS - 1));
  forms.push(current);
  return forms.filter(isForm);
}

/**
 * Reads the printed Annex 2 form: label cells (企业名称, 法定代表人, 规模…) with the value beside them, one
 * enterprise per form, and every form of the sheet (one per sheet, or several stacked on one sheet). Undefined for
 * a sheet that holds no form.
 */
export function readDeclarationForm(
  grid: Grid,
  file: string,
  ctx: ReadContext,
): SheetDeclarations | undefined {
  const view = new GridView(grid);
  const forms = findForms(view);
  if (forms.length === 0) return undefined;
  const read = forms.map((form) => readForm(view, form, grid.name, file, ctx, forms.length === 1));
  return {
    layout: 'form',
    declarations: read.flatMap((r) => (r.declaration ? [r.declaration] : [])),
    issues: read.flatMap((r) => r.issues),
  };
}

/** One form's declaration (none when its 企业名称 is blank: a template) and the issues of its cells. */
function readForm(
  view: GridView,
  form: FoundForm,
  sheet: string,
  file: string,
  ctx: ReadContext,
  alone: boolean,
): { declaration?: Declaration; issues: TallyIssue[] } {
  const { pairs, rows } = form;
  const issues: TallyIssue[] = [];
  const severity = (code: string): Severity =>
    ctx.settings.severities[code] ??
    declarationSchema.severities[code] ??
    DEFAULT_SEVERITIES[code] ??
    'error';
  const push = (rule: string, f: Finding, at: CellAt | undefined, field: string, received?: string) => {
    const code = `${rule}/${f.id}`;
    const issue: TallyIssue = { code, severity: severity(code), file, sheet, field, params: f.params ?? {} };
    if (at) Object.assign(issue, { row: at.row, column: at.column });
    else if (!alone) Object.assign(issue, { row: pairs.get('enterprise')!.label.row });
    if (received !== undefined) issue.received = received;
    issues.push(issue);
  };
  const fields: Record<string, string> = {};
  const cells: Record<string, CellAt> = {};
  for (const spec of declarationSchema.fields) {
    const pair = pairs.get(spec.key);
    if (!pair) {
      if (declarationSchema.expectedColumns.includes(spec.key)) {
        const synonyms = spec.synonyms.slice(0, 3).join('、');
        push('header', { id: 'missing-column', params: { field: spec.key, synonyms } }, undefined, spec.key);
      }
      continue;
    }
    fields[spec.key] = pair.text;
    cells[spec.key] = pair.value;
    if (pair.text === '') {
      const required = typeof spec.required === 'function' ? false : spec.required;
      if (required)
        push('required', { id: 'missing', params: { field: spec.key } }, pair.value, spec.key, '');
      continue;
    }
    if (!spec.rule) continue;
    const rc: RuleContext = { settings: ctx.settings, options: spec.options as RuleContext['options'] };
    const input = { text: pair.text, value: pair.raw as never, format: pair.format };
    for (const f of runRule(spec.rule, input, rc).findings)
      push(spec.rule.id, f, pair.value, spec.key, pair.text);
  }

  const enterprise = fields.enterprise;
  if (enterprise === undefined || enterprise === '') return { issues };
  const firstLabelRow = Math.min(...rows);
  const titles: string[] = [];
  for (let r = form.titleFrom; r < firstLabelRow; r++)
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const t = cellText(view.raw(r, c));
      if (t !== '') titles.push(t);
    }
  const unit = fields.unit
    ? { ...unitRef(ctx.matcher, fields.unit, 'label'), cell: cells.unit }
    : sheetUnit(ctx.matcher, { titles, sheet, file, sheetIsEnterprise: alone });
  const declaration: Declaration = {
    file,
    sheet,
    row: pairs.get('enterprise')!.label.row,
    layout: 'form',
    enterprise,
    uscc: fields.uscc ? usccText(pairs.get('uscc')!.raw, fields.uscc) : '',
    scale: scaleOf(fields.scale ?? '', ctx.settings),
    fields,
    cells,
    unit,
  };
  return { declaration, issues };
}
