import { normaliseText } from '../../core/normalise';

/** The level of a region from its last character: 县, 区 (district), 市 (county-level city) or 旗. */
export type RegionLevel = '县' | '区' | '市' | '旗';

/** The level of a region name (于都县 → 县, 赣县区 → 区, 瑞金市 → 市); 县 when unknown. */
export function regionLevel(region: string): RegionLevel {
  const last = region.slice(-1);
  return last === '区' || last === '市' || last === '旗' ? last : '县';
}

const HAN = '[\\u4e00-\\u9fff]';
const PROVINCE = new RegExp(`^${HAN}{2,3}(?:省|自治区)`);
/** A prefecture-level city, only when a county-level name follows (赣州市于都县…, 赣州市赣县区…). */
const CITY = new RegExp(`^${HAN}{2,3}市(?=${HAN}{1,4}[县区市旗])`);
/** Any county or district name in front (兴国县…, 章贡区…), when at least a two-character name follows. */
const COUNTY = new RegExp(`^${HAN}{2,3}[县区旗](?=${HAN}{2})`);
/** A county-level city in front (瑞金市…), never 市场…, 市政…. */
const COUNTY_CITY = new RegExp(`^${HAN}{2,3}市(?![场政容民])(?=${HAN}{2})`);
/** A township's name with its government's words after it: 贡江镇人民政府 → 贡江镇. */
const TOWNSHIP = new RegExp(`^(${HAN}{1,8}?(?:镇|乡|街道))(?:人民政府|政府|党委|办事处|党政办公室|党政办)$`);

/**
 * A unit name cleaned for comparison: half-width, no spaces, no bracketed notes (（县知识产权局）), no stamp words,
 * ASCII upper-cased, 委员会 written 委.
 */
export function cleanUnitName(name: string): string {
  return normaliseText(name)
    .replace(/\s/g, '')
    .replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]|〔[^〕]*〕/g, '')
    .replace(/[()（）【】[\]〔〕:：]/g, '')
    .replace(/(盖章|印章|公章)$/, '')
    .replace(/^中共/, '')
    .toUpperCase();
}

/**
 * The keys a written unit name may stand for, least stripped first: the name itself, then without a province
 * (江西省), a prefecture city (赣州市), the county (于都县, 于都, or any 县/区/旗 name), the level word alone
 * (县住建局, 区住建局, 市住建局 for a county-level city) and a party committee's 委 (县委统战部). Matching tries them in
 * order, so a name that is itself a unit (城市管理局, 市场监督管理局) is never cut.
 */
export function unitKeys(name: string, region = ''): string[] {
  const keys: string[] = [];
  const add = (s: string) => {
    const k = s.replace(/委员会$/, '委');
    if (k.length >= 2 && !keys.includes(k)) keys.push(k);
  };
  let s = cleanUnitName(name);
  add(s);
  s = s.replace(PROVINCE, '');
  add(s);
  s = s.replace(CITY, '');
  add(s);
  let stripped = false;
  const bare = region.length >= 3 ? region.slice(0, -1) : '';
  for (const prefix of [region, bare]) {
    if (prefix.length >= 2 && s.startsWith(prefix) && s.length > prefix.length + 1) {
      s = s.slice(prefix.length);
      stripped = true;
      break;
    }
  }
  if (!stripped) {
    const level = regionLevel(region);
    const other = s.replace(COUNTY, '');
    if (other !== s) {
      s = other;
      stripped = true;
    } else if (level === '市' || region === '') {
      const city = s.replace(COUNTY_CITY, '');
      if (city !== s) {
        s = city;
        stripped = true;
      }
    }
  }
  add(s);
  // The level word alone: 县住建局, 区住建局, and 市住建局 in a county-level city (never 市场监督管理局).
  const level = new RegExp(`^[县区旗${regionLevel(region) === '市' ? '市' : ''}](?![场政容])(?=${HAN}{2})`);
  if (level.test(s)) {
    s = s.slice(1);
    stripped = true;
    add(s);
  }
  // 于都县委统战部, 县委统战部: the party committee's own departments.
  if (stripped && /^委(?!员会)/.test(s) && s.length >= 3) add(s.slice(1));
  const town = TOWNSHIP.exec(s)?.[1];
  if (town !== undefined) add(town);
  return keys;
}

/** The key a unit is filed under: its name with every prefix removed (the last of `unitKeys`). */
export function unitKey(name: string, region = ''): string {
  const keys = unitKeys(name, region);
  return keys[keys.length - 1] ?? cleanUnitName(name);
}

/**
 * What follows a unit's own name when a sub-unit writes it: 股, 科, 室, 大队, 中队, 分局, 所, 站, 中心…
 * (公安局交警大队, 住房和城乡建设局法规股, 市场监督管理局城关分局).
 */
export const SUB_UNIT = new RegExp(
  `^${HAN}{0,12}?(?:股|科|室|办|办公室|大队|中队|支队|分局|所|站|队|中心|组|处|院|馆)$`,
);

/** Generic endings of unit names, removed to compare what distinguishes them (住建 of 住建局, 卫健 of 卫健委). */
const GENERIC_END = /(?:委员会|管理局|局|委|部|办公室|办|中心|政府|院|馆|所|站|队)$/;

/** A unit key without its generic ending: 水利局 → 水利, 卫健委 → 卫健. */
export function unitStem(key: string): string {
  const stem = key.replace(GENERIC_END, '');
  return stem.length > 0 ? stem : key;
}

/**
 * True when two unit keys are close enough that one is likely meant for the other: the same distinguishing part
 * (住建委 / 住建局), one part inside the other (文化局 / 文化和旅游局), or a typo of one character in a part of
 * four characters or more (自然资原局 / 自然资源局). 税务局 and 水利局, or 统计局 and 统战部, share only their ending.
 */
export function closeUnitKeys(a: string, b: string, distance: (x: string, y: string) => number): boolean {
  const x = unitStem(a);
  const y = unitStem(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 2 && long.includes(short)) return true;
  const d = distance(x, y);
  return d <= Math.floor(Math.max(x.length, y.length) / 4) && d <= 2;
}

/**
 * A unit name read from a file or sheet name that names no known unit: the first part (between - _ . and
 * brackets) that ends like a unit (局, 委, 部, 办, 镇…), e.g. 于都县档案局-监测点申报表 → 于都县档案局. Undefined when none.
 */
export function unitNameIn(text: string): string | undefined {
  const parts = normaliseText(text)
    .replace(/\s/g, '')
    .split(/[-_—.、,;()[\]【】]+/);
  for (const part of parts) {
    const m = new RegExp(
      `^(?:中共)?(${HAN}{1,16}?(?:委员会|人民政府|局|委|部|办公室|办|中心|院|馆|所|站|队|镇|乡|街道))`,
    ).exec(part);
    const name = m?.[1];
    if (name !== undefined && name.length >= 2) return name;
  }
  return undefined;
}
