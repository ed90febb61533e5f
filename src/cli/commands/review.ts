import { EXIT, type RegisterCommand } from '../cli-types';
import { helpText, langOption } from '../help-messages';
import { failWith } from '../list-files';
import { maxSizeArg } from '../option-values';
import { fileProgress } from '../progress-bar';
import { listInbox, runReview } from '../review-command';
import { reviewText } from '../review-messages';
import { reviewClean, reviewJson, reviewTextReport } from '../review-output';

interface ReviewFlags {
  units?: string;
  quota?: string;
  json?: boolean;
  out?: string;
  notes?: string;
  maxSize?: string;
  lang?: string;
}

/**
 * `drc review FOLDER_OR_FILE... [--units FILE] [--quota FILE] [--json] [--out FILE.xlsx] [--max-size]`: everything the units
 * sent, classified, attributed, checked and summed up. Exit 0 when every unit is complete without errors, 1
 * otherwise, 2 when the arguments are wrong or nothing can be read.
 */
export const registerReview: RegisterCommand = (program, io, setCode, locale) => {
  program
    .command('review')
    .description(helpText(locale, 'review'))
    .argument('<inputs...>', helpText(locale, 'reviewInputs'))
    .option('--units <file>', helpText(locale, 'reviewUnits'))
    .option('--quota <file>', helpText(locale, 'tallyQuota'))
    .option('--json', helpText(locale, 'json'))
    .option('--out <file>', helpText(locale, 'reviewOut'))
    .option('--notes <dir>', helpText(locale, 'reviewNotes'))
    .option('--max-size <size>', helpText(locale, 'maxSize'))
    .addOption(langOption(locale))
    .action(async (inputs: string[], flags: ReviewFlags) => {
      // Every option is checked before any file is listed or read.
      const maxSize = maxSizeArg(flags.maxSize, locale);
      if (typeof maxSize !== 'number') {
        failWith(io, setCode, { file: '', ...maxSize }, flags.json);
        return;
      }
      const listing = await listInbox(
        inputs,
        { exclude: flags.notes ? [flags.notes] : [], outputs: flags.out ? [flags.out] : [] },
        locale,
      );
      if (listing.entries.length === 0) {
        failWith(
          io,
          setCode,
          {
            file: inputs.join(' '),
            code: 'args/no-files',
            message: reviewText(locale, 'args/no-files', { path: inputs.join(' ') }),
          },
          flags.json,
        );
        return;
      }
      const bar = fileProgress(io, listing.entries.length, flags.json);
      const run = await runReview(listing.entries, {
        units: flags.units,
        quota: flags.quota,
        out: flags.out,
        notes: flags.notes,
        maxSize,
        locale,
        onFile: (done, _total, file) => bar?.update(done, file),
      }).finally(() => bar?.stop());
      if (run.fatal || !run.desk) {
        failWith(io, setCode, run.fatal ?? { file: '', code: 'file/failed', message: '' }, flags.json);
        return;
      }
      const { result } = run.desk;
      const written = { out: run.written, notes: run.notes };
      if (flags.json) io.out.write(`${JSON.stringify(reviewJson(result, locale, written), null, 2)}\n`);
      else
        io.out.write(
          `${reviewTextReport(result, locale, !!io.out.isTTY, { ...written, ignored: listing.ignored.length })}\n`,
        );
      setCode(reviewClean(result) ? EXIT.ok : EXIT.errors);
    });
};
