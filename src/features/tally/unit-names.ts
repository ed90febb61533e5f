import { distance } from 'fastest-levenshtein';
import { normaliseText } from '../../core/normalise';
import type { QuotaTable } from './quota-table';

/**
 * Names one county unit goes by: the full name, the abbreviation used in Annex 1, former names (机构改革 2019).
 * The first name of a group stands for the group; a quota table may use any of them.
 */
const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['工信局', '工业和信息化局', '工业和信息化委员会', '工信委', '工业信息化局', '工业和信息化委'],
  [
    '教科体局',
    '教育科技体育局',
    '教育科学技术体育局',
    '教育体育局',
    '教体局',
    '教育局',
    '教科局',
    '教育科技局',
  ],
  ['民政局'],
  ['司法局'],
  ['财政局'],
  ['人社局', '人力资源和社会保障局', '人力资源社会保障局', '人保局'],
  ['医保局', '医疗保障局'],
  ['自然资源局', '自然资源和规划局', '自然资源规划局', '国土资源局', '国土局'],
  ['住建局', '住房和城乡建设局', '住房城乡建设局', '城乡建设局', '建设局'],
  ['交通运输局', '交通局'],
  ['水利局', '水务局'],
  ['农业农村局', '农业局', '农业和农村局', '农村农业局'],
  ['林业局'],
  ['商务局'],
  [
    '文广新旅局',
    '文化广电新闻出版旅游局',
    '文化广电旅游局',
    '文广旅局',
    '文旅局',
    '文化和旅游局',
    '文广新局',
  ],
  ['卫健委', '卫生健康委员会', '卫生健康委', '卫生健康局', '卫健局', '卫计委', '卫生和计划生育委员会'],
  ['统战部', '统一战线工作部', '委统战部'],
  ['生态环境局', '生态环境分局', '环保局', '环境保护局'],
  ['发改委', '发展和改革委员会', '发展改革委', '发展和改革委', '发改局', '发展和改革局'],
  ['城管局', '城市管理局', '城市管理和综合执法局', '城市管理执法局', '城管执法局', '城市管理行政执法局'],
  ['公安局'],
  ['应急管理局', '应急局'],
  ['市场监督管理局', '市场监管局', '市监局', '市场和质量监督管理局', '市场监督局'],
];

/** A unit name reduced for comparison: no spaces or brackets, no county prefix, 委员会 → 委. */
export function unitKey(name: string, region = ''): string {
  let s = normaliseText(name)
    .replace(/\s/g, '')
    .replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[(（)）:：]/g, '')
    .replace(/(盖章|印章|公章)$/, '');
  s = s.replace(/^中共/, '');
  const bare = region.replace(/[县区市旗]$/, '');
  let stripped = false;
  for (const prefix of [region, bare].filter((p) => p.length >= 2)) {
    if (s.startsWith(prefix) && s.length > prefix.length + 1) {
      s = s.slice(prefix.length);
      stripped = true;
      break;
    }
  }
  if (!stripped && /^[\u4e00-\u9fff]{2,3}县(?=[\u4e00-\u9fff]{2})/.test(s)) {
    s = s.replace(/^[\u4e00-\u9fff]{2,3}县/, '');
    stripped = true;
  }
  if (/^县(?=[\u4e00-\u9fff]{2})/.test(s)) {
    s = s.slice(1);
    stripped = true;
  }
  // 于都县委统战部, 县委统战部: the party committee's own departments.
  if (stripped && /^委(?!员会)(?=[\u4e00-\u9fff]{2})/.test(s)) s = s.slice(1);
  return s.replace(/委员会$/, '委').toUpperCase();
}

/** What a written unit name means against a quota table. */
export interface UnitMatch {
  /** The table's unit, when the name is one of its units. */
  unit?: string;
  /** The closest table unit, when the name is none of them. */
  suggestion?: string;
}

/** Matches unit names (with county prefixes, abbreviations, other official names) to the units of a quota table. */
export class UnitMatcher {
  private readonly exact = new Map<string, string>();
  private readonly byGroup = new Map<string, string>();
  private readonly groupOf = new Map<string, number>();
  /** Every spelling that names a table unit (for finding a unit inside a title or file name), longest first. */
  private readonly spellings: Array<{ text: string; unit: string }> = [];

  constructor(readonly table: QuotaTable) {
    ALIAS_GROUPS.forEach((group, i) => {
      for (const name of group) this.groupOf.set(unitKey(name), i);
    });
    for (const { unit } of table.units) {
      const key = unitKey(unit, table.region);
      if (!this.exact.has(key)) this.exact.set(key, unit);
      const g = this.groupOf.get(key);
      const names = g === undefined ? [unit] : [unit, ...ALIAS_GROUPS[g]];
      if (g !== undefined && !this.byGroup.has(String(g))) this.byGroup.set(String(g), unit);
      for (const text of names) {
        const t = normaliseText(text).replace(/\s/g, '');
        if (t.length >= 3) this.spellings.push({ text: t, unit });
      }
    }
    this.spellings.sort((a, b) => b.text.length - a.text.length);
  }

  /** The table unit a written name means, or the closest one as a suggestion. */
  match(name: string): UnitMatch {
    const key = unitKey(name, this.table.region);
    const exact = this.exact.get(key);
    if (exact) return { unit: exact };
    const g = this.groupOf.get(key);
    const grouped = g === undefined ? undefined : this.byGroup.get(String(g));
    if (grouped) return { unit: grouped };
    return { suggestion: this.suggest(key) };
  }

  /** The table unit named somewhere inside a longer text (a title, a sheet or file name), longest name first. */
  findIn(text: string): string | undefined {
    const t = normaliseText(text).replace(/\s/g, '');
    return this.spellings.find((s) => t.includes(s.text))?.unit;
  }

  /** The closest table unit to a key: fewest edits over the unit's names, then the longest shared start, then run. */
  private suggest(key: string): string | undefined {
    let best: { unit: string; d: number; prefix: number; shared: number } | undefined;
    for (const { unit } of this.table.units) {
      const own = unitKey(unit, this.table.region);
      const g = this.groupOf.get(own);
      const keys = g === undefined ? [own] : [own, ...ALIAS_GROUPS[g].map((n) => unitKey(n))];
      for (const k of keys) {
        const d = distance(key, k);
        let prefix = 0;
        while (prefix < key.length && key[prefix] === k[prefix]) prefix++;
        const shared = sharedRun(key, k);
        const better =
          !best ||
          d < best.d ||
          (d === best.d && (prefix > best.prefix || (prefix === best.prefix && shared > best.shared)));
        if (better) best = { unit, d, prefix, shared };
      }
    }
    return best?.unit;
  }
}

/** Length of the longest common substring of two short strings. */
function sharedRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let n = 0;
      while (i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
      if (n > best) best = n;
    }
  return best;
}

/**
 * A unit name read from a file or sheet name that names no table unit: the first part (between - _ . and
 * brackets) that ends like a unit (局, 委, 部, 办…), e.g. 于都县档案局-监测点申报表 → 于都县档案局. Undefined when none.
 */
export function unitNameIn(text: string): string | undefined {
  const parts = normaliseText(text)
    .replace(/\s/g, '')
    .split(/[-_—.、,;()[\]【】]+/);
  for (const part of parts) {
    const m = /^(?:中共)?([\u4e00-\u9fff]{1,16}?(?:委员会|局|委|部|办公室|办|中心|院|馆|所|站|队))/.exec(
      part,
    );
    if (m && m[1].length >= 2) return m[1];
  }
  return undefined;
}
