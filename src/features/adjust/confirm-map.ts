import { type Grid, GridView } from '../../core/grid';
import { cellText } from '../../core/normalise';
import type { ConfirmMap } from '../compare/match-items';

const PREVIOUS_LABEL = /^(原|上年|旧|上一年|去年)/;
const CURRENT_LABEL = /^(现|本年|新|今年|调整后)/;

/**
 * Reads a person's confirmations from a sheet (a CSV or .xlsx with two columns 原事项名称, 现事项名称; the header
 * row is optional). A row with both names pairs them as one item (renamed); a row with one name says that item
 * stands alone: deleted (原 only) or added (现 only), never paired by similarity. Lines starting with # are comments.
 */
export function readConfirmMap(grid: Grid): ConfirmMap {
  const view = new GridView(grid);
  const map: ConfirmMap = { sheet: grid.name, pairs: [], alone: [] };
  let previousColumn = view.firstColumn;
  let currentColumn = view.firstColumn + 1;
  for (let r = view.firstRow; r <= view.lastRow; r++) {
    const texts: string[] = [];
    for (let c = view.firstColumn; c <= view.lastColumn; c++)
      texts[c] = cellText(view.raw(r, c), view.format(r, c));
    const p = texts.findIndex((t) => t !== undefined && PREVIOUS_LABEL.test(t) && /名称|事项/.test(t));
    const q = texts.findIndex((t) => t !== undefined && CURRENT_LABEL.test(t) && /名称|事项/.test(t));
    if (p >= 0 && q >= 0) {
      previousColumn = p;
      currentColumn = q;
      continue;
    }
    const previous = texts[previousColumn] ?? '';
    const current = texts[currentColumn] ?? '';
    if (previous.startsWith('#')) continue; // a comment line
    if (previous !== '' && current !== '') map.pairs.push({ previous, current, line: r });
    else if (previous !== '') map.alone.push({ name: previous, side: 'previous', line: r });
    else if (current !== '') map.alone.push({ name: current, side: 'current', line: r });
  }
  return map;
}
