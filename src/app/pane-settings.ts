import { type Locale, toLocale } from '../core/locale';
import { DEFAULT_SETTINGS, type DeepPartial, type Settings } from '../core/settings';

/** What a person can change in the pane: the thresholds of 扰企 / 盲区 and the language. */
export interface PaneSettings {
  locale: Locale;
  /** Percent: a 双随机 ratio at or below this is a blind spot. */
  blindSpotAtOrBelow: number;
  /** Percent: a 双随机 ratio at or above this disturbs enterprises. */
  disturbAtOrAbove: number;
  /** Inspections a year above which an item disturbs enterprises. */
  maxPerYear: number;
}

/** The defaults: the engine's thresholds, the language of the host (Chinese unless it is English). */
export function defaultPaneSettings(languageTag?: string): PaneSettings {
  return {
    locale: toLocale(languageTag),
    blindSpotAtOrBelow: DEFAULT_SETTINGS.ratio.blindSpotAtOrBelow,
    disturbAtOrAbove: DEFAULT_SETTINGS.ratio.disturbAtOrAbove,
    maxPerYear: DEFAULT_SETTINGS.frequency.maxPerYear,
  };
}

/** Why a settings form was refused: the field and what is wrong with it. */
export interface SettingsProblem {
  field: 'blindSpotAtOrBelow' | 'disturbAtOrAbove' | 'maxPerYear';
  problem: 'not-a-number' | 'out-of-range' | 'order';
}

function percentIn(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v.trim().replace(/%$/, '')) : typeof v === 'number' ? v : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Checks a settings form: percentages within 0–100, the blind-spot threshold below the disturbing one, a positive
 * yearly count. Returns the settings or the problems (none when valid).
 */
export function checkPaneSettings(form: {
  locale: string;
  blindSpotAtOrBelow: unknown;
  disturbAtOrAbove: unknown;
  maxPerYear: unknown;
}): { settings?: PaneSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const blind = percentIn(form.blindSpotAtOrBelow);
  const disturb = percentIn(form.disturbAtOrAbove);
  const perYear = percentIn(form.maxPerYear);
  if (blind === undefined) problems.push({ field: 'blindSpotAtOrBelow', problem: 'not-a-number' });
  else if (blind < 0 || blind > 100) problems.push({ field: 'blindSpotAtOrBelow', problem: 'out-of-range' });
  if (disturb === undefined) problems.push({ field: 'disturbAtOrAbove', problem: 'not-a-number' });
  else if (disturb <= 0 || disturb > 100)
    problems.push({ field: 'disturbAtOrAbove', problem: 'out-of-range' });
  if (blind !== undefined && disturb !== undefined && problems.length === 0 && blind >= disturb)
    problems.push({ field: 'disturbAtOrAbove', problem: 'order' });
  if (perYear === undefined) problems.push({ field: 'maxPerYear', problem: 'not-a-number' });
  else if (perYear < 1 || perYear > 366 || !Number.isInteger(perYear))
    problems.push({ field: 'maxPerYear', problem: 'out-of-range' });
  if (problems.length > 0) return { problems };
  return {
    settings: {
      locale: toLocale(form.locale),
      blindSpotAtOrBelow: blind!,
      disturbAtOrAbove: disturb!,
      maxPerYear: perYear!,
    },
    problems,
  };
}

/** Reads saved settings; anything missing or broken falls back to the defaults, field by field. */
export function parsePaneSettings(text: string | undefined, fallback: PaneSettings): PaneSettings {
  if (!text) return fallback;
  let raw: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object') return fallback;
    raw = parsed as Record<string, unknown>;
  } catch {
    return fallback;
  }
  const checked = checkPaneSettings({
    locale: typeof raw.locale === 'string' ? raw.locale : fallback.locale,
    blindSpotAtOrBelow: raw.blindSpotAtOrBelow ?? fallback.blindSpotAtOrBelow,
    disturbAtOrAbove: raw.disturbAtOrAbove ?? fallback.disturbAtOrAbove,
    maxPerYear: raw.maxPerYear ?? fallback.maxPerYear,
  });
  return (
    checked.settings ?? {
      ...fallback,
      locale: typeof raw.locale === 'string' ? toLocale(raw.locale) : fallback.locale,
    }
  );
}

/** The engine's settings from the pane's. */
export function toEngineSettings(s: PaneSettings): DeepPartial<Settings> {
  return {
    ratio: { blindSpotAtOrBelow: s.blindSpotAtOrBelow, disturbAtOrAbove: s.disturbAtOrAbove },
    frequency: { maxPerYear: s.maxPerYear },
  };
}
