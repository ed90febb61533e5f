import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Help, type Option, type Argument } from 'commander';
import { type Locale, toLocale } from '../core/locale';
import { cliText } from './cli-messages';
import type { CliIo } from './cli-types';
import { helpText, helpTitle } from './help-messages';

// The `drc` program without its subcommands: version, help and argument errors in the run's language.

/** The language asked for with `--lang X` or `--lang=X` anywhere on the line (help is built before parsing). */
export function requestedLocale(argv: readonly string[]): Locale {
  for (const [i, a] of argv.entries()) {
    const next = argv[i + 1];
    if (a === '--lang' && next !== undefined) return toLocale(next);
    if (a.startsWith('--lang=')) return toLocale(a.slice(7));
  }
  return 'zh-CN';
}

/** The package's version, from the package.json above this module (src/cli or dist/cli alike). */
export function packageVersion(): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'double-random-checklist' && pkg.version) return pkg.version;
    } catch {
      // not here: one folder up
    }
  }
  return '0.0.0';
}

/** Commander's error sentence (English) as a sentence of the locale, by its shape; unknown shapes kept whole. */
export function commanderErrorText(message: string, locale: Locale): string {
  const text = message.replace(/^error:\s*/, '').trim();
  let m: RegExpExecArray | null;
  if ((m = /^unknown option '([^']*)'(.*)$/.exec(text))) {
    const suggestion = /Did you mean (\S+?)\?/.exec(m[2] ?? '')?.[1];
    const hint = suggestion
      ? locale === 'zh-CN'
        ? `(是否想用 ${suggestion}?)`
        : ` (did you mean ${suggestion}?)`
      : '';
    return cliText(locale, 'args/unknown-option', { option: m[1] ?? '', hint });
  }
  if ((m = /^option '([^' ]*)[^']*' argument missing$/.exec(text)))
    return cliText(locale, 'args/missing-value', { option: m[1] ?? '' });
  if ((m = /^option '([^' ]*)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(text)))
    return cliText(locale, 'args/invalid-choice', {
      option: m[1] ?? '',
      value: m[2] ?? '',
      choices: m[3] ?? '',
    });
  if ((m = /^missing required argument '([^']*)'$/.exec(text)))
    return cliText(locale, 'args/missing-argument', { argument: m[1] ?? '' });
  if ((m = /^required option '([^' ]*)[^']*' not specified$/.exec(text)))
    return cliText(locale, 'args/missing-option', { option: m[1] ?? '' });
  if ((m = /^unknown command '([^']*)'/.exec(text)))
    return cliText(locale, 'args/unknown-command', { command: m[1] ?? '' });
  if (/^too many arguments/.test(text)) return cliText(locale, 'args/too-many', { detail: text });
  return cliText(locale, 'args/other', { detail: text });
}

/** Commander's help with headings and the (default / choices) notes in the locale. */
function localHelp(locale: Locale): Partial<Help> {
  const base = new Help();
  // Commander appends "(choices: …, default: …)" in English; only the two labels are words.
  const notes = (s: string) =>
    s
      .replace(/\((choices|default): /g, (_, k: 'choices' | 'default') => `(${helpText(locale, k)}`)
      .replace(/, default: /g, `, ${helpText(locale, 'default')}`);
  return {
    styleTitle: (title: string) => helpTitle(locale, title),
    optionDescription: (option: Option) => notes(base.optionDescription(option)),
    argumentDescription: (argument: Argument) => notes(base.argumentDescription(argument)),
  };
}

/** The `drc` program, its help and its argument errors in the locale; commander throws instead of exiting. */
export function newProgram(locale: Locale, io: CliIo): Command {
  return new Command('drc')
    .description(helpText(locale, 'program'))
    .version(packageVersion(), '-v, --version', helpText(locale, 'version'))
    .helpOption('-h, --help', helpText(locale, 'help'))
    .helpCommand('help [command]', helpText(locale, 'helpCommand'))
    .configureHelp(localHelp(locale))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out.write(s),
      writeErr: (s) => io.err.write(s),
      outputError: (s, write) => write(`${commanderErrorText(s, locale)}\n`),
    });
}
