import { itemAt } from '../../core/item-at';
import type { Place } from '../../core/rule';
import type { Settings } from '../../core/settings';
import {
  decisionFinding,
  duplicateFinding,
  type Nomination,
  possibleDuplicateFinding,
  unplacedUnitFinding,
} from '../../rules/tally/tally.rule';
import { type Declaration, enterpriseKey, enterpriseVariantKey } from './declaration';
import type { DecisionsRead } from './decisions';
import type { QuotaTable } from './quota-table';
import { gradeTally, type TallyIssue } from './tally-issue';
import type { UnitMatcher } from './unit-names';

/** How a unit stands against its quota: met, short, over, or nothing counted at all (silent). */
export type UnitStatus = 'met' | 'short' | 'over' | 'none';

/** One row of the tally: a unit of the quota table. */
export interface UnitTally {
  unit: string;
  quota: number;
  /** Eligible enterprises counted for the unit (大型 and repeated nominations excluded). */
  declared: number;
  status: UnitStatus;
  /** declared − quota: negative when short. */
  difference: number;
  /** Every declaration attributed to the unit, counted or not. */
  submitted: number;
}

/** A unit name that is not in the quota table, with a close table unit when there is one. */
export interface UnknownUnit {
  /** The name as written ('' when nothing named a unit). */
  name: string;
  file: string;
  sheet: string;
  /** A close table unit, or null (分配表中没有相近的单位). */
  suggestion: string | null;
  /** How many declarations name it. */
  declarations: number;
  /** The unit of the office's register it is (a unit with no place in the quota table), or null. */
  registered: string | null;
}

/** Why a repeated nomination counts for the unit it counts for. */
export type DuplicateChoice = 'order' | 'table-unit' | 'decision';

/** An enterprise nominated more than once (same credit code or same name), across units or files. */
export interface Duplicate {
  enterprise: string;
  uscc: string | null;
  /** The nominating units in order (table names, or the names as written when unknown). */
  units: string[];
  files: string[];
  /** How many declarations name it. */
  count: number;
  /** The table unit it counts for, or null when none of its nominations can count. */
  countedFor: string | null;
  /**
   * Why: `order` the first nomination of a table unit, `table-unit` a table unit's nomination preferred to an
   * earlier one by a unit outside the table, `decision` the office's decisions file.
   */
  choice: DuplicateChoice;
}

/** Enterprises whose names differ only in brackets, punctuation or 有限公司 / 有限责任公司, without a code apart. */
export interface PossibleDuplicate {
  /** The names as written, in reading order. */
  enterprises: string[];
  units: string[];
  files: string[];
}

/** Why a declaration is not counted. */
export type ExclusionReason = 'large-enterprise' | 'duplicate';

/** A declaration that is not counted, and why. */
export interface Excluded {
  enterprise: string;
  unit: string;
  reason: ExclusionReason;
  file: string;
  sheet: string;
  row: number;
  /** For a repeated nomination: the table unit the enterprise counts for (null when none). */
  countedFor?: string | null;
}

/** Enterprises missing (or over) summed over the units short (or over), and how many units those are. */
export interface Gap {
  enterprises: number;
  units: number;
}

/** The tally's counts: per unit, unknown units, duplicates, exclusions, totals. */
export interface Tally {
  quotaTotal: number;
  declaredTotal: number;
  /** What the units short still owe, not netted against any excess. */
  shortfall: Gap;
  /** What the units over declared beyond their quota. */
  excess: Gap;
  units: UnitTally[];
  unknownUnits: UnknownUnit[];
  duplicates: Duplicate[];
  possibleDuplicates: PossibleDuplicate[];
  excluded: Excluded[];
  /** Parallel to the declarations: true when counted for its unit. */
  counted: boolean[];
  /**
   * Declaration indexes in the order 申报明细 lists them: reading order, except that an enterprise's repeated
   * nominations follow the one that counts (so "an earlier row names it" marks exactly the ones not counted).
   */
  order: number[];
  issues: TallyIssue[];
}

/** The status of a unit from its quota and count. */
export function unitStatus(quota: number, declared: number): UnitStatus {
  if (declared === 0 && quota > 0) return 'none';
  return declared < quota ? 'short' : declared > quota ? 'over' : 'met';
}

/** The unit of a declaration for display: the table's name, else the name as written. */
export function unitLabel(d: Declaration): string {
  return d.unit.unit ?? d.unit.text;
}

/** A declaration as the duplicate checks compare it, placed on its 企业名称 cell (or its row). */
function nomination(d: Declaration): Nomination {
  const cell = d.cells.enterprise ?? { row: d.row, column: undefined };
  const at: Place = {
    sheet: d.sheet,
    row: cell.row,
    column: cell.column,
    field: 'enterprise',
    received: d.enterprise,
  };
  return {
    enterprise: d.enterprise,
    key: enterpriseKey(d.enterprise),
    file: d.file,
    sheet: d.sheet,
    unit: unitLabel(d),
    at,
  };
}

/**
 * The county's status: 未申报 when nothing counted, else short when any unit is short, over when any unit is over
 * (shortage and excess are never netted against each other), else met.
 */
export function totalStatus(
  t: Pick<Tally, 'declaredTotal' | 'quotaTotal' | 'shortfall' | 'excess'>,
): UnitStatus {
  if (t.declaredTotal === 0 && t.quotaTotal > 0) return 'none';
  return t.shortfall.enterprises > 0 ? 'short' : t.excess.enterprises > 0 ? 'over' : 'met';
}

/** Shortfall and excess over the table's units. */
export function gaps(units: readonly UnitTally[]): { shortfall: Gap; excess: Gap } {
  const shortfall = { enterprises: 0, units: 0 };
  const excess = { enterprises: 0, units: 0 };
  for (const u of units) {
    if (u.difference < 0) {
      shortfall.enterprises -= u.difference;
      shortfall.units++;
    } else if (u.difference > 0) {
      excess.enterprises += u.difference;
      excess.units++;
    }
  }
  return { shortfall, excess };
}

/** Declaration indexes of one enterprise, in reading order; never empty. */
type Group = [number, ...number[]];

/** Groups of declarations naming one enterprise (same name, or same credit code), as index lists in reading order. */
function enterpriseGroups(declarations: readonly Declaration[]): Group[] {
  const parent = declarations.map((_, i) => i);
  const find = (i: number): number => {
    const p = itemAt(parent, i);
    return p === i ? i : (parent[i] = find(p));
  };
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const byName = new Map<string, number>();
  const byCode = new Map<string, number>();
  declarations.forEach((d, i) => {
    const name = enterpriseKey(d.enterprise);
    const seen = byName.get(name);
    if (seen === undefined) byName.set(name, i);
    else union(seen, i);
    if (d.uscc === '') return;
    const code = byCode.get(d.uscc);
    if (code === undefined) byCode.set(d.uscc, i);
    else union(code, i);
  });
  const groups = new Map<number, Group>();
  declarations.forEach((_, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });
  // A group's root is its first member.
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
}

/** What the tally needs besides the declarations: the table, the settings, the matcher, the office's decisions. */
export interface TallyContext {
  table: QuotaTable;
  settings: Settings;
  matcher: UnitMatcher;
  decisions?: DecisionsRead;
}

/**
 * Tallies declarations (in reading order) against a quota table. A declaration counts unless its 规模 is 大型 or
 * another declaration of the same enterprise (same credit code, or same name without spaces) counts: of several,
 * the one the office's decisions name, else the first by a unit of the table (a unit outside the table never takes
 * a table unit's place), else the first. Only declarations of table units add to the units and the total.
 */
export function tallyDeclarations(declarations: readonly Declaration[], ctx: TallyContext): Tally {
  const { settings } = ctx;
  const issues: TallyIssue[] = [];
  const counted = declarations.map(() => false);
  const excludedAt: Array<[number, Excluded]> = [];
  const duplicates: Duplicate[] = [];
  const order: number[] = [];
  const large = (i: number) => itemAt(declarations, i).scale === '大型';
  const groups = enterpriseGroups(declarations);
  const decide = decisionFinder(declarations, groups, ctx, issues);

  for (const ids of groups) {
    const eligible = ids.filter((i) => !large(i));
    const inTable = eligible.filter((i) => itemAt(declarations, i).unit.unit !== undefined);
    const decided = decide(ids);
    const winner = decided ?? inTable[0] ?? eligible[0];
    if (winner !== undefined) counted[winner] = true;
    // 申报明细 lists the counted nomination first, then the others, each next to one sharing its name or code.
    order.push(...chainFrom(winner ?? ids[0], ids, declarations));
    for (const i of ids) {
      const d = itemAt(declarations, i);
      if (i === winner) continue;
      const reason: ExclusionReason = large(i) ? 'large-enterprise' : 'duplicate';
      const entry: Excluded = {
        enterprise: d.enterprise,
        unit: unitLabel(d),
        reason,
        file: d.file,
        sheet: d.sheet,
        row: d.row,
      };
      if (reason === 'duplicate')
        entry.countedFor = winner !== undefined ? (itemAt(declarations, winner).unit.unit ?? null) : null;
      excludedAt.push([i, entry]);
      if (large(i) || winner === undefined) continue;
      const duplicate = duplicateFinding(nomination(d), nomination(itemAt(declarations, winner)));
      if (duplicate) issues.push(gradeTally(settings, d.file, duplicate));
    }
    if (ids.length < 2) continue;
    const ds = ids.map((i) => itemAt(declarations, i));
    const countedFor = winner !== undefined ? (itemAt(declarations, winner).unit.unit ?? null) : null;
    const choice: DuplicateChoice =
      decided !== undefined
        ? 'decision'
        : winner !== undefined && winner !== ids[0] && countedFor
          ? 'table-unit'
          : 'order';
    duplicates.push({
      enterprise: itemAt(declarations, ids[0]).enterprise,
      uscc: ds.find((d) => d.uscc !== '')?.uscc ?? null,
      units: [...new Set(ds.map(unitLabel))],
      files: [...new Set(ds.map((d) => d.file))],
      count: ds.length,
      countedFor,
      choice,
    });
  }
  const excluded = excludedAt.sort((a, b) => a[0] - b[0]).map(([, e]) => e);

  const units: UnitTally[] = ctx.table.units.map(({ unit, quota }) => {
    let declared = 0;
    let submitted = 0;
    declarations.forEach((d, i) => {
      if (d.unit.unit !== unit) return;
      submitted++;
      if (counted[i]) declared++;
    });
    return {
      unit,
      quota,
      declared,
      status: unitStatus(quota, declared),
      difference: declared - quota,
      submitted,
    };
  });

  return {
    quotaTotal: ctx.table.total,
    declaredTotal: units.reduce((s, u) => s + u.declared, 0),
    ...gaps(units),
    units,
    unknownUnits: unknownUnits(declarations, settings, issues),
    duplicates,
    possibleDuplicates: possibleDuplicates(declarations, groups, settings, issues),
    excluded,
    counted,
    order,
    issues,
  };
}

/**
 * The group's members starting with `start`, each following one that shares its name or code (breadth first), then
 * any left over in reading order.
 */
function chainFrom(start: number, ids: readonly number[], declarations: readonly Declaration[]): number[] {
  const out = [start];
  const left = new Set(ids.filter((i) => i !== start));
  for (let k = 0; k < out.length && left.size > 0; k++) {
    const a = itemAt(declarations, itemAt(out, k));
    for (const i of [...left]) {
      const b = itemAt(declarations, i);
      if (
        enterpriseKey(a.enterprise) === enterpriseKey(b.enterprise) ||
        (a.uscc !== '' && a.uscc === b.uscc)
      ) {
        out.push(i);
        left.delete(i);
      }
    }
  }
  return [...out, ...left];
}

/**
 * The office's decision for a group, as a declaration index (the first eligible nomination by the unit decided),
 * reporting decisions that name no repeated enterprise, a unit outside the table, or a unit that did not nominate it.
 */
function decisionFinder(
  declarations: readonly Declaration[],
  groups: readonly Group[],
  ctx: TallyContext,
  issues: TallyIssue[],
): (ids: readonly number[]) => number | undefined {
  const read = ctx.decisions;
  if (!read) return () => undefined;
  const groupOf = new Map<number, readonly number[]>();
  for (const ids of groups) if (ids.length > 1) for (const i of ids) groupOf.set(i, ids);
  const chosen = new Map<readonly number[], number>();
  for (const decision of read.decisions) {
    const at: Place = { sheet: read.sheet, row: decision.row };
    const name = decision.enterprise !== '' ? enterpriseKey(decision.enterprise) : undefined;
    const index = declarations.findIndex(
      (d) =>
        (name !== undefined && enterpriseKey(d.enterprise) === name) ||
        (decision.uscc !== '' && d.uscc === decision.uscc),
    );
    const ids = index >= 0 ? groupOf.get(index) : undefined;
    const resolved = ids ? ctx.matcher.match(decision.unit).unit || undefined : undefined;
    const pick = resolved
      ? ids?.find(
          (i) => itemAt(declarations, i).unit.unit === resolved && itemAt(declarations, i).scale !== '大型',
        )
      : undefined;
    const row = {
      enterprise: decision.enterprise || decision.uscc,
      unit: decision.unit,
      duplicated: ids !== undefined,
      resolved,
      nominated: pick !== undefined,
    };
    const refused = decisionFinding(row, at);
    if (refused || !ids || pick === undefined) {
      if (refused) issues.push(gradeTally(ctx.settings, read.file, refused));
      continue;
    }
    chosen.set(ids, pick);
  }
  return (ids) => chosen.get(ids);
}

/** The unit names not in the table, one entry per name, file and sheet, each reported once. */
function unknownUnits(
  declarations: readonly Declaration[],
  settings: Settings,
  issues: TallyIssue[],
): UnknownUnit[] {
  const unknown = new Map<string, UnknownUnit>();
  for (const d of declarations) {
    if (d.unit.unit) continue;
    const key = `${d.unit.text}\u0001${d.file}\u0001${d.sheet}`;
    const entry = unknown.get(key);
    if (entry) {
      entry.declarations++;
      continue;
    }
    unknown.set(key, {
      name: d.unit.text,
      file: d.file,
      sheet: d.sheet,
      suggestion: d.unit.suggestion ?? null,
      declarations: 1,
      registered: d.unit.registered ?? null,
    });
    const at: Place = {
      sheet: d.sheet,
      row: d.unit.cell?.row,
      column: d.unit.cell?.column,
      field: d.unit.cell ? 'unit' : undefined,
      received: d.unit.text || undefined,
    };
    issues.push(gradeTally(settings, d.file, unplacedUnitFinding(d.unit, at)));
  }
  return [...unknown.values()];
}

/**
 * Enterprises whose names differ only in brackets, punctuation or 有限公司 / 有限责任公司 and whose codes do not
 * tell them apart (at most one of them has a code). Listed with a warning on the later one; the counts stay.
 */
function possibleDuplicates(
  declarations: readonly Declaration[],
  groups: readonly Group[],
  settings: Settings,
  issues: TallyIssue[],
): PossibleDuplicate[] {
  const byVariant = new Map<string, Group[]>();
  for (const ids of groups) {
    const keys = new Set(ids.map((i) => enterpriseVariantKey(itemAt(declarations, i).enterprise)));
    for (const key of keys) {
      const list = byVariant.get(key);
      if (list) {
        if (!list.includes(ids)) list.push(ids);
      } else byVariant.set(key, [ids]);
    }
  }
  const out: PossibleDuplicate[] = [];
  const seen = new Set<string>();
  for (const sets of byVariant.values()) {
    if (sets.length < 2) continue;
    const codes = new Set(
      sets.map((ids) => ids.map((i) => itemAt(declarations, i).uscc).find((c) => c !== '') ?? ''),
    );
    codes.delete('');
    // Two different credit codes: two different enterprises, whatever their names.
    if (codes.size > 1) continue;
    const members = sets.map((ids) => ids[0]).sort((a, b) => a - b);
    const id = members.join(',');
    if (seen.has(id)) continue;
    seen.add(id);
    const ds = members.map((i) => itemAt(declarations, i));
    const first = itemAt(ds, 0);
    out.push({
      enterprises: ds.map((d) => d.enterprise),
      units: [...new Set(ds.map(unitLabel))],
      files: [...new Set(ds.map((d) => d.file))],
    });
    for (const d of ds.slice(1))
      issues.push(gradeTally(settings, d.file, possibleDuplicateFinding(nomination(d), nomination(first))));
  }
  return out;
}
