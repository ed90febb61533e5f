import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Grid } from '../../../src/core/grid';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';

/** The examples folder. */
export const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

/** The market-supervision example: title, 填报单位 line, two-row header, merged cells, ten issues. */
export const MARKET_LIST = '于都县市场监督管理局-检查实施清单.xlsx';

/** An example workbook's bytes. */
export function exampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(EXAMPLES, name)));
}

/** An example workbook's sheets, read as the pane reads them. */
export function exampleGrids(name = MARKET_LIST): Grid[] {
  return readXlsxGrids(exampleBytes(name));
}

/** A deep copy of a grid whose cells can be edited in a test. */
export function cloneGrid(grid: Grid): Grid {
  return {
    ...grid,
    values: grid.values.map((r) => [...(r ?? [])]),
    merges: grid.merges.map((m) => ({ ...m })),
  };
}
