import type { Locale } from '../../core/locale';
import { roundNoise } from '../../core/normalise';

/** One tier of a tiered value: the level, class or risk it is for, as written (市级, 重点企业), and its value. */
export interface Tier<T> {
  scope: string;
  value: T;
}

/**
 * A 检查比例 in percent (5% is 5; 3‰ is 0.3). exact: low = high; atLeast: low; atMost: high; range: low–high;
 * count: a number of objects instead of a share (60-70家); tiered: one value per level or class; officerRatio:
 * officers to objects (1:8); prose: a deliberate answer without a number (根据实际情况确定).
 */
export interface RatioValue {
  kind: 'exact' | 'atLeast' | 'atMost' | 'range' | 'count' | 'tiered' | 'officerRatio' | 'prose';
  /** Lower bound in percent; for kind count, a number of objects (60-70家 → 60). */
  low?: number;
  /** Upper bound in percent; for kind count, a number of objects (60-70家 → 70). */
  high?: number;
  /** The unit of a count: 家, 户… (kind count, or beside a ratio with `count`). */
  countUnit?: string;
  /** A count written beside a ratio, 10%(20户) → 20; not part of the ratio's meaning. */
  count?: number;
  /** Officers and objects of an officer ratio (按1:8的比例). */
  officers?: number;
  objects?: number;
  /** Kind tiered: each tier's scope and value (never tiered itself). */
  tiers?: Array<Tier<RatioValue>>;
  /** Written with a hedge (原则上, 一般, 约): read as the value it hedges. */
  hedged?: boolean;
}

/**
 * A 检查频次 in inspections per year (每季度1次 is 4; 每2年1次 is 0.5), low and high as for a ratio; or counted
 * over a licence's validity (`validity`, 许可有效期内不超过2次); irregular (不定期), asNeeded (根据监管需要确定)
 * and prose (结合年检一并开展) carry no number; tiered has one value per level (市局每年1次；县局每季度1次).
 */
export interface FrequencyValue {
  kind: 'exact' | 'atLeast' | 'atMost' | 'range' | 'tiered' | 'irregular' | 'asNeeded' | 'prose';
  /** Least times per year (exact, atLeast, range). */
  perYearLow?: number;
  /** Most times per year (exact, atMost, range). */
  perYearHigh?: number;
  /** Times within a licence's validity instead of per year: least and most. */
  validity?: { low?: number; high?: number };
  tiers?: Array<Tier<FrequencyValue>>;
  hedged?: boolean;
}

const eq = (x?: number, y?: number) =>
  x === undefined || y === undefined ? x === y : roundNoise(x) === roundNoise(y);

const sameScope = (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '');

/** True when two ratios mean the same: same kind, bounds and tiers (5% = 0.05 with a % format = 百分之五; 不低于5% ≠ 5%). */
export function sameRatio(a: RatioValue, b: RatioValue): boolean {
  if (a.kind !== b.kind || !eq(a.low, b.low) || !eq(a.high, b.high)) return false;
  if (a.kind === 'count' && a.countUnit !== b.countUnit) return false;
  if (a.kind === 'officerRatio' && (!eq(a.officers, b.officers) || !eq(a.objects, b.objects))) return false;
  return sameTiers(a.tiers, b.tiers, sameRatio);
}

/** True when two frequencies mean the same (1次/季度 = 每季度一次 = 每年4次; 至少1次 ≠ 每年1次). */
export function sameFrequency(a: FrequencyValue, b: FrequencyValue): boolean {
  if (a.kind !== b.kind || !eq(a.perYearLow, b.perYearLow) || !eq(a.perYearHigh, b.perYearHigh)) return false;
  if (!!a.validity !== !!b.validity) return false;
  if (
    a.validity &&
    b.validity &&
    (!eq(a.validity.low, b.validity.low) || !eq(a.validity.high, b.validity.high))
  )
    return false;
  return sameTiers(a.tiers, b.tiers, sameFrequency);
}

function sameTiers<T>(
  a: Array<Tier<T>> | undefined,
  b: Array<Tier<T>> | undefined,
  same: (x: T, y: T) => boolean,
) {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  return a.every((t, i) => {
    const u = b[i];
    return u !== undefined && sameScope(t.scope, u.scope) && same(t.value, u.value);
  });
}

/** A number as short as it can be written: 0.3, 12, 0.33 (at most two decimals). */
export function shortNumber(n: number): string {
  return String(roundNoise(Math.round(n * 100) / 100));
}

const zhBound = { atLeast: '不低于', atMost: '不超过' };
const zhTimesBound = { atLeast: '不少于', atMost: '不超过' };
const enBound = { atLeast: 'at least ', atMost: 'at most ' };

/** How a ratio reads back in a message: `不低于5%`, `5%-20%`, `市级 3%;县级 8%` (zh-CN); `at least 5%` (en-US). */
export function ratioReading(v: RatioValue, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const n = shortNumber;
  switch (v.kind) {
    case 'exact':
      return `${n(v.low as number)}%`;
    case 'atLeast':
      return zh ? `${zhBound.atLeast}${n(v.low as number)}%` : `${enBound.atLeast}${n(v.low as number)}%`;
    case 'atMost':
      return zh ? `${zhBound.atMost}${n(v.high as number)}%` : `${enBound.atMost}${n(v.high as number)}%`;
    case 'range':
      return `${n(v.low as number)}%-${n(v.high as number)}%`;
    case 'count': {
      const u = v.countUnit ?? '';
      if (v.low === undefined)
        return zh ? `不超过${n(v.high as number)}${u}` : `at most ${n(v.high as number)} ${u}`;
      if (v.high === undefined) return zh ? `不少于${n(v.low)}${u}` : `at least ${n(v.low)} ${u}`;
      return v.low === v.high ? `${n(v.low)}${u}` : `${n(v.low)}-${n(v.high)}${u}`;
    }
    case 'officerRatio':
      return zh
        ? `执法人员与检查对象 ${n(v.officers as number)}:${n(v.objects as number)}`
        : `officers to objects ${n(v.officers as number)}:${n(v.objects as number)}`;
    case 'tiered':
      return (v.tiers ?? [])
        .map((t) => `${t.scope} ${ratioReading(t.value, locale)}`.trim())
        .join(zh ? ';' : '; ');
    default:
      return zh ? '未写明比例' : 'no number';
  }
}

/** `每年1次`, `每2年1次`, `每年不少于1次`, `许可有效期内不超过2次` (zh-CN); `1 a year`, `at least 1 a year` (en-US). */
export function frequencyReading(v: FrequencyValue, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (v.kind === 'tiered')
    return (v.tiers ?? [])
      .map((t) => `${t.scope} ${frequencyReading(t.value, locale)}`.trim())
      .join(zh ? ';' : '; ');
  if (v.kind === 'irregular') return zh ? '不定期' : 'no fixed schedule';
  if (v.kind === 'asNeeded') return zh ? '根据监管需要' : 'as supervision needs';
  if (v.kind === 'prose') return zh ? '未写明次数' : 'no number';
  const low = v.validity ? v.validity.low : v.perYearLow;
  const high = v.validity ? v.validity.high : v.perYearHigh;
  const bound = v.kind === 'atLeast' || v.kind === 'atMost' ? v.kind : undefined;
  const value = v.kind === 'atMost' ? (high as number) : (low as number);
  if (v.validity) {
    const times =
      v.kind === 'range'
        ? `${shortNumber(low as number)}-${shortNumber(high as number)}`
        : shortNumber(value);
    if (zh) return `许可有效期内${bound ? zhTimesBound[bound] : ''}${times}次`;
    return `${bound ? enBound[bound] : ''}${times} within the licence's validity`;
  }
  // Fewer than once a year reads as once every N years (0.5 → 每2年1次).
  const every = value > 0 && value < 1 && v.kind !== 'range' && Number.isInteger(roundNoise(1 / value));
  if (every) {
    const years = roundNoise(1 / value);
    return zh
      ? `每${years}年${bound ? zhTimesBound[bound] : ''}1次`
      : `${bound ? enBound[bound] : ''}once every ${years} years`;
  }
  const times =
    v.kind === 'range' ? `${shortNumber(low as number)}-${shortNumber(high as number)}` : shortNumber(value);
  return zh
    ? `每年${bound ? zhTimesBound[bound] : ''}${times}次`
    : `${bound ? enBound[bound] : ''}${times} a year`;
}

/**
 * A ratio in the notation of the real-spelling corpus: `=5%`, `>=5%`, `<=10%`, `5%..20%`, `count 60..70家`,
 * `officer 1:8`, `prose`, tiers as `[市级] =3% ; [县级] =8%`.
 */
export function ratioNotation(v: RatioValue): string {
  const n = shortNumber;
  switch (v.kind) {
    case 'exact':
      return `=${n(v.low as number)}%`;
    case 'atLeast':
      return `>=${n(v.low as number)}%`;
    case 'atMost':
      return `<=${n(v.high as number)}%`;
    case 'range':
      return `${n(v.low as number)}%..${n(v.high as number)}%`;
    case 'count': {
      const u = v.countUnit ?? '';
      if (v.low === undefined) return `count <=${n(v.high as number)}${u}`;
      if (v.high === undefined) return `count >=${n(v.low)}${u}`;
      return v.low === v.high ? `count ${n(v.low)}${u}` : `count ${n(v.low)}..${n(v.high)}${u}`;
    }
    case 'officerRatio':
      return `officer ${n(v.officers as number)}:${n(v.objects as number)}`;
    case 'tiered':
      return (v.tiers ?? []).map((t) => `[${t.scope}] ${ratioNotation(t.value)}`).join(' ; ');
    default:
      return 'prose';
  }
}

/**
 * A frequency in the corpus notation, times per year: `=1/y`, `>=1/y`, `<=2/y`, `1..2/y`, `<=2/validity`,
 * `irregular`, `asNeeded`, `prose`, tiers as `[市局] =1/y ; [县局] =4/y`.
 */
export function frequencyNotation(v: FrequencyValue): string {
  if (v.kind === 'tiered')
    return (v.tiers ?? []).map((t) => `[${t.scope}] ${frequencyNotation(t.value)}`).join(' ; ');
  if (v.kind === 'irregular' || v.kind === 'asNeeded' || v.kind === 'prose') return v.kind;
  const per = v.validity ? '/validity' : '/y';
  const low = v.validity ? v.validity.low : v.perYearLow;
  const high = v.validity ? v.validity.high : v.perYearHigh;
  const n = shortNumber;
  if (v.kind === 'atLeast') return `>=${n(low as number)}${per}`;
  if (v.kind === 'atMost') return `<=${n(high as number)}${per}`;
  if (v.kind === 'range') return `${n(low as number)}..${n(high as number)}${per}`;
  return `=${n(low as number)}${per}`;
}
