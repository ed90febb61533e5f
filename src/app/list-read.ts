import type { Grid } from '../core/grid';
import { type ListRead, readList, readListSheet } from '../features/compare';
import type { PaneWorkbookPort } from '../core/workbook-port';
import { PaneError } from './pane-error';
import type { ListSource } from './report-sources';

/** An inspection list read for the 动态调整 or 平台比对 section, with where it came from. */
export interface PaneList {
  list: ListRead;
  /** The sheet the list was read from (an issue's cell text is shown from it). */
  grid: Grid;
  /** What to call it: the sheet's name, or the file's. */
  name: string;
  /** True for a sheet of the open workbook: an issue there selects its cell. */
  inWorkbook: boolean;
}

/**
 * Reads a list from a sheet of the open workbook (with the engine's header detection) or from a chosen file (its
 * first sheet that is a list with items); a `PaneError` when there is no list there.
 */
export async function readListSource(
  port: PaneWorkbookPort | undefined,
  source: ListSource,
): Promise<PaneList> {
  if (source.kind === 'sheet') {
    if (!port) throw new PaneError('errNoSheet', { name: source.sheet });
    const grid = await port.readSheet(source.sheet);
    const list = readListSheet(grid);
    if (!list || list.items.length === 0) throw new PaneError('errNotListSheet', { name: source.sheet });
    return { list, grid, name: source.sheet, inWorkbook: true };
  }
  const { file } = source;
  const list = readList(file.grids);
  const grid = list && file.grids.find((g) => g.name === list.sheet);
  if (!list || !grid || list.items.length === 0) throw new PaneError('errNotListFile', { name: file.name });
  return { list, grid, name: file.name, inWorkbook: false };
}

/** True when two sources are one sheet of the workbook (or one file object): nothing to compare. */
export function sameSource(a: ListSource, b: ListSource): boolean {
  if (a.kind === 'sheet' && b.kind === 'sheet') return a.sheet === b.sheet;
  return a.kind === 'file' && b.kind === 'file' && a.file === b.file;
}
