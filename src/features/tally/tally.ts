import type { Settings } from '../../core/settings';
import { type Declaration, enterpriseKey } from './declaration';
import type { QuotaTable } from './quota-table';
import { type TallyIssue, tallyIssue } from './tally-issue';

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

/** A unit name that is not in the quota table, with the closest table unit. */
export interface UnknownUnit {
  /** The name as written ('' when nothing named a unit). */
  name: string;
  file: string;
  sheet: string;
  suggestion: string | null;
  /** How many declarations name it. */
  declarations: number;
}

/** An enterprise nominated more than once (same credit code or same name), across units or files. */
export interface Duplicate {
  enterprise: string;
  uscc: string | null;
  /** The nominating units in order (table names, or the names as written when unknown). */
  units: string[];
  files: string[];
  /** How many declarations name it. */
  count: number;
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
}

/** The tally's counts: per unit, unknown units, duplicates, exclusions, totals. */
export interface Tally {
  quotaTotal: number;
  declaredTotal: number;
  units: UnitTally[];
  unknownUnits: UnknownUnit[];
  duplicates: Duplicate[];
  excluded: Excluded[];
  /** Parallel to the declarations: true when counted for its unit. */
  counted: boolean[];
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

/**
 * Tallies declarations (in reading order) against a quota table. A declaration counts unless its 规模 is 大型 or
 * an earlier declaration names the same enterprise (same credit code, or same name without spaces): the first
 * nomination counts, the later ones are listed. Only declarations of table units add to the units and the total.
 */
export function tallyDeclarations(
  declarations: readonly Declaration[],
  table: QuotaTable,
  settings: Settings,
): Tally {
  const issues: TallyIssue[] = [];
  const counted: boolean[] = [];
  const excluded: Excluded[] = [];
  const firstByName = new Map<string, number>();
  const firstByCode = new Map<string, number>();
  const group: number[] = [];
  declarations.forEach((d, i) => {
    const name = enterpriseKey(d.enterprise);
    const earlier = firstByName.get(name) ?? (d.uscc !== '' ? firstByCode.get(d.uscc) : undefined);
    if (!firstByName.has(name)) firstByName.set(name, i);
    if (d.uscc !== '' && !firstByCode.has(d.uscc)) firstByCode.set(d.uscc, i);
    group[i] = earlier === undefined ? i : group[earlier];
    const large = d.scale === '大型';
    counted[i] = !large && earlier === undefined;
    const reason: ExclusionReason | undefined = large
      ? 'large-enterprise'
      : earlier !== undefined
        ? 'duplicate'
        : undefined;
    if (reason)
      excluded.push({
        enterprise: d.enterprise,
        unit: unitLabel(d),
        reason,
        file: d.file,
        sheet: d.sheet,
        row: d.row,
      });
    if (earlier === undefined) return;
    const first = declarations[earlier];
    // Two rows of one sheet with one name are already reported by the sheet's own check (unique/duplicate).
    if (first.file === d.file && first.sheet === d.sheet && enterpriseKey(first.enterprise) === name) return;
    const cell = d.cells.enterprise ?? { row: d.row, column: undefined };
    issues.push(
      tallyIssue(
        settings,
        'tally/duplicate',
        {
          file: d.file,
          sheet: d.sheet,
          row: cell.row,
          column: cell.column,
          field: 'enterprise',
          received: d.enterprise,
        },
        {
          enterprise: d.enterprise,
          firstUnit: unitLabel(first) || '?',
          firstFile: first.file.replace(/^.*[\\/]/, ''),
        },
      ),
    );
  });

  const duplicates: Duplicate[] = [];
  const members = new Map<number, number[]>();
  group.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  for (const ids of members.values()) {
    if (ids.length < 2) continue;
    const ds = ids.map((i) => declarations[i]);
    duplicates.push({
      enterprise: ds[0].enterprise,
      uscc: ds.find((d) => d.uscc !== '')?.uscc ?? null,
      units: [...new Set(ds.map(unitLabel))],
      files: [...new Set(ds.map((d) => d.file))],
      count: ds.length,
    });
  }

  const units: UnitTally[] = table.units.map(({ unit, quota }) => {
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
    });
    const at = {
      file: d.file,
      sheet: d.sheet,
      row: d.unit.cell?.row,
      column: d.unit.cell?.column,
      field: d.unit.cell ? 'unit' : undefined,
      received: d.unit.text || undefined,
    };
    if (d.unit.text === '')
      issues.push(tallyIssue(settings, 'tally/no-unit', { file: d.file, sheet: d.sheet }, {}));
    else
      issues.push(
        tallyIssue(settings, 'tally/unknown-unit', at, {
          name: d.unit.text,
          suggestion: d.unit.suggestion ?? '',
        }),
      );
  }

  return {
    quotaTotal: table.total,
    declaredTotal: units.reduce((s, u) => s + u.declared, 0),
    units,
    unknownUnits: [...unknown.values()],
    duplicates,
    excluded,
    counted,
    issues,
  };
}
