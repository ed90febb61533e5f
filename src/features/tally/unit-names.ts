import { type UnitEntry, UnitDirectory } from '../units';
import type { QuotaTable } from './quota-table';

export { unitKey, unitNameIn } from '../units';

/** What a written unit name means against a quota table. */
export interface UnitMatch {
  /** The table's unit, when the name is one of its units (or a sub-unit of one). */
  unit?: string;
  /** A unit of the office's register that has no place in the quota table (气象局, a township). */
  registered?: string;
  /** The close table unit, when the name is none of them and one is close. */
  suggestion?: string;
}

/**
 * Matches unit names to the units of a quota table: county, city and province prefixes, abbreviations and other
 * official names, sub-units (…局法规股), and, with the office's register (`--units`), the names it lists for each
 * unit. A register name that is itself a unit outside the table is recognised as such, never forced onto one.
 */
export class UnitMatcher {
  private readonly quota: UnitDirectory;
  private readonly register?: UnitDirectory;
  private readonly cache = new Map<string, UnitMatch>();

  constructor(
    readonly table: QuotaTable,
    register?: readonly UnitEntry[],
  ) {
    const region = table.region;
    this.quota = new UnitDirectory(
      table.units.map(({ unit }) => ({ name: unit, aliases: [] })),
      { region },
    );
    if (register && register.length > 0) this.register = new UnitDirectory(register, { region });
  }

  /** A register entry mapped onto the table: the table unit any of its names means, else the entry itself. */
  private fromRegister(entry: UnitEntry): UnitMatch {
    for (const name of [entry.name, ...entry.aliases]) {
      const hit = this.quota.matchExact(name);
      if (hit) return { unit: hit.entry.name };
    }
    return { registered: entry.name };
  }

  /** The table unit a written name means, or the register's unit outside the table, or a close suggestion. */
  match(name: string): UnitMatch {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const result = this.resolve(name);
    this.cache.set(name, result);
    return result;
  }

  private resolve(name: string): UnitMatch {
    // The office's own register decides first: it may settle a name the usual rules would read otherwise.
    const own = this.register?.matchExact(name);
    if (own) return this.fromRegister(own.entry);
    const hit = this.quota.match(name);
    if (hit) return { unit: hit.entry.name };
    const sub = this.register?.match(name);
    if (sub) return this.fromRegister(sub.entry);
    const close = this.quota.suggest(name);
    return close ? { suggestion: close.name } : {};
  }

  /** The unit named somewhere inside a longer text (a title, a sheet or file name), longest name first. */
  findIn(text: string): UnitMatch | undefined {
    const unit = this.quota.findIn(text);
    if (unit) return { unit: unit.name };
    const entry = this.register?.findIn(text);
    return entry ? this.fromRegister(entry) : undefined;
  }

  /** True when the name means a table unit or a unit of the register. */
  knows(name: string): boolean {
    const m = this.match(name);
    return m.unit !== undefined || m.registered !== undefined;
  }
}
