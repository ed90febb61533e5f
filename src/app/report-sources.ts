import { cellAddress, type Grid, GridView } from '../core/grid';
import { cellText } from '../core/normalise';
import type { FileError } from '../core/report';
import type { SheetSpec } from '../core/sheet-spec';
import type { PaneWorkbookPort } from '../core/workbook-port';

// What the report sections (监测点汇总, 动态调整情况表, 两平台比对) share: files chosen in the pane, sheets of the open
// workbook, the sheets they write. Small and host-free: the tally, adjustment and comparison code itself is loaded
// only when a section runs (model/reports.ts).

/** A file chosen in the pane and read in the browser (nothing is uploaded). */
export interface ChosenFile {
  name: string;
  grids: Grid[];
  /** True for a Word document (its tables as grids). */
  document?: boolean;
}

/** A chosen file that could not be read, with the sentence saying why. */
export interface UnreadFile {
  name: string;
  error: FileError;
}

/** What a file input gives: a name and the bytes (a browser `File`, or a stand-in in tests). */
export interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Where a list comes from: a sheet of the open workbook, or a chosen file (its first list sheet). */
export type ListSource = { kind: 'sheet'; sheet: string } | { kind: 'file'; file: ChosenFile };

/**
 * The sheets the sections write (监测点汇总, 申报明细, 动态调整情况表, 调整后清单, 差异): never read back as inputs, never
 * offered as lists. The names are those of src/features (a test keeps them equal) — written out here so that the
 * pane's first load does not carry the report code.
 */
export const GENERATED_SHEETS: readonly string[] = [
  '监测点汇总',
  '监测点图表',
  '申报明细',
  '重复申报',
  '可能重复',
  '不在分配表的单位',
  '不计入的企业',
  '未读到申报的文件',
  '动态调整情况表',
  '调整后清单',
  '差异',
];

/** Files in name order, as the command line takes a folder: the first nomination of an enterprise counts. */
export function byName<T extends { name: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** True for a file that was read. */
export function isRead(f: ChosenFile | UnreadFile): f is ChosenFile {
  return 'grids' in f;
}

/** The names of the open workbook's sheets in tab order, without the sheets the sections write. */
export async function workbookSheetNames(port: PaneWorkbookPort): Promise<string[]> {
  const names =
    typeof port.sheetNames === 'function'
      ? await port.sheetNames()
      : (await port.readSheets()).map((g) => g.name);
  return names.filter((n) => !GENERATED_SHEETS.includes(n));
}

const YEAR = /((?:19|20)\d{2})/;
const PREVIOUS_WORDS = /上年|去年|上一年|前一年/;

/**
 * Last year's sheet guessed from the names: the year before the current sheet's (`2020年清单` → `2019…`; 2020 when
 * the current sheet names no year), else a name saying 上年 / 去年, else the latest sheet named with an earlier year.
 */
export function guessPreviousSheet(
  names: readonly string[],
  current: string | undefined,
): string | undefined {
  const others = names.filter((n) => n !== current && !GENERATED_SHEETS.includes(n));
  const year = Number(YEAR.exec(current ?? '')?.[1] ?? 2020);
  const earlier = others
    .map((n) => ({ n, y: Number(YEAR.exec(n)?.[1] ?? 9999) }))
    .filter((x) => x.y < year)
    .sort((a, b) => b.y - a.y);
  return (
    others.find((n) => n.includes(String(year - 1))) ??
    others.find((n) => PREVIOUS_WORDS.test(n)) ??
    earlier[0]?.n
  );
}

/** The text of one cell of a grid as a person reads it (the standalone page's stand-in for selecting it). */
export function cellTextAt(grid: Grid, row: number, column: number): string {
  const view = new GridView(grid);
  return cellText(view.raw(row, column), view.format(row, column));
}

/** An issue's A1 address, when it names a cell. */
export function addressOf(at: { row?: number; column?: number }): string | undefined {
  return at.row !== undefined && at.column !== undefined ? cellAddress(at.row, at.column) : undefined;
}

/**
 * The order to write generated sheets in: a sheet that another one's formulas refer to first (申报明细 before the
 * summary that counts it), so no formula is ever written pointing at a sheet that does not exist yet.
 */
export function writeOrder(specs: readonly SheetSpec[]): SheetSpec[] {
  const referenced = (name: string) =>
    specs.some(
      (s) =>
        s.name !== name &&
        s.rows.some((r) => r.cells.some((c) => c?.formula?.includes(`'${name.replace(/'/g, "''")}'!`))),
    );
  return [...specs.filter((s) => referenced(s.name)), ...specs.filter((s) => !referenced(s.name))];
}

/**
 * Writes generated sheets into the open workbook (each replaces a sheet of its name, other sheets untouched), then
 * shows the first of them. Returns the names written, in document order.
 */
export async function writeSheets(port: PaneWorkbookPort, specs: readonly SheetSpec[]): Promise<string[]> {
  for (const spec of writeOrder(specs)) await port.writeSheet(spec);
  if (specs[0]) await port.selectCell(specs[0].name, 'A1').catch(() => undefined);
  return specs.map((s) => s.name);
}

/** A file name from a title: characters Windows refuses replaced, `.xlsx` added. */
export function downloadName(title: string): string {
  const clean =
    [...title]
      .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
      .join('')
      .trim() || 'report';
  return `${clean.slice(0, 120)}.xlsx`;
}
