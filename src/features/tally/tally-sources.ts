import type { Grid } from '../../core/grid';
import type { FileError } from '../../core/report';
import { type DeepPartial, resolveSettings, type Settings } from '../../core/settings';
import type { Declaration, DeclarationLayout, UnitRef } from './declaration';
import { type QuotaTable, YUDU_2020 } from './quota-table';
import { isQuotaSheet, type QuotaRead, readQuotaGrid } from './read-quota';
import { readDeclarationForm } from './read-form';
import { type ReadContext, readDeclarationList } from './read-list';
import { type Tally, tallyDeclarations } from './tally';
import { classifyNoDeclaration, type NoDeclaration } from './no-declaration';
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
  /** True for a Word document (its tables as grids): one without a declaration is said to be a document. */
  document?: boolean;
  /** The unit of this file where nothing in it names a known one (the review's attribution: its folder …). */
  unit?: string;
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
  /** Files of the folders that were not opened (a type the tally does not read), with the reason. */
  skipped?: ReadonlyArray<{ file: string; message: string }>;
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
  /** Every file that gave no declaration, with what it was taken to be (never a silent 未申报). */
  noDeclaration: NoDeclaration[];
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
 * Declarations of one file that name no unit take the unit its other declarations agree on (a Word file naming
 * 推荐单位 above its first table only, a workbook naming it on its first form).
 */
function shareFileUnit(declarations: readonly Declaration[]): void {
  const named = declarations.filter((d) => d.unit.source !== 'none');
  const units = new Set(named.map((d) => d.unit.unit ?? d.unit.registered ?? `?${d.unit.text}`));
  const [first] = named;
  if (!first || units.size !== 1 || named.length === declarations.length) return;
  const { cell: _cell, ...shared } = first.unit;
  for (const d of declarations) if (d.unit.source === 'none') d.unit = { ...shared };
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
  const noDeclaration: NoDeclaration[] = [];
  for (const source of sources) {
    const sheets: SheetTally[] = [];
    const file: FileTally = { file: source.file, error: source.error ?? null, sheets };
    files.push(file);
    const before = declarations.length;
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
      if (source.unit)
        for (const d of read.declarations)
          if (!d.unit.unit && !d.unit.registered) d.unit = unitRef(ctx.matcher, source.unit, 'option');
      declarations.push(...read.declarations);
      readIssues.push(...read.issues);
    }
    if (declarations.length === before)
      noDeclaration.push(classifyNoDeclaration(file, source.grids, matcher, source.document === true));
    else shareFileUnit(declarations.slice(before));
  }
  for (const k of options.skipped ?? []) {
    const found = matcher.findIn(k.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''));
    noDeclaration.push({ file: k.file, kind: 'skipped', unit: found?.unit ?? null, message: k.message });
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
    noDeclaration,
  };
  if (unitOption) result.unitOption = unitOption;
  return result;
}
