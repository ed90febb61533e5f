import { promises as fs } from 'node:fs';
import path from 'node:path';
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
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { openWorkbook } from '../hosts/xlsx/open-workbook';
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

/** What `drc tally` produced: the tally, a problem that stops it (bad `--quota` or `--out`), the summary written. */
export interface TallyRun {
  result?: TallyResult;
  fatal?: FileError;
  written?: string;
}

/** Reads one file's sheets; a file that cannot be read becomes its error, never an exception. */
export async function readSource(file: string, locale: Locale): Promise<TallySource> {
  try {
    const bytes = await fs.readFile(file).catch((e: NodeJS.ErrnoException) => {
      throw Object.assign(new Error(e.code), {
        cli: e.code === 'ENOENT' ? ('file/not-found' as const) : ('file/unreadable' as const),
      });
    });
    const workbook = await openWorkbook(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      path.basename(file),
    );
    return { file, grids: await workbook.readSheets() };
  } catch (e) {
    if (e instanceof WorkbookReadError)
      return { file, error: { code: e.code, message: e.messageIn(locale) } };
    const code = (e as { cli?: 'file/not-found' | 'file/unreadable' }).cli;
    if (code) return { file, error: { code, message: cliText(locale, code, { file }) } };
    const detail = e instanceof Error ? e.message : String(e);
    return {
      file,
      error: { code: 'file/failed', message: cliText(locale, 'file/failed', { file, detail }) },
    };
  }
}

/** The quota table of a `--quota` file: its first sheet with 单位 and 任务数 columns. */
async function readQuotaFile(file: string, locale: Locale): Promise<QuotaRead | FileError> {
  const source = await readSource(file, locale);
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
  if (options.out && !/\.xlsx$/i.test(options.out))
    return {
      fatal: {
        code: 'out/not-xlsx',
        message: tallyText(options.locale, 'out/not-xlsx', { file: options.out }),
      },
    };
  if (options.out && files.some((f) => path.resolve(f) === path.resolve(options.out!)))
    return {
      fatal: {
        code: 'file/same-as-output',
        message: tallyText(options.locale, 'out/is-input', { file: options.out }),
      },
    };
  let quota: QuotaRead | undefined;
  if (options.quota) {
    const read = await readQuotaFile(options.quota, options.locale);
    if ('code' in read) return { fatal: read };
    quota = read;
  }
  const sources: TallySource[] = [];
  for (const file of files) sources.push(await readSource(file, options.locale));
  const result = tallySources(sources, { quota, unit: options.unit });
  if (!options.out) return { result };
  const detail = buildDetailSheet(result);
  const summary = buildSummarySheet(result, { live: [detail.live], files: files.length });
  const bytes = await sheetSpecsToXlsx([summary, detail.spec]);
  await fs.mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
  // Written beside, then renamed: a failure never leaves a half-written summary.
  const temp = `${options.out}.${process.pid}.tmp`;
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, options.out);
  return { result, written: options.out };
}
