import { Command, CommanderError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { toLocale } from '../core/locale';
import { checkFiles, markedCopyPath } from './check-command';
import { cliText } from './cli-messages';
import { collectFiles } from './collect-files';
import { summarise, toJson, toText } from './output';

/** Exit codes: 0 no errors, 1 errors found, 2 a file could not be read or the arguments are wrong. */
export const EXIT = { ok: 0, errors: 1, failure: 2 } as const;

interface CheckFlags {
  json?: boolean;
  out?: string;
  lang?: string;
  ratioDisturb?: string;
  ratioBlind?: string;
  maxPerYear?: string;
}

/** Where the command writes: standard output and error, or a test's capture. */
export interface CliIo {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Runs the `drc` command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('drc')
    .description('双随机清单助手:检查"双随机"检查实施清单 (.xlsx / .csv) · validates double-random inspection lists')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });

  program
    .command('check')
    .description('检查文件中的每个清单工作表;--out 写出标注副本 · check every list sheet; --out writes marked copies')
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
        code = EXIT.failure;
        return;
      }
      const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
      const settings = {
        ratio: { disturbAtOrAbove: num(flags.ratioDisturb), blindSpotAtOrBelow: num(flags.ratioBlind) },
        frequency: { maxPerYear: num(flags.maxPerYear) },
      };
      for (const group of [settings.ratio, settings.frequency] as Record<string, number | undefined>[])
        for (const k of Object.keys(group)) if (group[k] === undefined || Number.isNaN(group[k])) delete group[k];
      const stderr = io.err;
      const bar = stderr.isTTY && files.length > 1 && !flags.json
        ? new SingleBar({ stream: stderr as NodeJS.WriteStream, format: '{bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true })
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
      if (flags.out) for (const r of reports) if (!r.error) written.set(r.file, markedCopyPath(r.file, flags.out));
      if (flags.json) io.out.write(`${JSON.stringify(toJson(reports, locale), null, 2)}\n`);
      else io.out.write(`${toText(reports, locale, !!io.out.isTTY, written)}\n`);
      const total = summarise(reports);
      code = reports.some((r) => r.error) ? EXIT.failure : total.errors > 0 ? EXIT.errors : EXIT.ok;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.failure;
    throw e;
  }
  return code;
}
