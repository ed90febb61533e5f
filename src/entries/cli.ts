import { CommanderError } from 'commander';
import { EXIT, type CliIo, type RegisterCommand } from '../cli/cli-types';
import { registerAdjust } from '../cli/commands/adjust';
import { registerCheck } from '../cli/commands/check';
import { registerCompare } from '../cli/commands/compare';
import { registerReview } from '../cli/commands/review';
import { registerTally } from '../cli/commands/tally';
import { newProgram, requestedLocale } from '../cli/program';

// The `drc` command's entry (bin/drc.js runs it): the program and its subcommands, wired to the terminal. A
// subcommand loads what it needs when it runs (exceljs only to write a report), so `drc --help` stays light.

export { EXIT, type CliIo } from '../cli/cli-types';

/** Every subcommand, one line each. */
const COMMANDS: readonly RegisterCommand[] = [
  registerAdjust,
  registerCheck,
  registerCompare,
  registerReview,
  registerTally,
];

/** Runs the `drc` command line; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  io: CliIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const locale = requestedLocale(argv);
  let code: number = EXIT.ok;
  const program = newProgram(locale, io);
  for (const register of COMMANDS) register(program, io, (c) => (code = c), locale);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.failure;
    throw e;
  }
  return code;
}
