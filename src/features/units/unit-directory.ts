import { itemAt } from '../../core/item-at';
import { distance } from 'fastest-levenshtein';
import { normaliseText } from '../../core/normalise';
import { ALIAS_GROUPS } from './unit-aliases';
import { closeUnitKeys, SUB_UNIT, unitKey, unitKeys } from './unit-key';

/** A unit the office knows: its name, other names it goes by, and optionally its kind and 机构代码. */
export interface UnitEntry {
  /** The name as the office writes it (住建局, 贡江镇…). */
  name: string;
  /** Other names, as written in the register's alias column or known for the unit (住房和城乡建设局…). */
  aliases: readonly string[];
  /** 县直单位, 乡镇…, as the register says; '' when not given. */
  kind?: string;
  /** The unit's 统一社会信用代码 (机构代码), when the register gives it. */
  code?: string;
}

/** How a written name was recognised: the unit's own name, one of its other names, or a sub-unit of it. */
export type UnitHow = 'name' | 'alias' | 'sub-unit';

/** A written name recognised as a unit of the directory. */
export interface UnitHit {
  entry: UnitEntry;
  how: UnitHow;
}

/** Options of a directory: the county (to strip its name in front), and whether known official names are added. */
export interface UnitDirectoryOptions {
  /** The county, district or county-level city (于都县, 赣县区, 瑞金市); '' when unknown. */
  region?: string;
  /** Add the usual other names of each unit (住房和城乡建设局 for 住建局, 市场监管局 for 市场监督管理局…). Default true. */
  knownAliases?: boolean;
}

/**
 * The units an office deals with, found by any name they are written with: county, city and province prefixes
 * (赣州市于都县…, 江西省于都县…, 县…, 区…), brackets and stamps, other official names and former names, and sub-units
 * (…局法规股, 公安局交警大队). Host-free; shared by the tally and the review desk.
 */
export class UnitDirectory {
  readonly entries: readonly UnitEntry[];
  readonly region: string;
  /** Every key of every name → the entries it names (two entries on one key make the key ambiguous). */
  private readonly byKey = new Map<string, Array<{ entry: UnitEntry; how: UnitHow }>>();
  /** Spellings for finding a unit inside a longer text (a title, a file name), longest first. */
  private readonly spellings: Array<{ text: string; entry: UnitEntry }> = [];
  private readonly byCode = new Map<string, UnitEntry>();

  constructor(entries: readonly UnitEntry[], options: UnitDirectoryOptions = {}) {
    this.region = options.region ?? '';
    const groupOf = new Map<string, number>();
    ALIAS_GROUPS.forEach((group, i) => group.forEach((n) => groupOf.set(unitKey(n), i)));
    this.entries = entries.map((e) => {
      if (options.knownAliases === false) return e;
      const known = new Set<string>();
      for (const n of [e.name, ...e.aliases]) {
        const g = groupOf.get(unitKey(n, this.region));
        if (g !== undefined) itemAt(ALIAS_GROUPS, g).forEach((a) => known.add(a));
      }
      const extra = [...known].filter((a) => a !== e.name && !e.aliases.includes(a));
      return extra.length > 0 ? { ...e, aliases: [...e.aliases, ...extra] } : e;
    });
    // An entry's own names first, so a register's alias never loses to another entry's built-in name.
    for (const pass of ['own', 'known'] as const)
      for (const [i, entry] of this.entries.entries()) {
        const given = itemAt(entries, i);
        const own = new Set([given.name, ...given.aliases]);
        for (const [j, name] of [entry.name, ...entry.aliases].entries()) {
          if ((pass === 'own') !== own.has(name)) continue;
          const how: UnitHow = j === 0 ? 'name' : 'alias';
          for (const key of unitKeys(name, this.region)) this.file(key, entry, how, pass === 'known');
          const text = normaliseText(name).replace(/\s/g, '');
          if (text.length >= 3) this.spellings.push({ text, entry });
        }
      }
    this.spellings.sort((a, b) => b.text.length - a.text.length);
    for (const e of this.entries) if (e.code) this.byCode.set(e.code.replace(/\s/g, '').toUpperCase(), e);
  }

  private file(key: string, entry: UnitEntry, how: UnitHow, weak: boolean): void {
    const list = this.byKey.get(key) ?? [];
    if (list.some((x) => x.entry === entry)) return;
    // A built-in name already taken by another entry's own name stays with that entry.
    if (weak && list.length > 0) return;
    list.push({ entry, how });
    this.byKey.set(key, list);
  }

  /** The unit a name is written for, exactly (prefixes, brackets and other names allowed), or undefined. */
  matchExact(text: string): UnitHit | undefined {
    for (const key of unitKeys(text, this.region)) {
      const list = this.byKey.get(key);
      if (list?.length === 1) return list[0];
    }
    return undefined;
  }

  /** The unit a name is written for, sub-units included (…局法规股 → …局), or undefined. */
  match(text: string): UnitHit | undefined {
    const exact = this.matchExact(text);
    if (exact) return exact;
    for (const key of unitKeys(text, this.region)) {
      let best: { entry: UnitEntry; length: number } | undefined;
      for (const [known, list] of this.byKey) {
        const [only] = list;
        if (!only || list.length !== 1 || known.length < 3 || known.length >= key.length) continue;
        if (!key.startsWith(known) || !SUB_UNIT.test(key.slice(known.length))) continue;
        if (!best || known.length > best.length) best = { entry: only.entry, length: known.length };
      }
      if (best) return { entry: best.entry, how: 'sub-unit' };
    }
    return undefined;
  }

  /** The unit named somewhere inside a longer text (a title, a sheet or file name), longest name first. */
  findIn(text: string): UnitEntry | undefined {
    const t = normaliseText(text).replace(/\s/g, '');
    return this.spellings.find((s) => t.includes(s.text))?.entry;
  }

  /** The unit whose 机构代码 this is. */
  withCode(code: string): UnitEntry | undefined {
    return this.byCode.get(code.replace(/\s/g, '').toUpperCase());
  }

  /**
   * The unit a name that matches none was probably meant for, only when it is close (住建委 → 住建局, 自然资原局 →
   * 自然资源局); undefined when nothing is close (税务局 is not 水利局).
   */
  suggest(text: string): UnitEntry | undefined {
    const key = unitKey(text, this.region);
    let best: { entry: UnitEntry; d: number } | undefined;
    for (const [known, list] of this.byKey) {
      const [only] = list;
      if (!only || list.length !== 1 || !closeUnitKeys(key, known, distance)) continue;
      const d = distance(key, known);
      if (!best || d < best.d) best = { entry: only.entry, d };
    }
    return best?.entry;
  }
}
