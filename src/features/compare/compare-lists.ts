import { isValidUscc } from '../../rules/uscc/uscc.rule';
import { type ComparedField, type FieldChange, fieldChanges, nameKey, sharedFields } from './field-compare';
import { matchItems } from './match-items';
import type { ListRead } from './read-list';

/** One difference of a matched item: the field and the two texts as read. */
export interface CompareDifference {
  itemName: string;
  field: ComparedField | 'itemName';
  a: string;
  b: string;
  /** The item's name in list B, when it differs (a renamed item). */
  itemNameB?: string;
  /** What a ratio or frequency means on each side, per locale, when the texts do not show it plainly. */
  meaning?: FieldChange['meaning'];
  rowA: number;
  rowB: number;
}

/** The 机构代码 of each list (the one most rows give), whether they agree and whether each is a valid code. */
export interface AgencyCodeCheck {
  a: string | null;
  b: string | null;
  same: boolean;
  validA: boolean;
  validB: boolean;
}

/** The two-platform comparison: counts, names in only one list, field differences, 机构代码 agreement. */
export interface CompareResult {
  countA: number;
  countB: number;
  onlyInA: string[];
  onlyInB: string[];
  differences: CompareDifference[];
  agencyCode: AgencyCodeCheck;
  /** Pairs that may be one renamed item; counted in onlyInA / onlyInB until a person decides. */
  uncertain: Array<{ a: string; b: string; score: number }>;
  /** Items paired (by code, name or a confident similarity). */
  matched: number;
}

/** The code most rows of a list give (a code written above the table when no row has one), upper-cased. */
export function listAgencyCode(list: ListRead): string | null {
  const counts = new Map<string, number>();
  for (const item of list.items) {
    const code = (item.texts.agencyCode ?? '').replace(/\s/g, '').toUpperCase();
    if (code !== '') counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const best = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
  return best ?? list.meta.agencyCode ?? null;
}

/**
 * Compares two exports of one unit's list (互联网+监管 and the 双随机 platform): item counts, names in only one
 * list, every field difference of matched items compared by meaning, and the unit's 机构代码.
 */
export function compareLists(a: ListRead, b: ListRead): CompareResult {
  const match = matchItems(a.items, b.items);
  const fields = sharedFields(a.columns, b.columns);
  const differences: CompareDifference[] = [];
  const pairs = [...match.pairs].sort((x, y) => x.previous.row - y.previous.row);
  for (const { previous: x, current: y } of pairs) {
    const renamed = nameKey(x.itemName) !== nameKey(y.itemName);
    const base = {
      itemName: x.itemName,
      rowA: x.row,
      rowB: y.row,
      ...(renamed ? { itemNameB: y.itemName } : {}),
    };
    if (renamed) differences.push({ ...base, field: 'itemName', a: x.itemName, b: y.itemName });
    for (const c of fieldChanges(x, y, fields))
      differences.push({
        ...base,
        field: c.field,
        a: c.from,
        b: c.to,
        ...(c.meaning ? { meaning: c.meaning } : {}),
      });
  }
  const codeA = listAgencyCode(a);
  const codeB = listAgencyCode(b);
  return {
    countA: a.items.length,
    countB: b.items.length,
    onlyInA: match.onlyPrevious.map((i) => i.itemName),
    onlyInB: match.onlyCurrent.map((i) => i.itemName),
    differences,
    agencyCode: {
      a: codeA,
      b: codeB,
      same: codeA !== null && codeA === codeB,
      validA: codeA !== null && isValidUscc(codeA),
      validB: codeB !== null && isValidUscc(codeB),
    },
    uncertain: match.uncertain.map((u) => ({
      a: u.previous.itemName,
      b: u.current.itemName,
      score: u.score,
    })),
    matched: match.pairs.length,
  };
}

/** True when the two lists agree on everything compared. */
export function listsAgree(r: CompareResult): boolean {
  const codes = r.agencyCode;
  const codesOk = (codes.a === null && codes.b === null) || (codes.same && codes.validA);
  return r.countA === r.countB && !r.onlyInA.length && !r.onlyInB.length && !r.differences.length && codesOk;
}
