import { Option } from 'commander';
import { toLocale } from '../../core/locale';
import { adjustLists } from '../../features/adjust/adjust-lists';
import { buildAdjustedList } from '../../features/adjust/adjusted-list-sheet';
import { readConfirmMap } from '../../features/adjust/confirm-map';
import { buildAdjustReport } from '../../features/adjust/report-sheet';
import type { ConfirmMap } from '../../features/compare/match-items';
import { sheetSpecsToXlsx } from '../../hosts/xlsx/sheet-specs-to-xlsx';
import { adjustJson, adjustText } from '../adjust-output';
import { EXIT, type RegisterCommand } from '../cli-types';
import { listText } from '../list-messages';
import {
  checkOutPath,
  failWith,
  type InputError,
  isInputError,
  readGrids,
  readListFile,
  writeAtomically,
} from '../list-files';

interface AdjustFlags {
  previous: string;
  current: string;
  unit?: string;
  year?: string;
  json?: boolean;
  out?: string;
  confirmMap?: string;
  lang?: string;
}

/**
 * `drc adjust --previous FILE --current FILE [--unit] [--year] [--json] [--out FILE.xlsx] [--confirm-map FILE]`:
 * compares last year's list with this year's and writes the 动态调整情况表 with the adjusted list beside it.
 */
export const registerAdjust: RegisterCommand = (program, io, setCode) => {
  program
    .command('adjust')
    .description(
      "比对上年与本年清单,生成动态调整情况表 · compare last year's list with this year's, write the adjustment report",
    )
    .requiredOption('--previous <file>', "上年清单 (.xlsx / .csv) · last year's list")
    .requiredOption('--current <file>', "本年清单 (.xlsx / .csv) · this year's list")
    .option('--unit <name>', '填报单位(默认取自清单标题或填报单位行)· the unit')
    .option('--year <year>', '年度(默认取自本年清单标题,否则 2020)· the year')
    .option('--json', '以 JSON 输出结果 · print JSON')
    .option('--out <file.xlsx>', '写出动态调整情况表和调整后清单 · write the report workbook')
    .option(
      '--confirm-map <file>',
      '事项对应确认文件:两列 原事项名称,现事项名称 · confirmed item pairs (CSV / .xlsx)',
    )
    .addOption(new Option('--lang <locale>', '语言 · language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .action(async (flags: AdjustFlags) => {
      const locale = toLocale(flags.lang);
      const fail = (e: InputError) => failWith(io, setCode, e, flags.json);
      if (flags.year !== undefined && !/^\d{4}$/.test(flags.year.trim()))
        return fail({
          file: '',
          code: 'args/year',
          message: listText(locale, 'args/year', { value: flags.year }),
        });
      const inputs = [flags.previous, flags.current, ...(flags.confirmMap ? [flags.confirmMap] : [])];
      const outError = flags.out ? checkOutPath(flags.out, inputs, locale) : undefined;
      if (outError) return fail(outError);

      const previous = await readListFile(flags.previous, locale);
      if (isInputError(previous)) return fail(previous);
      const current = await readListFile(flags.current, locale);
      if (isInputError(current)) return fail(current);
      let confirm: ConfirmMap | undefined;
      if (flags.confirmMap) {
        const grids = await readGrids(flags.confirmMap, locale);
        if (isInputError(grids)) return fail(grids);
        confirm = grids.length ? readConfirmMap(grids[0]) : undefined;
        if (!confirm || confirm.pairs.length + confirm.alone.length === 0)
          return fail({
            file: flags.confirmMap,
            code: 'confirm/empty',
            message: listText(locale, 'confirm/empty', { file: flags.confirmMap }),
          });
      }

      const unit = flags.unit?.trim() || undefined;
      const year = flags.year ? Number(flags.year) : undefined;
      const result = adjustLists(previous, current, { unit, year, confirm });
      if (flags.out) {
        try {
          await writeAtomically(
            flags.out,
            await sheetSpecsToXlsx([buildAdjustReport(result), buildAdjustedList(result, current)]),
          );
        } catch (e) {
          const detail = e instanceof Error ? e.message : String(e);
          return fail({
            file: flags.out,
            code: 'file/write-failed',
            message: listText(locale, 'file/write-failed', { file: flags.out, detail }),
          });
        }
      }
      const about = {
        previousFile: flags.previous,
        currentFile: flags.current,
        confirmFile: flags.confirmMap,
        previous,
        current,
        written: flags.out,
      };
      if (flags.json) io.out.write(`${JSON.stringify(adjustJson(result, about, locale), null, 2)}\n`);
      else io.out.write(`${adjustText(result, about, locale, !!io.out.isTTY)}\n`);
      setCode(result.issues.some((i) => i.severity === 'error') ? EXIT.errors : EXIT.ok);
    });
};
