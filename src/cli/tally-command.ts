import type { Locale } from '../core/locale';
import type { FileError } from '../core/report';
import { resolveSettings } from '../core/settings';
import {
  buildDetailSheet,
  buildSummarySheet,
  type QuotaRead,
  readQuotaGrid,
  type TallyResult,
  type TallySource,
  tallySources,
} from '../features/tally';
import { outputProblemText } from '../hosts/files/file-messages';
import { openWorkbookFile } from '../hosts/files/open-file';
import { checkOutFile, writeFileAtomically, writeProblem } from '../hosts/files/output-plan';
import { type Converter, findSoffice, libreOfficeConverter } from '../hosts/files/soffice';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { sheetSpecsToXlsx } from '../hosts/xlsx/sheet-specs-to-xlsx';
import { cliText } from './cli-messages';
import { tallyText } from './tally-messages';

/** Options of `drc tally`. */
export interface TallyCliOptions {
  quota?: string;
  unit?: string;
  out?: string;
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

/**
 * Reads one file's sheets (a legacy format converted first when a converter is given); a file that cannot be read
 * becomes its error, never an exception.
 */
export async function readSource(file: string, locale: Locale, converter?: Converter): Promise<TallySource> {
  try {
    const { workbook } = await openWorkbookFile(file, { converter });
    return { file, grids: await workbook.readSheets() };
  } catch (e) {
    if (e instanceof WorkbookReadError)
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
): Promise<QuotaRead | FileError> {
  const source = await readSource(file, locale, converter);
  if (source.error) return source.error;
  const settings = resolveSettings();
  for (const grid of source.grids ?? []) {
    const read = readQuotaGrid(grid, file, 'file', settings);
    if (read && read.table.units.length > 0) return read;
  }
  return { code: 'quota/not-found', message: tallyText(locale, 'quota/not-found', { file }) };
}

/** Reads every file, tallies, and (with `out`) writes the summary and 申报明细 sheets into a new .xlsx. */
export async function runTally(files: readonly string[], options: TallyCliOptions): Promise<TallyRun> {
  // A bad --out does not stop the tally: its results are printed, then the reason nothing was written.
  let outError: FileError | undefined;
  if (options.out !== undefined) {
    const inputs = options.quota ? [...files, options.quota] : files;
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
      const read = await readQuotaFile(options.quota, options.locale, converter);
      if ('code' in read) return { fatal: read };
      quota = read;
    }
    const sources: TallySource[] = [];
    for (const file of files) sources.push(await readSource(file, options.locale, converter));
    const result = tallySources(sources, { quota, unit: options.unit });
    if (options.out === undefined || outError) return { result, outError };
    const detail = buildDetailSheet(result);
    const summary = buildSummarySheet(result, { live: [detail.live], files: files.length });
    const bytes = await sheetSpecsToXlsx([summary, detail.spec]);
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
