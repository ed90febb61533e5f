import type { UnitRef } from './declaration';
import { type UnitMatcher, unitNameIn } from './unit-names';

/** Texts that may name the unit of a whole sheet: its title rows, its name and the file's name. */
export interface SheetUnitHints {
  titles: readonly string[];
  sheet: string;
  file: string;
  /** True when sheets are named after their enterprise (printed forms): the sheet name never names the unit. */
  sheetIsEnterprise?: boolean;
}

/** The unit a written name means: the table's unit, or the name with the closest table unit as a suggestion. */
export function unitRef(matcher: UnitMatcher, text: string, source: UnitRef['source']): UnitRef {
  return { text, source, ...matcher.match(text) };
}

/** File name without folders and extension. */
function stem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/**
 * The unit of a sheet without a unit column (or of a row whose unit cell is blank): a table unit (or a unit of the
 * office's register) named in the title rows, else in the sheet name, else in the file name; failing all, a
 * unit-like name found there (reported as unknown), else none.
 */
export function sheetUnit(matcher: UnitMatcher, hints: SheetUnitHints): UnitRef {
  const sources: Array<[UnitRef['source'], string]> = [
    ...hints.titles.map((t): [UnitRef['source'], string] => ['title', t]),
    ...(hints.sheetIsEnterprise ? [] : [['sheet', hints.sheet] as [UnitRef['source'], string]]),
    ['file', stem(hints.file)],
  ];
  for (const [source, text] of sources) {
    const found = matcher.findIn(text);
    if (found) return { text, source, ...found };
  }
  for (const [source, text] of sources) {
    const name = unitNameIn(text);
    if (name) return unitRef(matcher, name, source);
  }
  return { text: '', source: 'none' };
}
