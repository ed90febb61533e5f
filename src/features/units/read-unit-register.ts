import { type Grid, GridView } from '../../core/grid';
import { matchLabel } from '../../core/header';
import { cellText } from '../../core/normalise';
import type { FieldSpec } from '../../core/schema';
import { type RegisterProblem, registerClaims } from '../../rules/units/units.rule';
import type { UnitEntry } from './unit-directory';
import { unitKey } from './unit-key';

const REGISTER_FIELDS: readonly FieldSpec[] = [
  { key: 'seq', synonyms: ['序号'] },
  {
    key: 'name',
    synonyms: ['单位', '单位名称', '名称', '单位全称', '部门', '部门名称', '乡镇', '县直单位', '报送单位'],
  },
  { key: 'alias', synonyms: ['别名', '简称', '其他名称', '又称', '曾用名', '别称', '其他写法', '对应名称'] },
  { key: 'kind', synonyms: ['类别', '类型', '单位类别', '单位类型', '分类'] },
  { key: 'code', synonyms: ['统一社会信用代码', '机构代码', '组织机构代码', '信用代码'] },
];

/** Splits an alias cell: 住建局、县住建局；建设局 / 城乡建设局. */
const ALIAS_SEPARATORS = /[、,，;；/|\n]+/;

export type { RegisterProblem };

/** A register read from a sheet: its units and what is wrong with it. */
export interface UnitRegisterRead {
  sheet: string;
  entries: UnitEntry[];
  problems: RegisterProblem[];
}

interface RegisterHeader {
  row: number;
  /** Name columns with their label: one, or several lists side by side (县直单位 | 乡镇). */
  names: Array<{ column: number; label: string }>;
  columns: Map<string, number>;
}

/** The header row within the first rows: a name label written exactly, or a name label and another field. */
function findHeader(view: GridView): RegisterHeader | undefined {
  const last = Math.min(view.lastRow, view.firstRow + 9);
  for (let r = view.firstRow; r <= last; r++) {
    const columns = new Map<string, number>();
    const names: RegisterHeader['names'] = [];
    let exact = false;
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const text = cellText(view.raw(r, c));
      if (text === '' || text.length > 12) continue;
      const match = matchLabel(text, REGISTER_FIELDS);
      if (!match) continue;
      if (match.key === 'name') {
        names.push({ column: c, label: text });
        if (match.strength === 3) exact = true;
      } else if (!columns.has(match.key)) columns.set(match.key, c);
    }
    if (names.length > 0 && (exact || columns.size > 0)) return { row: r, names, columns };
  }
  return undefined;
}

/** How a unit's name ends (局, 委, 镇…): without a header, other lines (notes, titles) are not units. */
const UNIT_END =
  /(局|委|委员会|部|办|办公室|镇|乡|街道|中心|院|所|站|队|政府|会|处|室|馆|社|团|署|厅|行|公司)$/;

/** A title line above a register without a header (于都县县直单位及乡镇名录). */
const TITLE = /(名录|名单|清单|一览表|列表|目录|通讯录)$/;

/**
 * Reads the office's units register (县直单位 and 乡镇): one unit per row, a name column (单位 / 单位名称), and
 * optionally other names (别名 / 简称, several in one cell separated by 、 or ;), a 类别 and a 机构代码 column.
 * Without a header, the first column is the name and the second the other names. Lines starting with # are
 * comments. A name given twice, or another name claimed by two units, is reported (the first one is kept).
 */
export function readUnitRegister(grid: Grid): UnitRegisterRead {
  const view = new GridView(grid);
  const header = findHeader(view);
  const names = header?.names ?? [{ column: view.firstColumn, label: '' }];
  const columns =
    header?.columns ?? new Map(header ? [] : [['alias', view.firstColumn + 1] as [string, number]]);
  const entries: UnitEntry[] = [];
  const problems: RegisterProblem[] = [];
  const claims = registerClaims((name) => unitKey(name));
  const at = (r: number, c: number | undefined) =>
    c === undefined ? '' : cellText(view.raw(r, c), view.format(r, c));
  for (let r = header ? header.row + 1 : view.firstRow; r <= view.lastRow; r++) {
    for (const { column, label } of names) {
      const name = at(r, column);
      if (name === '' || name.startsWith('#') || /^\d+$/.test(name)) continue;
      if (!header && (TITLE.test(name) || !UNIT_END.test(name))) continue;
      const taken = claims.name(name, r, column);
      if (taken) {
        problems.push(taken);
        continue;
      }
      const aliases: string[] = [];
      const aliasText = names.length === 1 ? at(r, columns.get('alias')) : '';
      for (const alias of aliasText
        .split(ALIAS_SEPARATORS)
        .map((a) => a.trim())
        .filter((a) => a !== '')) {
        const other = claims.alias(alias, name, r, columns.get('alias')!);
        if (other) {
          problems.push(other);
          continue;
        }
        if (!aliases.includes(alias)) aliases.push(alias);
      }
      const entry: UnitEntry = { name, aliases };
      const kind = at(r, columns.get('kind')) || (names.length > 1 ? label : '');
      if (kind !== '') entry.kind = kind;
      const code = at(r, columns.get('code')).replace(/\s/g, '').toUpperCase();
      if (code !== '') entry.code = code;
      entries.push(entry);
    }
  }
  return { sheet: grid.name, entries, problems };
}

/** The register's entries of the first sheet that has any (a register workbook may carry a cover sheet). */
export function readUnitRegisterGrids(grids: readonly Grid[]): UnitRegisterRead | undefined {
  // A sheet with a header first: a cover sheet's lines are not a register.
  const withHeader = grids.find((g) => findHeader(new GridView(g)) !== undefined);
  if (withHeader) return readUnitRegister(withHeader);
  for (const grid of grids) {
    const read = readUnitRegister(grid);
    if (read.entries.length > 0) return read;
  }
  return undefined;
}
