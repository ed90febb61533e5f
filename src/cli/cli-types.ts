import type { Command } from 'commander';
import type { Locale } from '../core/locale';

/** Exit codes: 0 no errors, 1 errors found, 2 a file could not be read or the arguments are wrong. */
export const EXIT = { ok: 0, errors: 1, failure: 2 } as const;

/** Where the command writes: standard output and error, or a test's capture. */
export interface CliIo {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * Adds one subcommand to the program; `setCode` records the exit code it decided; `locale` is the language of
 * the run (from --lang), in which the command's help is written.
 */
export type RegisterCommand = (
  program: Command,
  io: CliIo,
  setCode: (code: number) => void,
  locale: Locale,
) => void;
