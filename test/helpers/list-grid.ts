import type { CellValue, Grid } from '../../src/core/grid';
import { type ListRead, readListSheet } from '../../src/features/compare/read-list';

/** A list sheet: lines above the header, the header, rows; `formats` gives number formats by "dataRow,column" (0-based). */
export function sheet(
  name: string,
  above: CellValue[][],
  header: string[],
  rows: CellValue[][],
  formats: Record<string, string> = {},
): Grid {
  const values = [...above, header, ...rows];
  const numberFormats = values.map((r, i) => r.map((_, j) => formats[`${i - above.length - 1},${j}`]));
  return { name, values, merges: [], numberFormats };
}

/** Reads a grid as a list, or fails the test. */
export function list(grid: Grid): ListRead {
  const read = readListSheet(grid);
  if (!read) throw new Error(`not a list: ${grid.name}`);
  return read;
}

/** The header of a plain list. */
export const HEAD = [
  '序号',
  '检查事项名称',
  '检查依据',
  '检查主体',
  '检查对象',
  '检查方式',
  '检查比例',
  '检查频次',
];

/** A row of a plain list under `HEAD`. */
export const row = (
  n: number,
  name: string,
  ratio: CellValue = '5%',
  frequency = '每年1次',
  extra: Partial<Record<'basis' | 'object' | 'method', string>> = {},
): CellValue[] => [
  n,
  name,
  extra.basis ?? '《中华人民共和国食品安全法》第一百一十条',
  '于都县市场监督管理局',
  extra.object ?? '食品企业',
  extra.method ?? '双随机抽查',
  ratio,
  frequency,
];
