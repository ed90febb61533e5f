import type { Severity } from './issue';

/** User-adjustable thresholds and severity overrides. */
export interface Settings {
  ratio: {
    /** A 双随机 ratio at or below this percent is a blind spot (盲区). */
    blindSpotAtOrBelow: number;
    /** A 双随机 ratio at or above this percent disturbs enterprises (扰企). */
    disturbAtOrAbove: number;
  };
  frequency: {
    /** More inspections a year than this disturbs enterprises (default 12: more often than monthly). */
    maxPerYear: number;
  };
  /** Per-code severity overrides, e.g. `{ 'ratio/bare-number': 'error' }`. */
  severities: Record<string, Severity>;
}

/** Defaults drawn from the notice: avoid 扰企 (100% or more than monthly) and 盲区 (0%). */
export const DEFAULT_SETTINGS: Settings = {
  ratio: { blindSpotAtOrBelow: 0, disturbAtOrAbove: 100 },
  frequency: { maxPerYear: 12 },
  severities: {},
};

/** Merges partial settings over the defaults. */
export function resolveSettings(partial?: DeepPartial<Settings>): Settings {
  return {
    ratio: { ...DEFAULT_SETTINGS.ratio, ...(partial?.ratio ?? {}) },
    frequency: { ...DEFAULT_SETTINGS.frequency, ...(partial?.frequency ?? {}) },
    severities: {
      ...DEFAULT_SETTINGS.severities,
      ...((partial?.severities as Record<string, Severity>) ?? {}),
    },
  };
}

/** Partial at every level. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
