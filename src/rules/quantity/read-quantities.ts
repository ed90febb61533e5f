import { roundNoise } from '../../core/normalise';
import { type Token, tokenize } from './tokenize';

/** How a quantity bounds its value. */
export type QuantityBound = 'exact' | 'atLeast' | 'atMost' | 'range';

/**
 * One quantity found in a cell: a ratio (in percent), inspections (次), a count of objects (家, 户), an
 * officer-to-object ratio (1:8) or a bare number whose unit the column decides.
 */
export interface Quantity {
  unit: 'ratio' | 'times' | 'count' | 'officer' | 'bare';
  bound: QuantityBound;
  low: number;
  high: number;
  /** Inspections: how many of the periods make a year (每季度 4, 每2年 0.5); 1 when no period is written. */
  perYear: number;
  /** Inspections counted over a licence's validity (许可有效期内不超过2次), not per year. */
  validity: boolean;
  /** 家, 户 … of a count. */
  countUnit?: string;
  /** Officers and objects of an officer ratio (1:8). */
  officers?: number;
  objects?: number;
  /** 原则上, 一般, 约, 左右: a hedged value. */
  hedged: boolean;
  /** The level, class or risk the value is for (市级, 重点企业, A类企业), '' when none is written. */
  scope: string;
  /** Written in brackets right after another quantity: 10%(20户). */
  inBrackets: boolean;
  /** The shape fixes nothing a reader can rely on (不低于5%-10%, 5%-10%-20%). */
  conflict: boolean;
  /** Offsets of the text that belongs to this quantity: its scope words, bounds, number and suffixes. */
  start: number;
  end: number;
  /** Index of the clause (text between , ; 。 、) that holds the quantity. */
  clause: number;
}

/** A run of text that no quantity covers (between separators, slashes and quantities). */
export interface WordClause {
  start: number;
  end: number;
  text: string;
  /** Holds Latin letters or symbols that no ratio or frequency has. */
  garbage: boolean;
  /** 不定期. */
  irregular: boolean;
  /** A hedge word (原则上, 一般 …). */
  hedged: boolean;
}

/** Everything read from one cell: its quantities and its clauses without one. */
export interface Reading {
  text: string;
  quantities: Quantity[];
  /** Runs of text no quantity covers. */
  words: WordClause[];
  /** Latin letters or symbols somewhere in the cell that no reading explains. */
  garbage: boolean;
}

// Words around a scope that say nothing about it (labels, verbs, particles), stripped from both ends.
const NOISE = [
  '随机抽查',
  '双随机',
  '抽查对象比例',
  '抽查比例',
  '检查比例',
  '抽检比例',
  '抽取比例',
  '比例',
  '抽查频次',
  '检查频次',
  '频次',
  '频率',
  '次数',
  '周期',
  '执法检查',
  '监督检查',
  '现场检查',
  '抽查',
  '检查',
  '抽检',
  '抽取',
  '抽样',
  '开展',
  '进行',
  '实施',
  '组织',
  '合计',
  '其中',
  '每次',
  '达到',
  '应',
  '按',
  '为',
  '是',
  '的',
  '占',
  '达',
  '对',
  '共',
  '各',
  '且',
  '并',
  '和',
  '及',
  '或',
  '在',
];
const PUNCTUATION = /[\s,;。、.:()[\]{}【】〔〕「」"“”'‘’\-~/]/g;

/** Scope words from the text before a quantity: punctuation and label words dropped, '' when nothing is left. */
function cleanScope(raw: string): string {
  let s = raw.replace(PUNCTUATION, '');
  for (let changed = true; changed && s !== '';) {
    changed = false;
    for (const w of NOISE) {
      if (s.endsWith(w)) {
        s = s.slice(0, s.length - w.length);
        changed = true;
      }
      if (s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
      }
    }
  }
  return s;
}

/** Token types after which the words before a number stop being its scope. */
const FUNCTIONAL = new Set(['cmp', 'bound', 'hedge', 'every', 'per', 'validity', 'pctWord', 'num']);

// What ends the words that trail a quantity: the next clause, or a word that starts another part.
const STOPS_TRAILING = new Set(['slash', 'num', 'irregular', 'every', 'per', 'validity']);

const isPeriod = (t: Token | undefined): boolean => !!t && (t.type === 'period' || t.type === 'per');

/** Periods per year of `每年`, `每2年`, `/季度` … starting at token k (the word after 每 or /), or undefined. */
function periodAt(toks: Token[], k: number): { perYear: number; last: number } | undefined {
  const a = toks[k];
  const b = toks[k + 1];
  if (isPeriod(a)) return { perYear: a.perYear as number, last: k };
  if (a?.type === 'num' && isPeriod(b) && (a.value as number) > 0)
    return { perYear: (b.perYear as number) / (a.value as number), last: k + 1 };
  return undefined;
}

/** Reads a number at token i and its unit; returns how far it reaches, or what to skip when it is no value. */
interface NumberRead {
  /** skip: not a value (a year, a list number); label: a class name (A类, 一级), part of the scope words. */
  unit: Quantity['unit'] | 'skip' | 'label' | 'period';
  low: number;
  high: number;
  ranged: boolean;
  conflict: boolean;
  /** First token after the number and its unit. */
  next: number;
  /** For a skipped number: the first token it covers (an ordinal's 第, a list number's bracket). */
  from?: number;
  countUnit?: string;
  officers?: number;
  objects?: number;
  perYear?: number;
}

function readNumber(toks: Token[], i: number, text: string): NumberRead {
  const prev = toks[i - 1];
  const prev2 = toks[i - 2];
  const t = toks[i];
  let j = i + 1;
  const skip = (next: number, from = i): NumberRead => ({
    unit: 'skip',
    low: 0,
    high: 0,
    ranged: false,
    conflict: false,
    next,
    from,
  });
  if (prev?.type === 'ordinal')
    return skip(isPeriod(toks[j]) || toks[j]?.type === 'class' ? j + 1 : j, i - 1);
  if (prev?.type === 'base' || (prev?.type === 'colon' && prev2?.type === 'base'))
    return skip(toks[j]?.type === 'count' ? j + 1 : j);

  let pct = prev?.type === 'pctWord' ? prev.unit : undefined;
  let low = t.value as number;
  let high = low;
  let ranged = false;
  let conflict = false;
  if (!pct && toks[j]?.type === 'pct') pct = toks[j++].unit;
  if (toks[j]?.type === 'range' && toks[j + 1]?.type === 'num') {
    high = toks[j + 1].value as number;
    ranged = true;
    j += 2;
    if (toks[j]?.type === 'pct') {
      pct = pct ?? toks[j].unit;
      j++;
    }
  } else if (
    pct &&
    toks[j]?.type === 'range' &&
    toks[j + 1]?.type === 'pctWord' &&
    toks[j + 2]?.type === 'num'
  ) {
    high = toks[j + 2].value as number; // 百分之五至百分之十
    ranged = true;
    j += 3;
  }
  if (ranged && toks[j]?.type === 'range' && toks[j + 1]?.type === 'num') conflict = true; // 5%-10%-20%
  if (pct && toks[j]?.type === 'pct') conflict = true; // 5%%
  const read = (unit: NumberRead['unit'], next: number, more: Partial<NumberRead> = {}): NumberRead => ({
    unit,
    low,
    high,
    ranged,
    conflict,
    next,
    ...more,
  });
  if (pct) {
    if (pct === '‰') {
      low = roundNoise(low / 10);
      high = roundNoise(high / 10);
    }
    return read('ratio', j);
  }
  const next = toks[j];
  if (next?.type === 'colon' && toks[j + 1]?.type === 'num' && !ranged)
    return read('officer', j + 2, { officers: low, objects: toks[j + 1].value as number });
  if (next?.type === 'times' || next?.type === 'count') {
    const unit = next.type === 'times' ? 'times' : 'count';
    const more = unit === 'count' ? { countUnit: text.slice(next.start, next.end) } : {};
    j++;
    // 1次-2次, 60家-70家
    if (
      !ranged &&
      toks[j]?.type === 'range' &&
      toks[j + 1]?.type === 'num' &&
      toks[j + 2]?.type === next.type
    ) {
      high = toks[j + 1].value as number;
      ranged = true;
      j += 3;
    }
    return read(unit, j, more);
  }
  if (isPeriod(next)) {
    // 2021年, 4-10月, 30日, 2021-2023年: the calendar, no value. 每2年, 2年1次, 3个月: a period for a count.
    const word = text.slice(next.start, next.end);
    const calendar =
      ranged ||
      low >= 1000 ||
      low <= 0 ||
      (prev?.type !== 'every' && ((next.perYear === 12 && word === '月') || next.perYear === 365));
    if (prev?.type === 'every' && low <= 0) return read('bare', j + 1, { conflict: true }); // 每0年
    if (calendar) return skip(j + 1);
    return read('period', j + 1, { perYear: (next.perYear as number) / low });
  }
  if (next?.type === 'class') return { ...skip(j + 1), unit: 'label' };
  if (prev?.type === 'open' && next?.type === 'close') return skip(j + 1, i - 1); // (3)
  if (next?.type === 'sep' && (i === 0 || prev?.type === 'sep') && /[、.]/.test(text[next.start]))
    return skip(j + 1); // 1、 1.
  // A number standing alone (=1, 2-5, 0.05) is a value; one followed by other words (500万元) is not.
  const alone = !next || (next.type !== 'word' && next.type !== 'latin' && next.type !== 'junk');
  return alone ? read('bare', j) : skip(j);
}

/**
 * Reads the quantities of a ratio, frequency or combined cell: each number with its bound (however far before
 * it: 不低于辖区内企业总数的5%), its unit, its period and the scope words before it. Years (2021年), months and
 * month ranges (4-10月), list numbers ((3), 1、), ordinals (第三季度), class labels (A类, 一级) and base counts
 * (基数:12) are skipped. One pass over the tokens.
 */
export function readQuantities(text: string): Reading {
  const toks = tokenize(text);
  const n = toks.length;
  const used: boolean[] = new Array(n).fill(false);
  // Numbers that are no value (years, list numbers, 500万元): a bound before one is its own.
  const notValue: boolean[] = new Array(n).fill(false);
  const clauseOf: number[] = [];
  for (let k = 0, c = 0; k < n; k++) {
    clauseOf.push(c);
    if (toks[k].type === 'sep') c++;
  }
  const quantities: Quantity[] = [];
  // Spans of skipped numbers (years, list numbers): blanked out of scope words.
  const dropped: Array<[number, number]> = [];
  // A period written before the count it belongs to (2年1次, 每2年): token index and periods per year.
  let pending: { at: number; perYear: number } | undefined;
  // Where the text of the next quantity may start: after the previous one, or at its clause's start.
  let regionStart = 0;

  let i = 0;
  while (i < n) {
    const t = toks[i];
    // 不定期 is a frequency of its own: text after it is the next part's (不定期 5%).
    if (t.type === 'sep' || t.type === 'irregular' || (t.type === 'slash' && !used[i])) {
      regionStart = i + 1;
      pending = undefined;
      i++;
      continue;
    }
    if (t.type !== 'num' || used[i]) {
      i++;
      continue;
    }
    const r = readNumber(toks, i, text);
    if (r.unit === 'skip' || r.unit === 'label' || r.unit === 'period') {
      const from = r.from ?? i;
      for (let k = from; k < r.next; k++) used[k] = true;
      if (r.unit !== 'label') dropped.push([toks[from].start, toks[r.next - 1].end]);
      if (r.unit === 'skip') notValue[i] = true;
      if (r.unit === 'period') pending = { at: i, perYear: r.perYear as number };
      i = r.next;
      continue;
    }
    let j = r.next;
    let conflict = r.conflict;
    // Suffixes: 以上 / 以下 / 左右, a period (/年, /2年, 每年), 全覆盖, the closing bracket of (20户).
    let after = toks[j]?.type === 'after' ? toks[j++].bound : undefined;
    let perYear: number | undefined;
    // A ratio's own period (8%/年) is part of it; 5% 每季度 names the frequency.
    if (toks[j]?.type === 'slash' || (toks[j]?.type === 'every' && r.unit !== 'ratio')) {
      const p = periodAt(toks, j + 1);
      if (p) {
        perYear = p.perYear;
        j = p.last + 1;
      }
    }
    if (!after && toks[j]?.type === 'after') after = toks[j++].bound;
    if (r.unit === 'ratio' && toks[j]?.type === 'full') j++;
    const inBrackets = toks[i - 1]?.type === 'open' && toks[j]?.type === 'close';

    // The text before the number: bounds, hedges, periods, a validity, scope words.
    let bound: QuantityBound = r.ranged ? 'range' : 'exact';
    let hedged = after === 'hedge';
    let validity = false;
    let scopeEnd = i;
    const cmpAt = toks[i - 1]?.type === 'pctWord' ? i - 2 : i - 1;
    for (let k = regionStart; k < i; k++) {
      const p = toks[k];
      if (used[k]) {
        // A bound before a number that is no value is that number's (超过500万元的企业10%).
        if (p.type === 'num' && notValue[k]) {
          bound = r.ranged ? 'range' : 'exact';
          scopeEnd = i;
        }
        continue;
      }
      if (FUNCTIONAL.has(p.type) && scopeEnd === i) scopeEnd = k;
      if (p.type === 'hedge') hedged = true;
      else if (p.type === 'validity') validity = true;
      else if (p.type === 'per') perYear = perYear ?? p.perYear;
      else if (p.type === 'every') perYear = perYear ?? periodAt(toks, k + 1)?.perYear;
      else if (p.type === 'bound' || (p.type === 'cmp' && k === cmpAt)) {
        if (p.bound === 'exact') continue;
        if (r.ranged) conflict = true;
        else bound = p.bound as QuantityBound;
      }
    }
    if (pending && pending.at >= regionStart) perYear = perYear ?? pending.perYear;
    if (after === 'atLeast' || after === 'atMost') {
      if (r.ranged) conflict = true;
      else bound = after;
    }
    const start = regionStart < i ? toks[regionStart].start : toks[inBrackets ? i - 1 : i].start;
    let scopeRaw = text.slice(start, toks[scopeEnd].start);
    for (const [a, b] of dropped)
      if (a >= start && b <= start + scopeRaw.length)
        scopeRaw = scopeRaw.slice(0, a - start) + ' '.repeat(b - a) + scopeRaw.slice(b - start);
    if (inBrackets) j++;
    const q: Quantity = {
      unit: r.unit,
      bound,
      low: r.low,
      high: r.high,
      perYear: perYear ?? 1,
      validity,
      hedged,
      scope: inBrackets ? '' : cleanScope(scopeRaw),
      inBrackets,
      conflict,
      start,
      end: toks[j - 1].end,
      clause: clauseOf[i],
    };
    if (r.countUnit) q.countUnit = r.countUnit;
    if (r.officers !== undefined) {
      q.officers = r.officers;
      q.objects = r.objects;
    }
    for (let k = regionStart; k < j; k++) used[k] = true;
    quantities.push(q);
    pending = undefined;
    regionStart = j;
    i = j;
  }

  const clauseHas: Array<{ ratio: boolean; times: boolean }> = [];
  for (const q of quantities) {
    const c = (clauseHas[q.clause] ??= { ratio: false, times: false });
    if (q.unit === 'ratio') c.ratio = true;
    if (q.unit === 'times') c.times = true;
  }
  // Once per period where a period stands without a count (每季度, 每月, 每2年), and 全覆盖 on its own (100%).
  for (let k = 0; k < n; k++) {
    const tk = toks[k];
    if (used[k]) continue;
    const p = tk.type === 'every' && !clauseHas[clauseOf[k]]?.times ? periodAt(toks, k + 1) : undefined;
    if (!p && (tk.type !== 'full' || clauseHas[clauseOf[k]]?.ratio)) continue;
    let start = k;
    while (
      start > 0 &&
      !used[start - 1] &&
      clauseOf[start - 1] === clauseOf[k] &&
      toks[start - 1].type !== 'slash'
    )
      start--;
    let end = p ? p.last : k;
    while (
      end + 1 < n &&
      !used[end + 1] &&
      clauseOf[end + 1] === clauseOf[k] &&
      toks[end + 1].type !== 'slash'
    )
      end++;
    let hedged = false;
    for (let m = start; m <= end; m++) {
      used[m] = true;
      if (toks[m].type === 'hedge') hedged = true;
    }
    const value = p ? 1 : 100;
    quantities.push({
      unit: p ? 'times' : 'ratio',
      bound: 'exact',
      low: value,
      high: value,
      perYear: p ? p.perYear : 1,
      validity: false,
      hedged,
      scope: cleanScope(text.slice(toks[start].start, tk.start)),
      inBrackets: false,
      conflict: false,
      start: toks[start].start,
      end: toks[end].end,
      clause: clauseOf[k],
    });
    clauseHas[clauseOf[k]] = { ratio: !p, times: !!p };
    k = end;
  }
  quantities.sort((a, b) => a.start - b.start);

  // Words after the last quantity of a clause belong to it (100%全覆盖, 每年1次(4-10月)).
  for (let q = 0, k = 0; q < quantities.length; q++) {
    const cur = quantities[q];
    const limit = q + 1 < quantities.length ? quantities[q + 1].start : Infinity;
    while (k < n && toks[k].start < cur.end) k++;
    while (
      k < n &&
      clauseOf[k] === cur.clause &&
      toks[k].start < limit &&
      !STOPS_TRAILING.has(toks[k].type)
    ) {
      if (toks[k].type !== 'sep') cur.end = toks[k].end;
      k++;
    }
  }

  // Text no quantity covers, cut at separators and slashes (不定期/5%), and garbage anywhere (Latin letters that
  // are not a class letter, symbols).
  let garbage = false;
  const words: WordClause[] = [];
  let segment: WordClause | undefined;
  for (let k = 0, q = 0; k < n; k++) {
    const tk = toks[k];
    const isGarbage = tk.type === 'junk' || (tk.type === 'latin' && toks[k + 1]?.type !== 'class');
    if (isGarbage) garbage = true;
    while (q < quantities.length && quantities[q].end <= tk.start) q++;
    const covered = q < quantities.length && quantities[q].start <= tk.start;
    if (covered || tk.type === 'sep' || tk.type === 'slash') {
      segment = undefined;
      continue;
    }
    if (!segment) {
      segment = { start: tk.start, end: tk.end, text: '', garbage: false, irregular: false, hedged: false };
      words.push(segment);
    }
    segment.end = tk.end;
    segment.text = text.slice(segment.start, segment.end);
    if (isGarbage) segment.garbage = true;
    if (tk.type === 'irregular') segment.irregular = true;
    if (tk.type === 'hedge') segment.hedged = true;
  }
  return { text, quantities, words, garbage };
}
