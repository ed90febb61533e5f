import { type Grid, GridView } from '../../core/grid';
import { matchLabel } from '../../core/header';
import { cellText } from '../../core/normalise';
import type { FieldSpec } from '../../core/schema';

/** The office's choice for an enterprise nominated more than once: the unit it counts for. */
export interface DuplicateDecision {
  /** 企业名称 as written ('' when only the code is given). */
  enterprise: string;
  /** 统一社会信用代码 as written, upper case ('' when not given). */
  uscc: string;
  /** 计入单位 as written. */
  unit: string;
  /** 1-based row in the decisions sheet. */
  row: number;
}

/** The decisions read from a file: the sheet they came from, and each row. */
export interface DecisionsRead {
  file: string;
  sheet: string;
  decisions: DuplicateDecision[];
}

const DECISION_FIELDS: readonly FieldSpec[] = [
  { key: 'enterprise', synonyms: ['企业名称', '企业', '申报企业', '名称'] },
  { key: 'uscc', synonyms: ['统一社会信用代码', '信用代码', '社会信用代码'] },
  // Not 计入 alone: 申报明细's 计入 column (是/否) is no decision.
  { key: 'unit', synonyms: ['计入单位', '归属单位', '确认单位', '决定计入单位'] },
];

const CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The header row (企业名称 … 计入单位) within the first rows of a sheet. */
function findHeader(view: GridView): { row: number; columns: Map<string, number> } | undefined {
  const last = Math.min(view.lastRow, view.firstRow + 9);
  for (let r = view.firstRow; r <= last; r++) {
    const columns = new Map<string, number>();
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const text = cellText(view.raw(r, c));
      if (text === '' || text.length > 12) continue;
      const match = matchLabel(text, DECISION_FIELDS);
      // 计入单位 must be written as such: a 推荐单位 or 申报单位 column is not the office's choice.
      if (match && match.strength >= 2 && !columns.has(match.key)) columns.set(match.key, c);
    }
    if (columns.has('unit') && (columns.has('enterprise') || columns.has('uscc'))) return { row: r, columns };
  }
  return undefined;
}

/**
 * Reads the office's decisions on repeated nominations: a sheet with 企业名称 (or 统一社会信用代码) and 计入单位
 * columns, one enterprise per row — the 重复申报 sheet of the summary workbook, edited, or a two-column CSV
 * (企业名称,计入单位; the header may be left out). Lines starting with # are comments. Undefined when no sheet has
 * such rows.
 */
export function readDecisions(grids: readonly Grid[], file: string): DecisionsRead | undefined {
  for (const grid of grids) {
    const view = new GridView(grid);
    const header = findHeader(view);
    if (!header && grids.length > 1) continue;
    const columns =
      header?.columns ??
      new Map([
        ['enterprise', view.firstColumn],
        ['unit', view.firstColumn + 1],
      ]);
    const decisions: DuplicateDecision[] = [];
    const text = (r: number, key: string) => {
      const c = columns.get(key);
      return c === undefined ? '' : cellText(view.raw(r, c), view.format(r, c));
    };
    for (let r = header ? header.row + 1 : view.firstRow; r <= view.lastRow; r++) {
      let enterprise = text(r, 'enterprise');
      let uscc = text(r, 'uscc').replace(/\s/g, '').toUpperCase();
      const unit = text(r, 'unit');
      if (enterprise.startsWith('#') || unit === '') continue;
      if (uscc === '' && CODE.test(enterprise.replace(/\s/g, '').toUpperCase())) {
        uscc = enterprise.replace(/\s/g, '').toUpperCase();
        enterprise = '';
      }
      if (enterprise === '' && uscc === '') continue;
      decisions.push({ enterprise, uscc, unit, row: r });
    }
    if (decisions.length > 0) return { file, sheet: grid.name, decisions };
  }
  return undefined;
}
