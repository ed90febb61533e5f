import { fileText, skipText } from '../../hosts/files/file-messages';
import { DOCX_EXTENSIONS, LEGACY_DOC_EXTENSIONS } from '../../hosts/docx';
import { listInputs } from '../../hosts/files/list-inputs';
import { cliText } from '../cli-messages';
import { EXIT, type RegisterCommand } from '../cli-types';
import { helpText, langOption } from '../help-messages';
import { maxSizeArg } from '../option-values';
import { runTally } from '../tally-command';
import { tallyComplete, tallyJson, tallyTextReport } from '../tally-output';

interface TallyFlags {
  quota?: string;
  unit?: string;
  units?: string;
  decisions?: string;
  json?: boolean;
  recursive?: boolean;
  out?: string;
  maxSize?: string;
  lang?: string;
}

/**
 * `drc tally FILE... [--quota FILE] [--unit NAME] [--units FILE] [--decisions FILE] [--json] [--out FILE.xlsx]`: monitoring-point declarations
 * counted per unit against the quota table. Exit 0 when every unit meets its quota and nothing is wrong, 1 when a
 * unit is short, over or silent or an error was found, 2 when a file cannot be read or an argument is wrong.
 */
export const registerTally: RegisterCommand = (program, io, setCode, locale) => {
  program
    .command('tally')
    .description(helpText(locale, 'tally'))
    .argument('<files...>', helpText(locale, 'tallyFiles'))
    .option('--quota <file>', helpText(locale, 'tallyQuota'))
    .option('--unit <name>', helpText(locale, 'tallyUnit'))
    .option('--units <file>', helpText(locale, 'tallyUnits'))
    .option('--decisions <file>', helpText(locale, 'tallyDecisions'))
    .option('-r, --recursive', helpText(locale, 'recursive'))
    .option('--json', helpText(locale, 'json'))
    .option('--out <file>', helpText(locale, 'tallyOut'))
    .option('--max-size <size>', helpText(locale, 'maxSize'))
    .addOption(langOption(locale))
    .action(async (inputs: string[], flags: TallyFlags) => {
      const maxSize = maxSizeArg(flags.maxSize, locale);
      if (typeof maxSize !== 'number') {
        if (flags.json) io.out.write(`${JSON.stringify({ error: maxSize }, null, 2)}\n`);
        io.err.write(`${maxSize.message}\n`);
        setCode(EXIT.failure);
        return;
      }
      // Every entry of a folder is read or listed as skipped with the reason (a unit's .xls is never silently lost).
      // Word files are read too: units return the Annex 2 form as a Word table (.doc is named, never skipped).
      const listing = await listInputs(inputs, {
        recursive: flags.recursive,
        alsoRead: [...DOCX_EXTENSIONS, ...LEGACY_DOC_EXTENSIONS],
      });
      const files = listing.files.map((f) => f.path);
      const skippedLines = () =>
        listing.skipped.length === 0
          ? ''
          : `\n${[
              fileText(locale, 'skipped', { count: listing.skipped.length }),
              ...listing.skipped.map((k) => `  ${k.path}  ${skipText(locale, k)}`),
            ].join('\n')}\n`;
      if (files.length === 0) {
        io.out.write(skippedLines());
        io.err.write(`${cliText(locale, 'args/no-readable', { path: inputs.join(' ') })}\n`);
        setCode(EXIT.failure);
        return;
      }
      const run = await runTally(files, {
        skipped: listing.skipped.map((k) => ({ file: k.path, message: skipText(locale, k) })),
        quota: flags.quota,
        unit: flags.unit,
        units: flags.units,
        decisions: flags.decisions,
        out: flags.out,
        maxSize,
        locale,
      });
      if (run.fatal || !run.result) {
        io.err.write(`${run.fatal?.message ?? ''}\n`);
        setCode(EXIT.failure);
        return;
      }
      const { result } = run;
      if (flags.json) {
        const doc = tallyJson(result, locale, run.written) as Record<string, unknown>;
        const skipped = listing.skipped.map((k) => ({
          file: k.path,
          reason: k.reason,
          message: skipText(locale, k),
        }));
        const extra = run.outError ? { skipped, outError: run.outError } : { skipped };
        io.out.write(`${JSON.stringify({ ...doc, ...extra }, null, 2)}\n`);
      } else
        // The files not opened are listed in the report, among the files that gave no declaration.
        io.out.write(`${tallyTextReport(result, locale, !!io.out.isTTY, run.written)}\n`);
      if (run.outError) {
        io.err.write(`${run.outError.message}\n`);
        setCode(EXIT.failure);
        return;
      }
      setCode(
        result.files.some((f) => f.error) ? EXIT.failure : tallyComplete(result) ? EXIT.ok : EXIT.errors,
      );
    });
};
