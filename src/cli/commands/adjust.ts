import { adjustLists } from '../../features/adjust/adjust-lists';
import { buildAdjustedList } from '../../features/adjust/adjusted-list-sheet';
import { readConfirmMap } from '../../features/adjust/confirm-map';
import { buildAdjustReport } from '../../features/adjust/report-sheet';
import type { ConfirmMap } from '../../features/compare/match-items';
import { reportBytes } from '../report-bytes';
import { adjustJson, adjustText } from '../adjust-output';
import { EXIT, type RegisterCommand } from '../cli-types';
import { helpText, langOption } from '../help-messages';
import { listText } from '../list-messages';
import { maxSizeArg } from '../option-values';
import {
  checkOutPath,
  failWith,
  type InputError,
  isInputError,
  readGrids,
  readListFile,
  writeAtomically,
  printResult,
  writeError,
} from '../list-files';

interface AdjustFlags {
  previous: string;
  current: string;
  unit?: string;
  year?: string;
  json?: boolean;
  out?: string;
  confirmMap?: string;
  maxSize?: string;
  lang?: string;
}

/**
 * `drc adjust --previous FILE --current FILE [--unit] [--year] [--json] [--out FILE.xlsx] [--confirm-map FILE]`:
 * compares last year's list with this year's and writes the 动态调整情况表 with the adjusted list beside it.
 */
export const registerAdjust: RegisterCommand = (program, io, setCode, locale) => {
  program
    .command('adjust')
    .description(helpText(locale, 'adjust'))
    .requiredOption('--previous <file>', helpText(locale, 'adjustPrevious'))
    .requiredOption('--current <file>', helpText(locale, 'adjustCurrent'))
    .option('--unit <name>', helpText(locale, 'adjustUnit'))
    .option('--year <year>', helpText(locale, 'adjustYear'))
    .option('--json', helpText(locale, 'json'))
    .option('--out <file.xlsx>', helpText(locale, 'adjustOut'))
    .option('--confirm-map <file>', helpText(locale, 'adjustConfirm'))
    .option('--max-size <size>', helpText(locale, 'maxSize'))
    .addOption(langOption(locale))
    .action(async (flags: AdjustFlags) => {
      const fail = (e: InputError) => failWith(io, setCode, e, flags.json);
      if (flags.year !== undefined && !/^\d{4}$/.test(flags.year.trim()))
        return fail({
          file: '',
          code: 'args/year',
          message: listText(locale, 'args/year', { value: flags.year }),
        });
      const maxSize = maxSizeArg(flags.maxSize, locale);
      if (typeof maxSize !== 'number') return fail({ file: '', ...maxSize });
      const inputs = [flags.previous, flags.current, ...(flags.confirmMap ? [flags.confirmMap] : [])];
      // A bad --out does not stop the comparison: its results are printed, then the reason nothing was written.
      let outError = flags.out !== undefined ? await checkOutPath(flags.out, inputs, locale) : undefined;

      const previous = await readListFile(flags.previous, locale, maxSize);
      if (isInputError(previous)) return fail(previous);
      const current = await readListFile(flags.current, locale, maxSize);
      if (isInputError(current)) return fail(current);
      let confirm: ConfirmMap | undefined;
      if (flags.confirmMap) {
        const grids = await readGrids(flags.confirmMap, locale, maxSize);
        if (isInputError(grids)) return fail(grids);
        confirm = grids[0] ? readConfirmMap(grids[0]) : undefined;
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
      if (flags.out !== undefined && !outError) {
        try {
          await writeAtomically(
            flags.out,
            await reportBytes([buildAdjustReport(result), buildAdjustedList(result, current)]),
          );
        } catch (e) {
          outError = writeError(flags.out, e, locale);
        }
      }
      const about = {
        previousFile: flags.previous,
        currentFile: flags.current,
        confirmFile: flags.confirmMap,
        previous,
        current,
        written: outError ? undefined : flags.out,
      };
      const ok = printResult(
        io,
        flags.json,
        () => adjustJson(result, about, locale),
        () => adjustText(result, about, locale, !!io.out.isTTY),
        outError,
      );
      if (!ok) return setCode(EXIT.failure);
      setCode(result.issues.some((i) => i.severity === 'error') ? EXIT.errors : EXIT.ok);
    });
};
