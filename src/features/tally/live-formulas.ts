import { type Grid, columnLetter, GridView } from '../../core/grid';
import type { TallyResult } from './tally-sources';

/**
 * A sheet whose rows the summary counts: the unit column (compared exactly with the summary's unit), further column
 * conditions, and the rows counted (`firstRow` to `lastRow`, room left below the data for rows clerks add).
 */
export interface LiveSource {
  sheet: string;
  unitColumn: number;
  /** Further conditions, e.g. `{ column: 6, criterion: '是' }` or `{ column: 8, criterion: '<>大型' }`. */
  criteria: ReadonlyArray<{ column: number; criterion: string }>;
  firstRow: number;
  lastRow: number;
}

/** Rows left below the data for declarations clerks add (the formulas count them too). */
export const ROOM_BELOW = 1000;

/** A column range of another sheet, quoted as Excel and WPS need it ('申报明细'!$B$3:$B$1068). */
export function columnRef(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const letter = columnLetter(column);
  return `'${sheet.replace(/'/g, "''")}'!$${letter}$${firstRow}:$${letter}$${lastRow}`;
}

/**
 * The formula counting one unit's rows over every source; `unitCell` is the summary cell holding the unit name.
 * Why SUMPRODUCT and EXACT, not COUNTIFS: COUNTIFS reads *, ? and ~ in a name as wildcards and a leading =, < or >
 * as an operator, so a name such as 城管局(*执法) would count other rows, or none.
 */
export function countFormula(sources: readonly LiveSource[], unitCell: string): string {
  return sources
    .map((s) => {
      const ref = (column: number) => columnRef(s.sheet, column, s.firstRow, s.lastRow);
      const extra = s.criteria
        .map((c) => {
          const not = c.criterion.startsWith('<>');
          const text = (not ? c.criterion.slice(2) : c.criterion).replace(/"/g, '""');
          return `*(${ref(c.column)}${not ? '<>' : '='}"${text}")`;
        })
        .join('');
      return `SUMPRODUCT(EXACT(${ref(s.unitColumn)},${unitCell})${extra})`;
    })
    .join('+');
}

/** Text of a cell as the = and <> operators compare it: case-insensitive text, numbers as written. */
function compareText(v: unknown): string {
  return v === null || v === undefined ? '' : String(typeof v === 'object' ? '' : v).toUpperCase();
}

/** What `countFormula` gives over grids, so a formula can be checked before it is written. */
export function simulateCount(grids: readonly Grid[], sources: readonly LiveSource[], unit: string): number {
  let n = 0;
  for (const s of sources) {
    const grid = grids.find((g) => g.name === s.sheet);
    if (!grid) continue;
    const view = new GridView(grid);
    const holds = (r: number, column: number, criterion: string) => {
      const text = compareText(view.raw(r, column));
      return criterion.startsWith('<>')
        ? text !== criterion.slice(2).toUpperCase()
        : text === criterion.toUpperCase();
    };
    const last = Math.min(view.lastRow, s.lastRow);
    for (let r = Math.max(view.firstRow, s.firstRow); r <= last; r++) {
      const v = view.raw(r, s.unitColumn);
      // EXACT: the text as shown, case and all.
      const exact = v !== null && v !== undefined && typeof v !== 'object' && String(v) === unit;
      if (exact && s.criteria.every((c) => holds(r, c.column, c.criterion))) n++;
    }
  }
  return n;
}

/**
 * Live sources for a summary written into the workbook the declarations are in: each declaration list's unit
 * column (and 规模 column, excluding 大型). Returned only when the formulas over them give every unit's count
 * exactly (unit names written as in the quota table, no merged or "same as above" unit cells, no repeated
 * nominations, no printed forms); otherwise undefined and the summary holds the counts as values.
 */
export function liveSourcesIn(result: TallyResult, grids: readonly Grid[]): LiveSource[] | undefined {
  const sources = new Map<string, LiveSource>();
  const file = result.declarations[0]?.file;
  for (const d of result.declarations) {
    if (d.file !== file || d.layout !== 'list' || d.unit.source !== 'column' || !d.cells.unit)
      return undefined;
    if (sources.has(d.sheet)) continue;
    const scale = d.cells.scale?.column;
    const grid = grids.find((g) => g.name === d.sheet);
    const view = grid ? new GridView(grid) : undefined;
    const rows = result.declarations.filter((x) => x.sheet === d.sheet).map((x) => x.row);
    sources.set(d.sheet, {
      sheet: d.sheet,
      unitColumn: d.cells.unit.column,
      criteria: scale ? [{ column: scale, criterion: '<>大型' }] : [],
      firstRow: Math.min(...rows),
      lastRow: Math.min(1048576, (view?.lastRow ?? Math.max(...rows)) + ROOM_BELOW),
    });
  }
  const list = [...sources.values()];
  if (list.length === 0) return undefined;
  return result.units.every((u) => simulateCount(grids, list, u.unit) === u.declared) ? list : undefined;
}
