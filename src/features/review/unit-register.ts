import type { Grid } from '../../core/grid';
import type { QuotaTable } from '../tally';
import { readUnitRegisterGrids, UnitDirectory, type UnitEntry, type UnitRegisterRead } from '../units';

/** The units the office expects files from: the quota table's, or the office's own list (`--units FILE`). */
export interface UnitRegister {
  units: readonly UnitEntry[];
  /** The county, to strip from written names (于都县…). */
  region: string;
  source: 'quota' | 'file';
  file?: string;
  /** The register as read from its file (its sheet and problems), for the tally. */
  read?: UnitRegisterRead;
}

/** The register of a quota table: its units, known by their usual other names. */
export function registerFromQuota(table: QuotaTable): UnitRegister {
  return {
    units: table.units.map((u) => ({ name: u.unit, aliases: [] })),
    region: table.region,
    source: 'quota',
  };
}

/**
 * The office's units list from a workbook (the shared units register: a column of names, optional 别名 and
 * 机构代码 columns, or names and other names in the first two columns). Undefined when it names no unit.
 */
export function readUnitRegister(
  grids: readonly Grid[],
  file: string,
  region: string,
): UnitRegister | undefined {
  const read = readUnitRegisterGrids(grids);
  if (!read || read.entries.length === 0) return undefined;
  return { units: read.entries, region, source: 'file', file, read };
}

/** What a written name means against the register. */
export interface RegisterMatch {
  unit?: string;
  suggestion?: string;
}

/**
 * Written names against the register, through the shared units directory: prefixes (赣州市于都县…), other names,
 * sub-units (…局法规股), names found inside titles and file names, 机构代码.
 */
export class RegisterMatcher {
  private readonly directory: UnitDirectory;

  constructor(readonly register: UnitRegister) {
    this.directory = new UnitDirectory(register.units, { region: register.region });
  }

  /** The register unit a written name means, or a close one as a suggestion. */
  match(name: string): RegisterMatch {
    const hit = this.directory.match(name);
    if (hit) return { unit: hit.entry.name };
    const close = this.directory.suggest(name);
    return close ? { suggestion: close.name } : {};
  }

  /** The register unit named inside a longer text (a title, a file or folder name), the longest name first. */
  findIn(text: string): string | undefined {
    return this.directory.findIn(text)?.name;
  }

  /** The unit of a 机构代码 the register gives. */
  byCode(code: string): string | undefined {
    return this.directory.withCode(code)?.name;
  }
}
