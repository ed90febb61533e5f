import type { Severity } from '../core/issue';
import type { Locale } from '../core/locale';
import type { DeepPartial, Settings } from '../core/settings';
import { SCHEMAS } from '../schemas';
import { DEFAULT_SEVERITIES } from '../schemas/severities';
import { isExecutableFile } from '../hosts/files/soffice';
import { DEFAULT_MAX_SIZE } from '../hosts/xlsx/fast-reader';
import { cliText } from './cli-messages';

// Option values are checked before any file is read: a wrong value stops the run with exit 2 and a sentence that
// names the option, the value received and what is expected (README: exit 2 for wrong arguments).

/** A wrong option value: its sentence. */
export interface ArgProblem {
  code: string;
  message: string;
}

/** A number written as `50`, `50.5`, `50%` (full-width digits and ％ too), or undefined. */
function numberIn(value: string): number | undefined {
  const text = value
    .trim()
    .replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/%$/, '')
    .trim();
  if (!/^[+]?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
};

/** The largest `--max-size`: Node holds at most 4 GB in one buffer. */
export const MAX_MAX_SIZE = 4 * 1024 ** 3;

/** A size written as `500MB`, `1.5GB`, `1g`, `2048` (bytes), or undefined. */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = SIZE_UNITS[(m[2] ?? '').toLowerCase()];
  if (unit === undefined) return undefined;
  return Math.round(Number(m[1]) * unit);
}

/** The byte limit of `--max-size` (1KB to 4GB, such as `500MB`), the default when not given, or its problem. */
export function maxSizeArg(value: string | undefined, locale: Locale): number | ArgProblem {
  if (value === undefined) return DEFAULT_MAX_SIZE;
  const n = parseSize(value);
  if (n === undefined || n < 1024 || n > MAX_MAX_SIZE)
    return { code: 'args/size', message: cliText(locale, 'args/size', { value }) };
  return n;
}

/** What `drc check` reads its options into. */
export interface CheckArgs {
  settings: DeepPartial<Settings>;
  maxSize: number;
  soffice?: string;
  timeoutMs?: number;
}

/** The raw option values of `drc check`. */
export interface CheckOptionValues {
  ratioDisturb?: string;
  ratioBlind?: string;
  maxPerYear?: string;
  maxSize?: string;
  soffice?: string;
  sofficeTimeout?: string;
  /** `CODE=LEVEL` overrides (`ratio/prose=error`), one per `--severity`. */
  severity?: string[];
}

/** The severity names `--severity` takes, in English and as the output prints them. */
const LEVELS: Record<string, Severity> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  错误: 'error',
  警告: 'warning',
  提示: 'info',
};

/** Every finding code a severity can be set for: the defaults and each schema's own table. */
function knownCodes(): Set<string> {
  return new Set([...Object.keys(DEFAULT_SEVERITIES), ...SCHEMAS.flatMap((s) => Object.keys(s.severities))]);
}

/** `ratio/prose=error` (or `ratio/prose:警告`) as a code and a severity, or undefined when it is not one. */
function severityIn(value: string, codes: Set<string>): [string, Severity] | undefined {
  const m = /^\s*([a-zA-Z]+\/[a-zA-Z-]+)\s*[=:：]\s*(\S+)\s*$/.exec(value);
  const [, code = '', name = ''] = m ?? [];
  if (!codes.has(code)) return undefined;
  const level = LEVELS[name.toLowerCase()];
  return level ? [code, level] : undefined;
}

/**
 * Checks every option of `drc check` (the same ranges as the pane's settings: percentages 0–100, the blind-spot
 * threshold below the disturbing one, 1–366 inspections a year), or returns the first problem.
 */
export function checkArgs(
  files: readonly string[],
  v: CheckOptionValues,
  locale: Locale,
): CheckArgs | ArgProblem {
  const problem = (code: Parameters<typeof cliText>[1], params: Record<string, string | number>) => ({
    code,
    message: cliText(locale, code, params),
  });
  if (files.some((f) => f.trim() === '')) return problem('args/empty-path', {});
  const settings: CheckArgs['settings'] = { ratio: {}, frequency: {} };
  const disturb = v.ratioDisturb === undefined ? undefined : numberIn(v.ratioDisturb);
  if (v.ratioDisturb !== undefined && (disturb === undefined || disturb <= 0 || disturb > 100))
    return problem('args/percent-positive', { option: '--ratio-disturb', value: v.ratioDisturb });
  const blind = v.ratioBlind === undefined ? undefined : numberIn(v.ratioBlind);
  if (v.ratioBlind !== undefined && (blind === undefined || blind < 0 || blind > 100))
    return problem('args/percent', { option: '--ratio-blind', value: v.ratioBlind });
  if (blind !== undefined || disturb !== undefined) {
    const b = blind ?? 0;
    const d = disturb ?? 100;
    if (b >= d) return problem('args/ratio-order', { blind: b, disturb: d });
  }
  if (disturb !== undefined) settings.ratio!.disturbAtOrAbove = disturb;
  if (blind !== undefined) settings.ratio!.blindSpotAtOrBelow = blind;
  if (v.maxPerYear !== undefined) {
    const n = numberIn(v.maxPerYear);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 366 || /%/.test(v.maxPerYear))
      return problem('args/count', { option: '--max-per-year', value: v.maxPerYear, min: 1, max: 366 });
    settings.frequency!.maxPerYear = n;
  }
  if (v.severity?.length) {
    const codes = knownCodes();
    const severities: Record<string, Severity> = {};
    for (const value of v.severity) {
      const read = severityIn(value, codes);
      if (!read) return problem('args/severity', { value });
      severities[read[0]] = read[1];
    }
    settings.severities = severities;
  }
  const maxSize = maxSizeArg(v.maxSize, locale);
  if (typeof maxSize !== 'number') return maxSize;
  let timeoutMs: number | undefined;
  if (v.sofficeTimeout !== undefined) {
    const n = numberIn(v.sofficeTimeout);
    if (n === undefined || n < 1 || n > 3600 || /%/.test(v.sofficeTimeout))
      return problem('args/count', {
        option: '--soffice-timeout',
        value: v.sofficeTimeout,
        min: 1,
        max: 3600,
      });
    timeoutMs = Math.round(n * 1000);
  }
  if (v.soffice !== undefined && !isExecutableFile(v.soffice))
    return problem('args/soffice', { value: v.soffice });
  return { settings, maxSize, soffice: v.soffice, timeoutMs };
}

/** True when a check returned a problem rather than values. */
export function isArgProblem(v: unknown): v is ArgProblem {
  return typeof v === 'object' && v !== null && 'message' in v && 'code' in v;
}
