import { Option } from 'commander';
import { toLocale } from '../../core/locale';
import { cliText } from '../cli-messages';
import { EXIT, type RegisterCommand } from '../cli-types';
import { collectFiles } from '../collect-files';
import { runTally } from '../tally-command';
import { tallyComplete, tallyJson, tallyTextReport } from '../tally-output';

interface TallyFlags {
  quota?: string;
  unit?: string;
  json?: boolean;
  out?: string;
  lang?: string;
}

/**
 * `drc tally FILE... [--quota FILE] [--unit NAME] [--json] [--out FILE.xlsx]`: monitoring-point declarations
 * counted per unit against the quota table. Exit 0 when every unit meets its quota and nothing is wrong, 1 when a
 * unit is short, over or silent or an error was found, 2 when a file cannot be read or an argument is wrong.
 */
export const registerTally: RegisterCommand = (program, io, setCode) => {
  program
    .command('tally')
    .description(
      '监测点汇总:按分配表统计各单位申报的监测点企业 · tally monitoring-point declarations against the quota',
    )
    .argument('<files...>', '申报表 .xlsx / .csv 文件或文件夹')
    .option(
      '--quota <file>',
      '用该文件中的分配表(表头含"单位"和"任务数")代替默认的于都县 2020 年分配表 · quota table file',
    )
    .option('--unit <name>', '文件中没有写明推荐单位时使用的单位 · unit of files that name none')
    .option('--json', '以 JSON 输出结果 · print JSON')
    .option('--out <file>', '写出汇总表(.xlsx,含申报明细)· write the summary workbook')
    .addOption(new Option('--lang <locale>', '语言 · language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .action(async (inputs: string[], flags: TallyFlags) => {
      const locale = toLocale(flags.lang);
      const files = await collectFiles(inputs);
      if (files.length === 0) {
        io.err.write(`${cliText(locale, 'args/no-readable', { path: inputs.join(' ') })}\n`);
        setCode(EXIT.failure);
        return;
      }
      const run = await runTally(files, { quota: flags.quota, unit: flags.unit, out: flags.out, locale });
      if (run.fatal || !run.result) {
        io.err.write(`${run.fatal?.message ?? ''}\n`);
        setCode(EXIT.failure);
        return;
      }
      const { result } = run;
      if (flags.json) io.out.write(`${JSON.stringify(tallyJson(result, locale, run.written), null, 2)}\n`);
      else io.out.write(`${tallyTextReport(result, locale, !!io.out.isTTY, run.written)}\n`);
      setCode(
        result.files.some((f) => f.error) ? EXIT.failure : tallyComplete(result) ? EXIT.ok : EXIT.errors,
      );
    });
};
