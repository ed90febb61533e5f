import { SingleBar } from 'cli-progress';
import { Option } from 'commander';
import { toLocale } from '../../core/locale';
import { checkFiles, markedCopyPath } from '../check-command';
import { cliText } from '../cli-messages';
import { collectFiles } from '../collect-files';
import { EXIT, type RegisterCommand } from '../cli-types';
import { summarise, toJson, toText } from '../output';

interface CheckFlags {
  json?: boolean;
  out?: string;
  lang?: string;
  ratioDisturb?: string;
  ratioBlind?: string;
  maxPerYear?: string;
}

/** `drc check FILE... [--json] [--out DIR] [--lang]`: validates every list sheet, optionally writes marked copies. */
export const registerCheck: RegisterCommand = (program, io, setCode) => {
  program
    .command('check')
    .description(
      '检查文件中的每个清单工作表;--out 写出标注副本 · check every list sheet; --out writes marked copies',
    )
    .argument('<files...>', '.xlsx / .csv 文件或文件夹')
    .option('--json', '以 JSON 输出结果 · print JSON')
    .option('--out <dir>', '把标注副本写入该文件夹(原文件不变)· write marked copies here')
    .addOption(new Option('--lang <locale>', '语言 · language').choices(['zh-CN', 'en-US']).default('zh-CN'))
    .option('--ratio-disturb <percent>', '双随机比例达到该值即提示扰企 (默认 100)')
    .option('--ratio-blind <percent>', '双随机比例不高于该值即提示盲区 (默认 0)')
    .option('--max-per-year <n>', '每年检查次数超过该值即提示扰企 (默认 12)')
    .action(async (inputs: string[], flags: CheckFlags) => {
      const locale = toLocale(flags.lang);
      const files = await collectFiles(inputs);
      if (files.length === 0) {
        io.err.write(`${cliText(locale, 'args/no-readable', { path: inputs.join(' ') })}\n`);
        setCode(EXIT.failure);
        return;
      }
      const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
      const settings = {
        ratio: { disturbAtOrAbove: num(flags.ratioDisturb), blindSpotAtOrBelow: num(flags.ratioBlind) },
        frequency: { maxPerYear: num(flags.maxPerYear) },
      };
      for (const group of [settings.ratio, settings.frequency] as Record<string, number | undefined>[])
        for (const k of Object.keys(group))
          if (group[k] === undefined || Number.isNaN(group[k])) delete group[k];
      const stderr = io.err;
      const bar =
        stderr.isTTY && files.length > 1 && !flags.json
          ? new SingleBar({
              stream: stderr as NodeJS.WriteStream,
              format: '{bar} {value}/{total} {file}',
              hideCursor: true,
              clearOnComplete: true,
            })
          : undefined;
      bar?.start(files.length, 0, { file: '' });
      const reports = await checkFiles(files, {
        out: flags.out,
        locale,
        settings,
        onFile: (done, _total, file) => bar?.update(done, { file }),
      });
      bar?.stop();
      const written = new Map<string, string>();
      if (flags.out)
        for (const r of reports) if (!r.error) written.set(r.file, markedCopyPath(r.file, flags.out));
      if (flags.json) io.out.write(`${JSON.stringify(toJson(reports, locale), null, 2)}\n`);
      else io.out.write(`${toText(reports, locale, !!io.out.isTTY, written)}\n`);
      const total = summarise(reports);
      setCode(reports.some((r) => r.error) ? EXIT.failure : total.errors > 0 ? EXIT.errors : EXIT.ok);
    });
};
