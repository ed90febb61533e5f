import type { Grid, GridView } from '../../core/grid';
import type { HeaderMatch } from '../../core/header';
import { cellText } from '../../core/normalise';
import type { SheetSchema } from '../../core/schema';
import { readSheet } from '../../core/validate';
import { ADJUST_TYPE, matchEnum } from '../../rules/enum/enum.rule';
import { partText } from '../../rules/quantity';
import { checklistSchema } from '../../schemas/checklist.schema';

/** One inspection item of a list: its sheet row and the text of every mapped field, as a person reads it. */
export interface ListItem {
  /** 1-based sheet row. */
  row: number;
  itemName: string;
  /** 事项编码, '' when the list has none. */
  itemCode: string;
  /** Field key → normalised cell text ('' when blank); merged and "same as above" cells resolved. */
  texts: Record<string, string>;
  /** The declared 调整类型 (新增 / 删除 / 修改 / 无变化), when the list has one. */
  adjustType?: string;
  /** The declared 调整原因, '' when blank. */
  reason: string;
}

/** What the lines above the header say: the title, the unit and year it names, a credit code if written. */
export interface ListMeta {
  title?: string;
  unit?: string;
  year?: number;
  /** A 统一社会信用代码 written above the table (platform exports put it there). */
  agencyCode?: string;
}

/** A list read from one sheet: where it is, its mapped columns, its items and what its title says. */
export interface ListRead {
  sheet: string;
  headerRow: number;
  /** Field key → 1-based column. */
  columns: ReadonlyMap<string, number>;
  items: ListItem[];
  meta: ListMeta;
}

const UNIT_LINE = /^(?:填报单位|报送单位|单位名称|单位)\s*(?:[(（](?:盖章|印章|公章)[)）])?\s*[:：]\s*(.*)$/;
const YEAR = /((?:19|20)\d{2})\s*年/;
const LIST_WORDS = /(?:行政检查事项|检查实施|抽查事项|双随机|检查事项|随机抽查|监管事项)/;
// An 18-character code standing alone (no lookbehind: ES2017 web views lack it).
const USCC = /(?:^|[^0-9A-Z])([0-9A-HJ-NPQRTUWXY]{18})(?![0-9A-Z])/;

/** Texts of the rows above the header, row by row, cells in column order. */
export function linesAbove(view: GridView, header: HeaderMatch): string[][] {
  return lineTexts(view, header.firstRow);
}

/** Texts of the non-blank rows from the view's first row up to (not including) `endRow`, cells in column order. */
export function lineTexts(view: GridView, endRow: number): string[][] {
  const lines: string[][] = [];
  for (let r = view.firstRow; r < endRow && r <= view.lastRow; r++) {
    const cells: string[] = [];
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const t = cellText(view.raw(r, c), view.format(r, c));
      if (t !== '') cells.push(t);
    }
    if (cells.length) lines.push(cells);
  }
  return lines;
}

/** Reads the title, unit, year and a written credit code from the lines above the header. */
export function readMeta(lines: readonly (readonly string[])[]): ListMeta {
  const meta: ListMeta = {};
  for (const cells of lines) {
    cells.forEach((cell, i) => {
      const unit = UNIT_LINE.exec(cell);
      if (unit && !meta.unit) {
        const named = (unit[1] || cells[i + 1] || '').replace(/\s*(?:填报|报送)?日期.*$/, '').trim();
        if (named && !/^[_\s]*$/.test(named)) meta.unit = named;
      }
      const code = USCC.exec(cell.toUpperCase());
      if (code && !meta.agencyCode) meta.agencyCode = code[1];
    });
    const joined = cells.join('');
    if (!meta.title && LIST_WORDS.test(joined) && !UNIT_LINE.test(cells[0] ?? '')) meta.title = joined;
  }
  if (meta.title) {
    const year = YEAR.exec(meta.title);
    if (year) meta.year = Number(year[1]);
    // 于都县市场监督管理局2020年度行政检查事项清单, 于都县应急管理局行政检查事项清单(2020年): the unit is what comes
    // before the year and the list's name.
    const words = LIST_WORDS.exec(meta.title);
    const end = Math.min(year?.index ?? Infinity, words?.index ?? Infinity);
    const before = meta.title.slice(0, Number.isFinite(end) ? end : 0).replace(/[\s(（【[]+$/, '');
    if (!meta.unit && before.length >= 2) meta.unit = before;
  }
  return meta;
}

/** The text of each mapped field of one data row: merges resolved, combined columns split, blanks inherited. */
function rowTexts(
  view: GridView,
  header: HeaderMatch,
  schema: SheetSchema,
  r: number,
  above: Map<string, string>,
) {
  const texts: Record<string, string> = {};
  const split = new Map<number, Record<string, string | undefined>>();
  for (const spec of schema.fields) {
    const column = header.columns.get(spec.key);
    if (column === undefined) continue;
    const { value, format } = view.resolved(r, column);
    let text = cellText(value, format);
    const combined = header.combined.get(column);
    if (combined) {
      let parts = split.get(column);
      if (!parts) split.set(column, (parts = combined.split(text)));
      text = parts[spec.key] ?? '';
      // Each part of a combined cell shows what it says (5%,每年1次 → 5% and 每年1次).
      if (text !== '' && (spec.key === 'ratio' || spec.key === 'frequency')) text = partText(text, spec.key);
    }
    // A value written once with blanks below means "same as above" (the engine's rule for such fields).
    if (text === '' && spec.inheritBlank) text = above.get(spec.key) ?? '';
    if (text !== '') above.set(spec.key, text);
    texts[spec.key] = text;
  }
  return texts;
}

/**
 * Reads one sheet as an inspection list into items, with the same header detection, field mapping, merged-cell
 * and combined-column handling as `drc check`. Undefined when the sheet is not a list.
 */
export function readListSheet(
  grid: Grid,
  schemas: readonly SheetSchema[] = [checklistSchema],
): ListRead | undefined {
  const sheet = readSheet(grid, schemas);
  if (!sheet.schema || !sheet.header || sheet.schema.kind !== 'checklist') return undefined;
  const { view, header, schema } = sheet;
  const above = new Map<string, string>();
  const items: ListItem[] = [];
  const nameColumn = header.columns.get('itemName');
  for (const r of sheet.dataRows) {
    const texts = rowTexts(view, header, schema, r, above);
    const itemName = texts.itemName ?? '';
    if (itemName === '') continue;
    // Rows under an item name merged down over them belong to that item: one item, not several.
    if (nameColumn !== undefined && view.resolved(r, nameColumn).follower) continue;
    const declared = texts.adjustType ? matchEnum(texts.adjustType, ADJUST_TYPE) : undefined;
    items.push({
      row: r,
      itemName,
      itemCode: texts.itemCode ?? '',
      texts,
      adjustType: declared,
      reason: texts.adjustReason ?? '',
    });
  }
  return {
    sheet: grid.name,
    headerRow: header.lastRow,
    columns: header.columns,
    items,
    meta: readMeta(linesAbove(view, header)),
  };
}

/** Reads the first sheet of a workbook that is an inspection list with items (else the first list at all). */
export function readList(
  grids: readonly Grid[],
  schemas: readonly SheetSchema[] = [checklistSchema],
): ListRead | undefined {
  let first: ListRead | undefined;
  for (const grid of grids) {
    const list = readListSheet(grid, schemas);
    if (list && list.items.length > 0) return list;
    first ??= list;
  }
  return first;
}

/** The unit a list is of: named by its stamp line or title, else the 检查主体 most of its items name. */
export function listUnit(list: ListRead): string | undefined {
  if (list.meta.unit) return list.meta.unit;
  const counts = new Map<string, number>();
  for (const i of list.items)
    if (i.texts.agency) counts.set(i.texts.agency, (counts.get(i.texts.agency) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
}
