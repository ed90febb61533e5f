import type { UnitRef } from './declaration';
import { type UnitMatcher, unitNameIn } from './unit-names';

/** Texts that may name the unit of a whole sheet: its title rows, its name, the file's name, and `--unit`. */
export interface SheetUnitHints {
  titles: readonly string[];
  sheet: string;
  file: string;
  option?: string;
  /** True when sheets are named after their enterprise (printed forms): the sheet name never names the unit. */
  sheetIsEnterprise?: boolean;
}

/** The unit a written name means: the table's unit, or the name with the closest table unit as a suggestion. */
export function unitRef(matcher: UnitMatcher, text: string, source: UnitRef['source']): UnitRef {
  const m = matcher.match(text);
  return m.unit ? { text, source, unit: m.unit } : { text, source, suggestion: m.suggestion };
}

/** File name without folders and extension. */
function stem(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/**
 * The unit of a sheet without a unit column (or of a row whose unit cell is blank): a table unit named in the
 * title rows, else in the sheet name, else in the file name, else `--unit`; failing all, a unit-like name found
 * there (reported as unknown), else none.
 */
export function sheetUnit(matcher: UnitMatcher, hints: SheetUnitHints): UnitRef {
  const sources: Array<[UnitRef['source'], string]> = [
    ...hints.titles.map((t): [UnitRef['source'], string] => ['title', t]),
    ...(hints.sheetIsEnterprise ? [] : [['sheet', hints.sheet] as [UnitRef['source'], string]]),
    ['file', stem(hints.file)],
  ];
  for (const [source, text] of sources) {
    const unit = matcher.findIn(text);
    if (unit) return { text, source, unit };
  }
  if (hints.option) return unitRef(matcher, hints.option, 'option');
  for (const [source, text] of sources) {
    const name = unitNameIn(text);
    if (name) return unitRef(matcher, name, source);
  }
  return { text: '', source: 'none' };
}
