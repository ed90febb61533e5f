import type { Grid } from '../../core/grid';
import type { FileError } from '../../core/report';
import { type DeepPartial, resolveSettings, type Settings } from '../../core/settings';
import type { Declaration, DeclarationLayout, UnitRef } from './declaration';
import { type QuotaTable, YUDU_2020 } from './quota-table';
import { isQuotaSheet, type QuotaRead, readQuotaGrid } from './read-quota';
import { readDeclarationForm } from './read-form';
import { type ReadContext, readDeclarationList } from './read-list';
import { type Tally, tallyDeclarations } from './tally';
import { type TallyIssue, tallyIssue } from './tally-issue';
import { UnitMatcher } from './unit-names';
import { unitRef } from './resolve-unit';
import type { DecisionsRead } from './decisions';
import type { UnitRegisterRead } from '../units';

/** One input of the tally: a workbook's sheets, or why it could not be read. */
export interface TallySource {
  file: string;
  grids?: readonly Grid[];
  error?: FileError;
}

/**
 * Options of the tally: a quota table read from elsewhere (`--quota`), the unit of every declaration (`--unit`,
 * overriding what the files say), the office's units register (`--units`), its decisions on repeated nominations
 * (`--decisions`), settings.
 */
export interface TallyOptions {
  quota?: QuotaRead;
  unit?: string;
  register?: { file: string; read: UnitRegisterRead };
  decisions?: DecisionsRead;
  settings?: DeepPartial<Settings>;
}

/** What a sheet was read as. */
export interface SheetTally {
  name: string;
  kind: 'declaration' | 'quota' | 'other';
  layout: DeclarationLayout | null;
  declarations: number;
}

/** What a file was read as: its sheets, or the error that kept it from being read. */
export interface FileTally {
  file: string;
  error: FileError | null;
  sheets: SheetTally[];
}

/** The whole tally: the quota table used, every declaration read, the counts, and what each file held. */
export interface TallyResult extends Tally {
  quota: QuotaTable;
  /** What `--unit` was read as, when given. */
  unitOption?: UnitRef;
  declarations: Declaration[];
  files: FileTally[];
}

/** The quota table: `--quota`, else the first quota sheet among the inputs, else Yudu 2020. */
function chooseQuota(
  sources: readonly TallySource[],
  options: TallyOptions,
  settings: Settings,
): QuotaRead & { used?: Grid } {
  if (options.quota) return options.quota;
  for (const s of sources)
    for (const g of s.grids ?? []) {
      const read = readQuotaGrid(g, s.file, 'workbook', settings);
      if (read && read.table.units.length > 0) return { ...read, used: g };
    }
  return { table: YUDU_2020, issues: [] };
}

/**
 * Tallies monitoring-point declarations from workbooks: each sheet is read as a printed form, a declaration
 * list, a quota table, or nothing; declarations are matched to the quota table's units and counted.
 */
export function tallySources(sources: readonly TallySource[], options: TallyOptions = {}): TallyResult {
  const settings = resolveSettings(options.settings);
  const quota = chooseQuota(sources, options, settings);
  const matcher = new UnitMatcher(quota.table, options.register?.read.entries);
  const ctx: ReadContext = { matcher, settings };
  const declarations: Declaration[] = [];
  const readIssues: TallyIssue[] = [...quota.issues];
  const register = options.register;
  if (register)
    for (const p of register.read.problems)
      readIssues.push(
        tallyIssue(
          settings,
          p.code,
          { file: register.file, sheet: register.read.sheet, row: p.row, column: p.column },
          p.params,
        ),
      );
  const files: FileTally[] = [];
  for (const source of sources) {
    const sheets: SheetTally[] = [];
    files.push({ file: source.file, error: source.error ?? null, sheets });
    for (const grid of source.grids ?? []) {
      if (grid === quota.used || isQuotaSheet(grid)) {
        sheets.push({ name: grid.name, kind: 'quota', layout: null, declarations: 0 });
        continue;
      }
      const read = readDeclarationForm(grid, source.file, ctx) ?? readDeclarationList(grid, source.file, ctx);
      if (!read) {
        sheets.push({ name: grid.name, kind: 'other', layout: null, declarations: 0 });
        continue;
      }
      sheets.push({
        name: grid.name,
        kind: 'declaration',
        layout: read.layout,
        declarations: read.declarations.length,
      });
      declarations.push(...read.declarations);
      readIssues.push(...read.issues);
    }
  }
  // `--unit` overrides whatever the files say: the office knows whose declarations these are.
  const unitOption = options.unit !== undefined ? unitRef(matcher, options.unit, 'option') : undefined;
  if (unitOption) for (const d of declarations) d.unit = unitOption;
  const tally = tallyDeclarations(declarations, {
    table: quota.table,
    settings,
    matcher,
    decisions: options.decisions,
  });
  const result: TallyResult = {
    ...tally,
    issues: [...readIssues, ...tally.issues],
    quota: quota.table,
    declarations,
    files,
  };
  if (unitOption) result.unitOption = unitOption;
  return result;
}
