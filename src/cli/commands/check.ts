import type { FileError } from '../../core/report';
import { outputProblemText } from '../../hosts/files/file-messages';
import { listInputs } from '../../hosts/files/list-inputs';
import { checkOutFolder, copyExtension, planCopies } from '../../hosts/files/output-plan';
import { findSoffice, libreOfficeConverter } from '../../hosts/files/soffice';
import { checkFiles } from '../check-command';
import { cliText } from '../cli-messages';
import { fileProgress } from '../progress-bar';
import { EXIT, type RegisterCommand } from '../cli-types';
import { helpText, langOption } from '../help-messages';
import { checkArgs, type CheckOptionValues, isArgProblem } from '../option-values';
import { summarise, toJson, toText } from '../output';

interface CheckFlags extends CheckOptionValues {
  json?: boolean;
  recursive?: boolean;
  out?: string;
  lang?: string;
  convert?: boolean;
}

/**
 * `drc check FILE_OR_FOLDER... [--json] [--out DIR] [--lang] [thresholds] [--max-size] [--soffice]`: validates
 * every list sheet and optionally writes marked copies. Order of a run: option values checked (exit 2 at once);
 * folders listed (every entry not read is reported); the copies' paths planned and checked before any write; every
 * file checked; results printed; then the reason no copy was written, if any (exit 2).
 */
export const registerCheck: RegisterCommand = (program, io, setCode, locale) => {
  program
    .command('check')
    .description(helpText(locale, 'check'))
    .argument('<files...>', helpText(locale, 'checkFiles'))
    .option('-r, --recursive', helpText(locale, 'recursive'))
    .option('--json', helpText(locale, 'json'))
    .option('--out <dir>', helpText(locale, 'checkOut'))
    .addOption(langOption(locale))
    .option('--ratio-disturb <percent>', helpText(locale, 'ratioDisturb'))
    .option('--ratio-blind <percent>', helpText(locale, 'ratioBlind'))
    .option('--max-per-year <n>', helpText(locale, 'maxPerYear'))
    .option('--severity <code=level>', helpText(locale, 'severity'), (value: string, all: string[] = []) => [
      ...all,
      value,
    ])
    .option('--max-size <size>', helpText(locale, 'maxSize'))
    .option('--soffice <path>', helpText(locale, 'soffice'))
    .option('--soffice-timeout <seconds>', helpText(locale, 'sofficeTimeout'))
    .option('--no-convert', helpText(locale, 'noConvert'))
    .action(async (inputs: string[], flags: CheckFlags) => {
      const args = checkArgs(inputs, flags, locale);
      if (isArgProblem(args)) {
        if (flags.json) io.out.write(`${JSON.stringify({ error: args }, null, 2)}\n`);
        io.err.write(`${args.message}\n`);
        setCode(EXIT.failure);
        return;
      }
      const out = flags.out;
      const listing = await listInputs(inputs, { recursive: flags.recursive, exclude: out ? [out] : [] });
      if (listing.files.length === 0) {
        const text = toText([], locale, false, { skipped: listing.skipped });
        if (flags.json)
          io.out.write(`${JSON.stringify(toJson([], locale, { skipped: listing.skipped }), null, 2)}\n`);
        else if (listing.skipped.length > 0) io.out.write(`${text}\n`);
        io.err.write(`${cliText(locale, 'args/no-readable', { path: inputs.join(' ') })}\n`);
        setCode(EXIT.failure);
        return;
      }

      // Every output path is decided and checked before the first file is read, so a refused plan writes nothing.
      let targets: Map<string, string> | undefined;
      let outError: FileError | undefined;
      if (out !== undefined) {
        let problem = await checkOutFolder(out);
        if (!problem) {
          const requests = [];
          for (const f of listing.files)
            requests.push({ input: f.path, root: f.root, extension: await copyExtension(f.path) });
          const plan = await planCopies(
            requests,
            out,
            listing.files.map((f) => f.path),
          );
          problem = plan.problem;
          if (!problem) targets = plan.targets;
        }
        if (problem) outError = { code: problem.code, message: outputProblemText(locale, problem) };
      }

      const soffice = flags.convert === false ? undefined : (args.soffice ?? findSoffice());
      const converter = soffice ? libreOfficeConverter(soffice, { timeoutMs: args.timeoutMs }) : undefined;
      const files = listing.files.map((f) => f.path);
      const bar = fileProgress(io, files.length, flags.json);
      let reports;
      try {
        reports = await checkFiles(files, {
          locale,
          settings: args.settings,
          maxSize: args.maxSize,
          converter,
          targets,
          onFile: (done, _total, file) => bar?.update(done, file),
        });
      } finally {
        bar?.stop();
        await converter?.close();
      }
      const extras = { skipped: listing.skipped, outError };
      if (flags.json) io.out.write(`${JSON.stringify(toJson(reports, locale, extras), null, 2)}\n`);
      else io.out.write(`${toText(reports, locale, !!io.out.isTTY, extras)}\n`);
      if (outError) io.err.write(`${cliText(locale, 'outRefused', { reason: outError.message })}\n`);
      const total = summarise(reports);
      const failedSomewhere = !!outError || reports.some((r) => r.error || r.writeError);
      setCode(failedSomewhere ? EXIT.failure : total.errors > 0 ? EXIT.errors : EXIT.ok);
    });
};
