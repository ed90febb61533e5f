import type { MessageTable } from '../../core/locale';
import type { CheckModule } from '../../core/rule';

/**
 * The units register's checks: a unit's name or another name belongs to the first row that gives it; a name given
 * again, or another name claimed by a second unit, is reported on the later row. Reading the register's sheet
 * (its header, which lines are units, how other names are split) stays in `features/units`.
 */

/** Messages of the office's units register (县直单位 and 乡镇 with their other names), read by `--units`. */
export const unitsMessages: MessageTable = {
  'zh-CN': {
    'duplicate-name': '单位名录中“{name}”出现了两次(第 {firstRow} 行已有);以第一次为准',
    'alias-taken': '单位名录中“{alias}”同时写作“{name}”和“{other}”的其他名称;以“{other}”为准',
  },
  'en-US': {
    'duplicate-name':
      'The units register lists "{name}" twice (first on row {firstRow}); the first one is used',
    'alias-taken':
      'The units register gives "{alias}" as another name of both "{name}" and "{other}"; it stays with "{other}"',
  },
};

/** The units register's checks (run when the register is read). */
export const unitsCheck: CheckModule = {
  id: 'units',
  messages: unitsMessages,
  severities: {
    'duplicate-name': 'warning',
    'alias-taken': 'warning',
  },
};

/** Something wrong in a register, at a 1-based row and column. */
export interface RegisterProblem {
  code: 'units/duplicate-name' | 'units/alias-taken';
  row: number;
  column: number;
  params: Record<string, string | number>;
}

/** Who holds each name of a register so far, and what a later row's names conflict with. */
export interface RegisterClaims {
  /** Claims a unit's name for its row: a problem when an earlier row gave it (as a name or another name). */
  name(name: string, row: number, column: number): RegisterProblem | undefined;
  /** Claims another name of `name`: a problem when another unit holds it already. */
  alias(alias: string, name: string, row: number, column: number): RegisterProblem | undefined;
}

/** Claims on a register's names, compared by `key` (the name without the county's prefixes). */
export function registerClaims(key: (name: string) => string): RegisterClaims {
  const owner = new Map<string, { name: string; row: number }>();
  return {
    name(name, row, column) {
      const own = key(name);
      const seen = owner.get(own);
      if (seen) return { code: 'units/duplicate-name', row, column, params: { name, firstRow: seen.row } };
      owner.set(own, { name, row });
      return undefined;
    },
    alias(alias, name, row, column) {
      const own = key(alias);
      const holder = owner.get(own);
      if (holder && holder.name !== name)
        return { code: 'units/alias-taken', row, column, params: { alias, name, other: holder.name } };
      owner.set(own, { name, row });
      return undefined;
    },
  };
}
