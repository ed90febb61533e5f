import { regionLevel } from '../units';

/** One unit's share of monitoring points. */
export interface QuotaEntry {
  /** The unit's name as the table writes it (工信局, 市场监督管理局…). */
  unit: string;
  quota: number;
}

/** Where a quota table came from: the built-in default, a sheet of the tallied workbook, or a file. */
export type QuotaSource = 'default' | 'workbook' | 'file';

/** A quota table (Annex 1): units in table order, the total, and the county they belong to. */
export interface QuotaTable {
  /** The table's title as written (于都县中小微企业行政检查监测点分配表). */
  title: string;
  /** The county (于都县), used to strip a county prefix from unit names and to title the summary; '' if unknown. */
  region: string;
  units: QuotaEntry[];
  /** Sum of the units' quotas (a 合计 row that disagrees is reported, the sum is used). */
  total: number;
  /** The 合计 the table itself states, when it has one. */
  stated?: number;
  source: QuotaSource;
  /** File and sheet of a table read from a workbook. */
  file?: string;
  sheet?: string;
}

const YUDU: Array<[string, number]> = [
  ['工信局', 2],
  ['教科体局', 2],
  ['民政局', 2],
  ['司法局', 1],
  ['财政局', 1],
  ['人社局', 2],
  ['医保局', 2],
  ['自然资源局', 4],
  ['住建局', 4],
  ['交通运输局', 4],
  ['水利局', 4],
  ['农业农村局', 4],
  ['林业局', 2],
  ['商务局', 2],
  ['文广新旅局', 2],
  ['卫健委', 4],
  ['统战部', 1],
  ['生态环境局', 4],
  ['发改委', 1],
  ['城管局', 4],
  ['公安局', 2],
  ['应急管理局', 4],
  ['市场监督管理局', 8],
];

/** Annex 1 of 法府建办字〔2020〕1号: 于都县中小微企业行政检查监测点分配表, 23 units, 66 enterprises (the default). */
export const YUDU_2020: QuotaTable = {
  title: '于都县中小微企业行政检查监测点分配表',
  region: '于都县',
  units: YUDU.map(([unit, quota]) => ({ unit, quota })),
  total: YUDU.reduce((s, [, q]) => s + q, 0),
  source: 'default',
};

/**
 * The county, district or county-level city a title names (于都县中小微企业… → 于都县, 赣县区… → 赣县区, 赣州市瑞金市…
 * → 瑞金市), or ''. A province or prefecture city in front is passed over.
 */
export function regionOf(title: string): string {
  const t = title.replace(/\s/g, '').replace(/^(?:附件\d*[:：]?)?(?:\d{4}年度?)?/, '');
  const m =
    /^(?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?(?:[\u4e00-\u9fff]{2,3}市(?=[\u4e00-\u9fff]{1,4}[县区市旗]))?([\u4e00-\u9fff]{1,4}?[县区市旗])(?=[\u4e00-\u9fff]{2})/.exec(
      t,
    );
  if (!m) return '';
  // 赣县区, 南康区: a former county's name kept by the district.
  const name = m[1] ?? '';
  const next = t.charAt(m.index + m[0].length);
  return name.endsWith('县') && next === '区' ? `${name}区` : name;
}

/** The words for the whole region: 全县, 全区, 全市 (全县 when the region is unknown). */
export function regionWhole(region: string): string {
  return `全${regionLevel(region)}`;
}
