import path from 'node:path';
import { Option } from 'commander';
import { toLocale } from '../../core/locale';
import { compareLists, listsAgree } from '../../features/compare/compare-lists';
import { buildCompareSheet } from '../../features/compare/compare-sheet';
import { listUnit } from '../../features/compare/read-list';
import { sheetSpecsToXlsx } from '../../hosts/xlsx/sheet-specs-to-xlsx';
import { EXIT, type RegisterCommand } from '../cli-types';
import { compareJson, compareText } from '../compare-output';
import { listText } from '../list-messages';
import {
  checkOutPath,
  failWith,
  type InputError,
  isInputError,
  readListFile,
  writeAtomically,
} from '../list-files';

interface CompareFlags {
  json?: boolean;
  out?: string;
  lang?: string;
}

/**
 * `drc compare FILE_A FILE_B [--json] [--out FILE.xlsx]`: compares two exports of one unit's list (互联网+监管 and
 * the 双随机 platform) and writes every difference on its own row of a 差异 sheet. Exit 1 when they differ.
 */
export const registerCompare: RegisterCommand = (program, io, setCode) => {
  program
    .command('compare')
    .description('比对两个平台导出的清单,列出每一处差异 · compare two platform exports of a list')
    .argument('<fileA>', '清单A (.xlsx / .csv),如 互联网+监管 导出')
    .argument('<fileB>', '清单B (.xlsx / .csv),如 双随机平台 导出')
    .option('--json', '以 JSON 输出结果 · print JSON')
    .option('--out <file.xlsx>', '写出差异表 · write the 差异 sheet')
    .addOption(new Option('--lang <locale>', '语言 · language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .action(async (fileA: string, fileB: string, flags: CompareFlags) => {
      const locale = toLocale(flags.lang);
      const fail = (e: InputError) => failWith(io, setCode, e, flags.json);
      const outError = flags.out ? checkOutPath(flags.out, [fileA, fileB], locale) : undefined;
      if (outError) return fail(outError);
      const a = await readListFile(fileA, locale);
      if (isInputError(a)) return fail(a);
      const b = await readListFile(fileB, locale);
      if (isInputError(b)) return fail(b);

      const result = compareLists(a, b);
      if (flags.out) {
        const sheet = buildCompareSheet(result, {
          nameA: path.basename(fileA),
          nameB: path.basename(fileB),
          unit: listUnit(a) ?? listUnit(b),
        });
        try {
          await writeAtomically(flags.out, await sheetSpecsToXlsx([sheet]));
        } catch (e) {
          const detail = e instanceof Error ? e.message : String(e);
          return fail({
            file: flags.out,
            code: 'file/write-failed',
            message: listText(locale, 'file/write-failed', { file: flags.out, detail }),
          });
        }
      }
      const about = { fileA, fileB, a, b, written: flags.out };
      if (flags.json) io.out.write(`${JSON.stringify(compareJson(result, about, locale), null, 2)}\n`);
      else io.out.write(`${compareText(result, about, locale, !!io.out.isTTY)}\n`);
      setCode(listsAgree(result) ? EXIT.ok : EXIT.errors);
    });
};
