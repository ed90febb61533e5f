import path from 'node:path';
import { compareLists, listsAgree } from '../../features/compare/compare-lists';
import { buildCompareSheet } from '../../features/compare/compare-sheet';
import { listUnit } from '../../features/compare/read-list';
import { reportBytes } from '../report-bytes';
import { EXIT, type RegisterCommand } from '../cli-types';
import { helpText, langOption } from '../help-messages';
import { compareJson, compareText } from '../compare-output';
import { maxSizeArg } from '../option-values';
import {
  checkOutPath,
  failWith,
  type InputError,
  isInputError,
  readListFile,
  writeAtomically,
  printResult,
  writeError,
} from '../list-files';

interface CompareFlags {
  json?: boolean;
  out?: string;
  maxSize?: string;
  lang?: string;
}

/**
 * `drc compare FILE_A FILE_B [--json] [--out FILE.xlsx]`: compares two exports of one unit's list (互联网+监管 and
 * the 双随机 platform) and writes every difference on its own row of a 差异 sheet. Exit 1 when they differ.
 */
export const registerCompare: RegisterCommand = (program, io, setCode, locale) => {
  program
    .command('compare')
    .description(helpText(locale, 'compare'))
    .argument('<fileA>', helpText(locale, 'compareA'))
    .argument('<fileB>', helpText(locale, 'compareB'))
    .option('--json', helpText(locale, 'json'))
    .option('--out <file.xlsx>', helpText(locale, 'compareOut'))
    .option('--max-size <size>', helpText(locale, 'maxSize'))
    .addOption(langOption(locale))
    .action(async (fileA: string, fileB: string, flags: CompareFlags) => {
      const fail = (e: InputError) => failWith(io, setCode, e, flags.json);
      const maxSize = maxSizeArg(flags.maxSize, locale);
      if (typeof maxSize !== 'number') return fail({ file: '', ...maxSize });
      // A bad --out does not stop the comparison: its results are printed, then the reason nothing was written.
      let outError =
        flags.out !== undefined ? await checkOutPath(flags.out, [fileA, fileB], locale) : undefined;
      const a = await readListFile(fileA, locale, maxSize);
      if (isInputError(a)) return fail(a);
      const b = await readListFile(fileB, locale, maxSize);
      if (isInputError(b)) return fail(b);

      const result = compareLists(a, b);
      if (flags.out !== undefined && !outError) {
        const sheet = buildCompareSheet(result, {
          nameA: path.basename(fileA),
          nameB: path.basename(fileB),
          unit: listUnit(a) ?? listUnit(b),
        });
        try {
          await writeAtomically(flags.out, await reportBytes([sheet]));
        } catch (e) {
          outError = writeError(flags.out, e, locale);
        }
      }
      const about = { fileA, fileB, a, b, written: outError ? undefined : flags.out };
      const ok = printResult(
        io,
        flags.json,
        () => compareJson(result, about, locale),
        () => compareText(result, about, locale, !!io.out.isTTY),
        outError,
      );
      if (!ok) return setCode(EXIT.failure);
      setCode(listsAgree(result) ? EXIT.ok : EXIT.errors);
    });
};
