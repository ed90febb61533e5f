import { itemAt } from '../core/item-at';
import type { Locale } from '../core/locale';
import type { FileError } from '../core/report';
import { resolveSettings } from '../core/settings';
import {
  buildTallySheets,
  type DecisionsRead,
  readDecisions,
  type QuotaRead,
  readQuotaGrid,
  type TallyResult,
  type TallySource,
  tallySources,
} from '../features/tally';
import { readUnitRegisterGrids, type UnitRegisterRead } from '../features/units';
import { outputProblemText } from '../hosts/files/file-messages';
import { openWorkbookFile } from '../hosts/files/open-file';
import { checkOutFile, writeFileAtomically, writeProblem } from '../hosts/files/output-plan';
import { type Converter, findSoffice, libreOfficeConverter } from '../hosts/files/soffice';
import { DocumentReadError, isWordFile } from '../hosts/docx';
import { openDocumentFile } from '../hosts/docx/document-file';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { reportBytes } from './report-bytes';
import { cliText } from './cli-messages';
import { tallyText } from './tally-messages';
import { runFileTasks } from './worker-pool';

/** Options of `drc tally`. */
export interface TallyCliOptions {
  /** Files of the folders not opened, with the reason (listed among the files that gave no declaration). */
  skipped?: ReadonlyArray<{ file: string; message: string }>;
  quota?: string;
  unit?: string;
  units?: string;
  decisions?: string;
  out?: string;
  /** The `--max-size` limit of each file read (unpacked). */
  maxSize?: number;
  locale: Locale;
}

/**
 * What `drc tally` produced: the tally, a problem that stops it (a bad `--quota`), the summary written, or why it
 * could not be written (a bad `--out`: the tally is still printed).
 */
export interface TallyRun {
  result?: TallyResult;
  fatal?: FileError;
  written?: string;
  outError?: FileError;
}

/** A date as Chinese forms print it: 2020年3月30日. */
export function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * Reads one file's sheets (a legacy format converted first when a converter is given); a file that cannot be read
 * becomes its error, never an exception.
 */
export async function readSource(
  file: string,
  locale: Locale,
  converter?: Converter,
  maxSize?: number,
): Promise<TallySource> {
  try {
    // Word: the Annex 2 form or list returned as a table of a .docx.
    if (isWordFile(file)) return { file, grids: await openDocumentFile(file, maxSize), document: true };
    const { workbook } = await openWorkbookFile(file, { converter, maxSize });
    return { file, grids: await workbook.readSheets() };
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof DocumentReadError)
      return { file, error: { code: e.code, message: e.messageIn(locale) } };
    const detail = e instanceof Error ? e.message : String(e);
    return {
      file,
      error: { code: 'file/failed', message: cliText(locale, 'file/failed', { file, detail }) },
    };
  }
}

/** The quota table of a `--quota` file: its first sheet with 单位 and 任务数 columns. */
async function readQuotaFile(
  file: string,
  locale: Locale,
  converter?: Converter,
  maxSize?: number,
): Promise<QuotaRead | FileError> {
  const source = await readSource(file, locale, converter, maxSize);
  if (source.error) return source.error;
  const settings = resolveSettings();
  for (const grid of source.grids ?? []) {
    const read = readQuotaGrid(grid, file, 'file', settings);
    if (read && read.table.units.length > 0) return read;
  }
  return { code: 'quota/not-found', message: tallyText(locale, 'quota/not-found', { file }) };
}

/** The units register of a `--units` file: its first sheet listing units. */
async function readUnitsFile(
  file: string,
  locale: Locale,
  converter?: Converter,
  maxSize?: number,
): Promise<UnitRegisterRead | FileError> {
  const source = await readSource(file, locale, converter, maxSize);
  if (source.error) return source.error;
  const read = readUnitRegisterGrids(source.grids ?? []);
  if (read && read.entries.length > 0) return read;
  return { code: 'units/not-found', message: tallyText(locale, 'units/not-found', { file }) };
}

/** The office's decisions on repeated nominations, from a `--decisions` file. */
async function readDecisionsFile(
  file: string,
  locale: Locale,
  converter?: Converter,
  maxSize?: number,
): Promise<DecisionsRead | FileError> {
  const source = await readSource(file, locale, converter, maxSize);
  if (source.error) return source.error;
  return (
    readDecisions(source.grids ?? [], file) ?? {
      code: 'decisions/not-found',
      message: tallyText(locale, 'decisions/not-found', { file }),
    }
  );
}

/** `--unit` naming no unit of the table or the register: the run stops, naming a close unit when there is one. */
function unknownUnitOption(result: TallyResult, locale: Locale): FileError | undefined {
  const unit = result.unitOption;
  if (!unit || unit.unit || unit.registered) return undefined;
  const suggestion = unit.suggestion ? tallyText(locale, 'unit/suggestion', { unit: unit.suggestion }) : '';
  return {
    code: 'unit/unknown',
    message: tallyText(locale, 'unit/unknown', { name: unit.text, suggestion }),
  };
}

/**
 * Reads every file (and the `--quota`, `--units`, `--decisions` files), tallies, and (with `out`) writes the
 * summary workbook: 监测点汇总, one sheet per list, 申报明细.
 */
export async function runTally(files: readonly string[], options: TallyCliOptions): Promise<TallyRun> {
  // A bad --out does not stop the tally: its results are printed, then the reason nothing was written.
  let outError: FileError | undefined;
  if (options.out !== undefined) {
    const inputs = [options.quota, options.units, options.decisions, ...files].filter(
      (f): f is string => f !== undefined,
    );
    const example = options.locale === 'zh-CN' ? '监测点汇总.xlsx' : 'summary.xlsx';
    const problem = await checkOutFile(options.out, inputs, '--out', example);
    if (problem)
      outError = {
        code: problem.code === 'out/file-is-input' ? 'file/same-as-output' : problem.code,
        message: outputProblemText(options.locale, problem),
      };
  }
  const soffice = findSoffice();
  const converter = soffice ? libreOfficeConverter(soffice) : undefined;
  try {
    let quota: QuotaRead | undefined;
    if (options.quota) {
      const read = await readQuotaFile(options.quota, options.locale, converter, options.maxSize);
      if ('code' in read) return { fatal: read };
      quota = read;
    }
    let register: { file: string; read: UnitRegisterRead } | undefined;
    if (options.units) {
      const read = await readUnitsFile(options.units, options.locale, converter, options.maxSize);
      if ('code' in read) return { fatal: read };
      register = { file: options.units, read };
    }
    let decisions: DecisionsRead | undefined;
    if (options.decisions) {
      const read = await readDecisionsFile(options.decisions, options.locale, converter, options.maxSize);
      if ('code' in read) return { fatal: read };
      decisions = read;
    }
    // Files are read in worker threads on all cores when there are many; the sources keep the files' order.
    const sources = await runFileTasks<TallySource>(
      files.map((file) => ({ kind: 'read', file, locale: options.locale, maxSize: options.maxSize })),
      (i) => readSource(itemAt(files, i), options.locale, converter, options.maxSize),
    );
    const result = tallySources(sources, {
      quota,
      unit: options.unit,
      register,
      decisions,
      skipped: options.skipped,
    });
    const fatal = unknownUnitOption(result, options.locale);
    if (fatal) return { fatal };
    if (options.out === undefined || outError) return { result, outError };
    const sheets = buildTallySheets(result, {
      detail: true,
      files: files.length,
      date: chineseDate(new Date()),
    });
    const bytes = await reportBytes(sheets);
    try {
      await writeFileAtomically(options.out, bytes);
    } catch (e) {
      const problem = writeProblem(options.out, e);
      return {
        result,
        outError: { code: problem.code, message: outputProblemText(options.locale, problem) },
      };
    }
    return { result, written: options.out };
  } finally {
    await converter?.close();
  }
}
