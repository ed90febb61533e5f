import { normaliseText } from '../../core/normalise';
import { parseFrequencyText } from '../frequency/frequency.rule';
import { parseRatioText } from '../ratio/ratio.rule';

/** The parts of a combined 抽查比例及频次 cell; a part is absent when the cell does not hold it. */
export interface RatioFrequencyParts {
  ratio?: string;
  frequency?: string;
  /** Text that is neither, or that could be either (a bare number, prose) when both slots are taken or empty. */
  rest?: string;
}

type Part = 'ratio' | 'frequency' | 'either';

// A number with no unit (5, 0.05, 2-5, =1, >=1): a ratio without % or the platform's times per year.
const BARE_NUMBER = /^(?:[=<>≥≤≧≦]|>=|<=)? ?\d+(?:\.\d+)?(?:[-~至到—–]\d+(?:\.\d+)?)?$/;

/** What a piece of text is: a ratio, a frequency, either (bare number, prose), or nothing (undefined). */
function classify(text: string): Part | undefined {
  if (BARE_NUMBER.test(normaliseText(text))) return 'either';
  const ratio = parseRatioText(text);
  const frequency = parseFrequencyText(text);
  const vague = (ids: string[]) => ids.some((id) => id === 'prose' || id === 'as-needed');
  if (ratio.ok && !vague(ratio.findings.map((f) => f.id))) return 'ratio';
  if (frequency.ok && !vague(frequency.findings.map((f) => f.id))) return 'frequency';
  if (ratio.ok || frequency.ok) return 'either';
  return undefined;
}

/**
 * Pieces of one segment: its words when they are a ratio and a frequency (不定期 5%, which would also read as a
 * ratio with a prefix); else the segment itself when it reads as a whole; else its words; else a split on `/`
 * when a ratio and a frequency (or a bare number) stand on its two sides: 1次/年 holds a slash that is not one.
 */
function pieces(segment: string): string[] {
  const words = segment.split(' ');
  const kinds = words.map(classify);
  if (words.length > 1 && kinds.every(Boolean) && kinds.includes('ratio') && kinds.includes('frequency'))
    return words;
  if (classify(segment)) return [segment];
  if (words.length > 1) return words.flatMap(pieces);
  for (let i = segment.indexOf('/'); i >= 0; i = segment.indexOf('/', i + 1)) {
    const sides = [segment.slice(0, i), segment.slice(i + 1)];
    const [a, b] = sides.map(classify);
    if (a && b && a !== b) return sides; // ratio|frequency, or one of them beside a bare number (5%/=1)
  }
  return [segment];
}

/**
 * Splits a combined 抽查比例及频次 cell (25%,不少于1次/年 · 3%;2次/年 · 1次/年 100% · 不低于5%/每年1次) into its
 * ratio and frequency texts. Separators: , ; 、 spaces, and `/` only between a ratio and a frequency. A piece that
 * could be either (a bare number such as =1, prose) fills whichever slot is still empty. Never throws.
 */
export function splitRatioFrequency(text: string): RatioFrequencyParts {
  const all = normaliseText(String(text ?? ''))
    .split(/[,;、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .flatMap(pieces)
    .filter((s) => !/^[/\-~:.]*$/.test(s)); // a lone separator such as the / in "5% / 每年1次"
  const found: Record<'ratio' | 'frequency' | 'rest', string[]> = { ratio: [], frequency: [], rest: [] };
  const either: string[] = [];
  for (const piece of all) {
    const kind = classify(piece);
    if (kind === 'either') either.push(piece);
    else found[kind ?? 'rest'].push(piece);
  }
  for (const piece of either) {
    if (found.ratio.length && !found.frequency.length) found.frequency.push(piece);
    else if (found.frequency.length && !found.ratio.length) found.ratio.push(piece);
    else found.rest.push(piece);
  }
  const parts: RatioFrequencyParts = {};
  if (found.ratio.length) parts.ratio = found.ratio.join(',');
  if (found.frequency.length) parts.frequency = found.frequency.join(',');
  if (found.rest.length) parts.rest = found.rest.join(' ');
  return parts;
}
