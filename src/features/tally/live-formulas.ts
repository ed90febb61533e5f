import { type Grid, columnLetter, GridView } from '../../core/grid';
import type { TallyResult } from './tally-sources';

/** A sheet whose rows the summary counts with COUNTIFS: the unit column, and further column criteria. */
export interface LiveSource {
  sheet: string;
  unitColumn: number;
  /** Extra COUNTIFS conditions, e.g. `{ column: 6, criterion: '是' }` or `{ column: 8, criterion: '<>大型' }`. */
  criteria: ReadonlyArray<{ column: number; criterion: string }>;
}

/** A whole-column reference to another sheet, quoted as Excel and WPS need it ('申报明细'!$B:$B). */
export function columnRef(sheet: string, column: number): string {
  const letter = columnLetter(column);
  return `'${sheet.replace(/'/g, "''")}'!$${letter}:$${letter}`;
}

/** The formula counting one unit's rows over every source; `unitCell` is the summary cell holding the unit name. */
export function countFormula(sources: readonly LiveSource[], unitCell: string): string {
  return sources
    .map((s) => {
      const extra = s.criteria
        .map((c) => `,${columnRef(s.sheet, c.column)},"${c.criterion.replace(/"/g, '""')}"`)
        .join('');
      return `COUNTIFS(${columnRef(s.sheet, s.unitColumn)},${unitCell}${extra})`;
    })
    .join('+');
}

/** Text of a cell as COUNTIFS compares it: case-insensitive text, numbers as written. */
function compareText(v: unknown): string {
  return v === null || v === undefined ? '' : String(typeof v === 'object' ? '' : v).toUpperCase();
}

/** What COUNTIFS gives over grids (text criteria `X` and `<>X` only), so a formula can be checked before it is written. */
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
    for (let r = view.firstRow; r <= view.lastRow; r++)
      if (holds(r, s.unitColumn, unit) && s.criteria.every((c) => holds(r, c.column, c.criterion))) n++;
  }
  return n;
}

/**
 * Live sources for a summary written into the workbook the declarations are in: each declaration list's unit
 * column (and 规模 column, excluding 大型). Returned only when COUNTIFS over them gives every unit's count
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
    sources.set(d.sheet, {
      sheet: d.sheet,
      unitColumn: d.cells.unit.column,
      criteria: scale ? [{ column: scale, criterion: '<>大型' }] : [],
    });
  }
  const list = [...sources.values()];
  if (list.length === 0) return undefined;
  return result.units.every((u) => simulateCount(grids, list, u.unit) === u.declared) ? list : undefined;
}
