import { Command, CommanderError } from 'commander';
import { type CliIo, EXIT, type RegisterCommand } from './cli-types';
import { registerAdjust } from './commands/adjust';
import { registerCheck } from './commands/check';
import { registerCompare } from './commands/compare';
import { registerTally } from './commands/tally';

export { EXIT, type CliIo } from './cli-types';

/** Every subcommand, one line each. */
const COMMANDS: readonly RegisterCommand[] = [registerAdjust, registerCheck, registerCompare, registerTally];

/** Runs the `drc` command line; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  io: CliIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('drc')
    .description(
      '双随机清单助手:检查"双随机"检查实施清单 (.xlsx / .csv) · validates double-random inspection lists',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });

  for (const register of COMMANDS) register(program, io, (c) => (code = c));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.failure;
    throw e;
  }
  return code;
}
