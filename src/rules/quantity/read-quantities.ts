import { roundNoise } from '../../core/normalise';
import { itemAt } from '../../core/item-at';
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
  /** The words of its clause name the column: 比例 (a ratio), 频次 / 次数 (a frequency). */
  label?: 'ratio' | 'frequency';
  /** A ratio with its own period (每季度抽查5%, 8%/年): how many such periods make a year. */
  period?: number;
  /** Part of the value before it (其中重点检查单位不低于8%), not a tier of its own. */
  partOf: boolean;
  /** Written in brackets right after another quantity: 10%(20户). */
  inBrackets: boolean;
  /** The shape fixes nothing a reader can rely on (不低于5%-10%, 5%-10%-20%). */
  conflict: boolean;
  /** A count that bounds a condition (学校数10所及以下的市), not a value: it is the next quantity's scope. */
  threshold?: boolean;
  /** Offsets of the text that belongs to this quantity: its scope words, bounds, number and suffixes. */
  start: number;
  /** Offset of its number. */
  at: number;
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

/** Punctuation and spaces, dropped from scope words. */
export const PUNCTUATION = /[\s,;。、.:()[\]{}【】〔〕「」"“”'‘’\-~/]/g;
// A list marker at the start of a scope: (一), (1), 一、, 1.
export const LIST_MARKER = /^[(（]?[一二三四五六七八九十\d]+[)）、.]/;
// The column's label inside a scope (市级抽查市级储备粮比例, 中职学校的抽查比例为): the scope ends before it.
const LABEL_WORD = /比例|比率|频次|频率|次数/;
const LABEL_VERB = /(?:现场|监督|执法)?(?:抽查|检查|抽检|抽取|抽样)/;
// A clause that opens with these defers to a basis; it names no scope (根据企业信用分类结果, 守信5%).
const OPENS_PROSE = /^(?:根据|根據|按照|依据|依據|结合|參照|参照|视|可|如)/;
const LEADING = /^(?:对于|对|在|于|由|按|其中|除|各|且|并|同时|而)+/;
const TRAILING = /(?:和|及|或|等|之和)+$/;
// Verbs trailing a scope read after a period (每季度各抽查1次 has none).
const TRAILING_VERB = /(?:开展|进行|实施|组织)?(?:随机|现场|监督)?(?:抽查|检查|抽检|巡查)$/;

/**
 * The scope words in text before a quantity: the last clause that says something, list markers and punctuation
 * dropped, cut before the column's label (市级抽查市级储备粮比例 → 市级; 抽查比例为定点医疗机构 → 定点医疗机构),
 * particles at the ends dropped; '' when nothing is left.
 */
function cleanScope(raw: string, afterPeriod: boolean): string {
  // The last sentence; its clauses that say something about the scope (根据企业信用分类结果, 守信 → 守信).
  const sentence = raw.split(/[;。]/).pop() ?? '';
  let s = sentence
    .split(',')
    .map((c) => c.replace(/^[\s、.:]+/, '').replace(LIST_MARKER, ''))
    .filter((c) => !OPENS_PROSE.test(c))
    .join('');
  const label = LABEL_WORD.exec(s);
  if (label) {
    const verb = LABEL_VERB.exec(s);
    const cut = verb && verb.index < label.index ? verb.index : label.index;
    const before = s.slice(0, cut).replace(PUNCTUATION, '').replace(/的$/, '');
    s = before !== '' ? before : s.slice(label.index + label[0].length).replace(/^(?:为|是|:)/, '');
  }
  s = s.replace(PUNCTUATION, '').replace(LEADING, '').replace(TRAILING, '');
  if (afterPeriod) s = s.replace(TRAILING_VERB, '').replace(TRAILING, '');
  return s;
}

/** Token types that end the scope words before a number. */
const FUNCTIONAL = new Set(['cmp', 'bound', 'hedge', 'every', 'per', 'validity', 'pctWord', 'num', 'period']);
// Functional tokens that only name a period: scope words may follow them (每年对三级医疗机构…).
const PERIOD_WORDS = new Set(['every', 'per', 'period', 'num']);
// Words that defer a schedule to a plan or a basis: 每年按照年度检查计划开展 is not once a year.
const DEFERS = /按照|根据|依据|计划|部署|安排|结合|视/;
// What a count of times is about when it is no inspection: 受到1次(含)以上处罚.
const NOT_INSPECTIONS =
  /^[\s()（）含及或以上下内]*(?:(?:行政)?(?:处罚|违法|违规|投诉|举报|事故)|(?:核查|检查|抽查|巡查)?后)/;

// What ends the words that trail a quantity: the next clause, or a word that starts another part.
const STOPS_TRAILING = new Set([
  'slash',
  'num',
  'irregular',
  'every',
  'per',
  'validity',
  'cmp',
  'bound',
  'hedge',
  'pctWord',
  'full',
]);

const isPeriod = (t: Token | undefined): boolean => !!t && (t.type === 'period' || t.type === 'per');

/** Periods per year of `每年`, `每2年`, `/季度` … starting at token k (the word after 每 or /), or undefined. */
function periodAt(toks: Token[], k: number): { perYear: number; last: number } | undefined {
  const a = toks[k];
  const b = toks[k + 1];
  if (a && isPeriod(a)) return { perYear: a.perYear as number, last: k };
  if (a?.type === 'num' && b && isPeriod(b) && (a.value as number) > 0)
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
  const t = itemAt(toks, i);
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
  const pctAfter = toks[j];
  if (!pct && pctAfter?.type === 'pct') {
    pct = pctAfter.unit;
    j++;
  }
  const rangeTo = toks[j + 1];
  const pctRangeTo = toks[j + 2];
  if (toks[j]?.type === 'range' && rangeTo?.type === 'num') {
    high = rangeTo.value as number;
    ranged = true;
    j += 2;
    const pctTo = toks[j];
    if (pctTo?.type === 'pct') {
      pct = pct ?? pctTo.unit;
      j++;
    }
  } else if (pct && toks[j]?.type === 'range' && rangeTo?.type === 'pctWord' && pctRangeTo?.type === 'num') {
    high = pctRangeTo.value as number; // 百分之五至百分之十
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
  const objects = toks[j + 1];
  if (next?.type === 'colon' && objects?.type === 'num' && !ranged)
    return read('officer', j + 2, { officers: low, objects: objects.value as number });
  if (next?.type === 'times' || next?.type === 'count') {
    const unit = next.type === 'times' ? 'times' : 'count';
    const more = unit === 'count' ? { countUnit: text.slice(next.start, next.end) } : {};
    j++;
    // 1次-2次, 60家-70家
    const to = toks[j + 1];
    if (!ranged && toks[j]?.type === 'range' && to?.type === 'num' && toks[j + 2]?.type === next.type) {
      high = to.value as number;
      ranged = true;
      j += 3;
    }
    return read(unit, j, more);
  }
  if (next && isPeriod(next)) {
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
  if (next?.type === 'sep' && (i === 0 || prev?.type === 'sep') && /[、.]/.test(text.charAt(next.start)))
    return skip(j + 1); // 1、 1.
  // A number standing alone (=1, 2-5, 0.05) is a value; one followed by other words (500万元) is not.
  const alone = !next || (next.type !== 'word' && next.type !== 'latin' && next.type !== 'junk');
  return alone ? read('bare', j) : skip(j);
}

// The head noun after a list's last item (嚴重失信企業, D类煤矿的现场执法检查): not part of the item.
const LIST_TAIL = /类|類|企业|企業|单位|單位|机构|機構|的/;

/**
 * 对守信、警示、失信、严重失信企业分别按1%、10%、50%和80%比例抽取: the listed scopes go to the quantities that
 * follow 分别 in order, and a bound before them (分别不超过2次、4次…) to each.
 */
function distribute(text: string, quantities: Quantity[]): void {
  for (let q = 0; q < quantities.length; q++) {
    const first = itemAt(quantities, q);
    const own = text.slice(first.start, first.at);
    const at = own.search(/分别|分別/);
    if (at < 0) continue;
    const head =
      own
        .slice(0, at)
        .split(/[,:;。]/)
        .pop() ?? '';
    const by = head.search(/对|對/);
    const items = (by >= 0 ? head.slice(by + 1) : head).split('、').map((x) => x.replace(PUNCTUATION, ''));
    const lastItem = items[items.length - 1];
    if (items.length < 2 || lastItem === undefined) continue;
    const lastTail = lastItem.search(LIST_TAIL);
    if (lastTail > 0) items[items.length - 1] = lastItem.slice(0, lastTail);
    const group = quantities.slice(q, q + items.length);
    if (group.length < items.length || group.some((g) => g.unit !== first.unit)) continue;
    group.forEach((g, k) => {
      g.scope = itemAt(items, k);
      if (g.bound === 'exact' && first.bound !== 'range') g.bound = first.bound;
    });
    q += items.length - 1;
  }
}

// A condition on a count of objects: 学校数10所及以下的市, 企业数量超过100家的县 (the noun counted, then what it is
// counted for).
const COUNTED = /数量?$/;
const FOR_WHOM = /的[\u4e00-\u9fff]{1,8}$/;
// Where a condition's words start in run-on text: after the column's label or the verb that draws the sample.
const CONDITION_START = /比例|比率|抽取|抽查|检查|确定|[,;。]/g;

/**
 * Counts that state a condition (营利性民办学校数10所及以下的市,原则上按不少于2所…): each is no value but the scope of
 * the quantity after it, in the same sentence, that has none of its own.
 */
function conditions(text: string, quantities: Quantity[]): void {
  for (let k = 0; k + 1 < quantities.length; k++) {
    const q = itemAt(quantities, k);
    const next = itemAt(quantities, k + 1);
    // The words after the count: its own (…10所的市,), or the next quantity's when no comma parts them (…10家
    // 的县不少于2家).
    const whom = next.scope.startsWith('的') ? next.scope : '';
    if (q.unit !== 'count' || q.bound === 'range' || (next.scope !== '' && whom === '')) continue;
    const before = text
      .slice(q.start, q.at)
      .replace(/(?:超过|不超过|不少于|少于|多于|大于|小于|低于|高于)$/, '');
    if (!COUNTED.test(before) || !(whom !== '' || FOR_WHOM.test(text.slice(q.at, q.end)))) continue;
    if (/[;。]/.test(text.slice(q.end, next.at))) continue;
    let from = 0;
    CONDITION_START.lastIndex = 0;
    for (let m = CONDITION_START.exec(before); m; m = CONDITION_START.exec(before))
      from = m.index + m[0].length;
    const scope = text.slice(q.start + from, q.end).replace(PUNCTUATION, '') + whom;
    if (scope === '') continue;
    q.threshold = true;
    next.scope = scope;
  }
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
  // Tokens blanked out of scope words: skipped numbers with their units, and periods (每季度).
  const blank: boolean[] = new Array(n).fill(false);
  const clauseOf: number[] = [];
  const clauseCounts: boolean[] = [];
  let clause = 0;
  for (const tk of toks) {
    clauseOf.push(clause);
    if (tk.type === 'times' || tk.type === 'every') clauseCounts[clause] = true;
    if (tk.type === 'sep') clause++;
  }
  const tok = (k: number): Token => itemAt(toks, k);
  const clauseAt = (k: number): number => itemAt(clauseOf, k);
  const quantities: Quantity[] = [];
  // A period written before the count it belongs to (2年1次, 每2年): token index and periods per year.
  let pending: { at: number; perYear: number } | undefined;
  // Where the next quantity's own words start (after the previous one, or at its clause's start), and where its
  // scope words may start (after the previous quantity, across clauses that hold none).
  let regionStart = 0;
  let scopeStart = 0;

  /**
   * The scope of the number at token i from the words after token `from`: the words before the first functional
   * token (bound, hedge, period …), or, when that is a period alone, the words after it (每年对三级医疗机构…).
   */
  const scopeBefore = (from: number, i: number, own: number): string => {
    const functional = (k: number) => {
      const p = tok(k);
      if (k < own || used[k] || !FUNCTIONAL.has(p.type)) return false;
      // A period word is one after 每 or a number (每年, 2年); 日供水, 节日 are words.
      return p.type !== 'period' || toks[k - 1]?.type === 'every' || toks[k - 1]?.type === 'num';
    };
    const runs: string[] = [];
    let run = '';
    let periodsOnly = true;
    for (let k = from; k < i; k++) {
      if (blank[k]) continue;
      if (functional(k)) {
        if (runs.length === 0 || run !== '') {
          runs.push(run);
          if (runs.length === 2) break;
        }
        run = '';
        if (!PERIOD_WORDS.has(tok(k).type)) {
          periodsOnly = false;
          break;
        }
        continue;
      }
      const word = tok(k);
      run += text.slice(word.start, word.end);
    }
    if (runs.length < 2 && run !== '') runs.push(run);
    const first = cleanScope(runs[0] ?? '', false);
    const afterPeriod = runs[1] ?? '';
    const second = runs.length > 1 && (periodsOnly || runs.length === 2) ? cleanScope(afterPeriod, true) : '';
    // 全区每季度对重点监管对象…: the object after the period is the scope, not the area before it.
    if (second !== '' && (first === '' || /^(?:对于|对|對)/.test(afterPeriod))) return second;
    return first;
  };

  let i = 0;
  while (i < n) {
    const t = tok(i);
    // 不定期 on its own is a frequency: text after it is the next part's (不定期 5%). Before a count it names a
    // way of checking (不定期抽查每年不少于1次).
    const stop = t.type === 'irregular' && !clauseCounts[clauseAt(i)];
    if (t.type === 'sep' || stop || (t.type === 'slash' && !used[i])) {
      regionStart = i + 1;
      // Scope words may come from earlier clauses of the sentence, never from an earlier sentence.
      if (stop || t.type === 'slash' || /[;。]/.test(text.charAt(t.start))) scopeStart = i + 1;
      pending = undefined;
      i++;
      continue;
    }
    if (t.type !== 'num' || used[i]) {
      i++;
      continue;
    }
    const r = readNumber(toks, i, text);
    const timesAbout = r.unit === 'times' && NOT_INSPECTIONS.test(text.slice(tok(r.next - 1).end));
    if (r.unit === 'skip' || r.unit === 'label' || r.unit === 'period' || timesAbout) {
      const from = r.from ?? i;
      for (let k = from; k < r.next; k++) {
        used[k] = true;
        if (r.unit === 'skip' && !timesAbout) blank[k] = true;
      }
      if (r.unit === 'skip' || timesAbout) notValue[i] = true;
      if (r.unit === 'period') pending = { at: i, perYear: r.perYear as number };
      i = r.next;
      continue;
    }
    let j = r.next;
    let conflict = r.conflict;
    // Suffixes: 以上 / 以下 / 左右, a period (/年, /2年, 每年), 全覆盖, the closing bracket of (20户).
    const suffix = toks[j];
    let after = suffix?.type === 'after' ? suffix.bound : undefined;
    if (after) j++;
    let perYear: number | undefined;
    let period: number | undefined;
    // A ratio's own period (8%/年) is part of it; 5% 每季度 names the frequency.
    if (toks[j]?.type === 'slash' || (toks[j]?.type === 'every' && r.unit !== 'ratio')) {
      const p = periodAt(toks, j + 1);
      if (p) {
        perYear = p.perYear;
        period = p.perYear;
        j = p.last + 1;
      }
    }
    const lateSuffix = toks[j];
    if (!after && lateSuffix?.type === 'after') {
      after = lateSuffix.bound;
      j++;
    }
    if (r.unit === 'ratio' && toks[j]?.type === 'full') j++;
    const inBrackets = toks[i - 1]?.type === 'open' && toks[j]?.type === 'close';

    // The words before the number: bounds and hedges in its own clause; periods, a validity, scope words.
    let bound: QuantityBound = r.ranged ? 'range' : 'exact';
    let hedged = after === 'hedge';
    let validity = false;
    const cmpAt = toks[i - 1]?.type === 'pctWord' ? i - 2 : i - 1;
    for (let k = scopeStart; k < i; k++) {
      const p = tok(k);
      if (used[k]) {
        // A bound before a number that is no value is that number's (超过500万元的企业10%).
        if (p.type === 'num' && notValue[k] && k >= regionStart) bound = r.ranged ? 'range' : 'exact';
        continue;
      }
      if (k < regionStart) continue;
      if (p.type === 'validity') validity = true;
      else if (p.type === 'hedge') hedged = true;
      else if (p.type === 'per') perYear = perYear ?? p.perYear;
      else if (p.type === 'every') perYear = perYear ?? periodAt(toks, k + 1)?.perYear;
      else if (p.type === 'bound' || (p.type === 'cmp' && k === cmpAt)) {
        if (p.bound === 'exact') continue;
        if (r.ranged) conflict = true;
        else bound = p.bound as QuantityBound;
      }
    }
    if (pending && pending.at >= regionStart) perYear = perYear ?? pending.perYear;
    if (r.unit === 'ratio' || r.unit === 'officer') period = perYear;
    if (after === 'atLeast' || after === 'atMost') {
      if (r.ranged) conflict = true;
      else bound = after;
    }
    const own = text.slice(tok(regionStart < i ? regionStart : i).start, t.start);
    if (inBrackets) j++;
    const q: Quantity = {
      unit: r.unit,
      bound,
      low: r.low,
      high: r.high,
      perYear: perYear ?? 1,
      validity,
      hedged,
      scope: inBrackets ? '' : scopeBefore(scopeStart, i, regionStart),
      partOf: /其中/.test(own),
      inBrackets,
      conflict,
      start: tok(scopeStart < i ? scopeStart : inBrackets ? i - 1 : i).start,
      at: t.start,
      end: tok(j - 1).end,
      clause: clauseAt(i),
    };
    if (/比例|比率/.test(own)) q.label = 'ratio';
    else if (/频次|频率|次数/.test(own)) q.label = 'frequency';
    if (period !== undefined) q.period = period;
    if (r.countUnit) q.countUnit = r.countUnit;
    if (r.officers !== undefined) {
      q.officers = r.officers;
      q.objects = r.objects;
    }
    // Words after the number up to the end of its clause are its own (至少开展1次抽查,), unless they lead to
    // another quantity (市级3% 县级8%).
    let m = j;
    while (m < n && tok(m).type !== 'sep' && !STOPS_TRAILING.has(tok(m).type)) m++;
    if (m > j && (m === n || tok(m).type === 'sep')) {
      q.end = tok(m - 1).end;
      j = m;
    }
    // 对5%的重点排污单位进行抽查: with no words before it, the subject after the ratio is its scope.
    if (q.scope === '' && q.unit === 'ratio') {
      const after = /^[^的,;。]*?的([^,;。]+?)(?:进行|开展|实施|抽查|检查)/.exec(text.slice(t.end, q.end));
      if (after) q.scope = (after[1] ?? '').replace(PUNCTUATION, '');
    }
    for (let k = scopeStart; k < j; k++) used[k] = true;
    quantities.push(q);
    pending = undefined;
    regionStart = j;
    scopeStart = j;
    i = j;
  }

  const clauseHas: Array<{ ratio: boolean; times: boolean }> = [];
  for (const q of quantities) {
    const c = (clauseHas[q.clause] ??= { ratio: false, times: false });
    if (q.unit === 'ratio') c.ratio = true;
    if (q.unit === 'times') c.times = true;
  }
  // Once per period where a period stands without a count (每季度, 每月, 每2年, 年度 on its own), unless the words
  // defer to a plan (每年按照年度检查计划开展); and 全覆盖 on its own (100%).
  for (let k = 0; k < n; k++) {
    const tk = tok(k);
    const clauseK = clauseAt(k);
    if (used[k]) continue;
    const alone =
      tk.type === 'per' &&
      (k === 0 || tok(k - 1).type === 'sep') &&
      (k + 1 === n || tok(k + 1).type === 'sep');
    const p =
      tk.type === 'every' && !clauseHas[clauseK]?.times
        ? periodAt(toks, k + 1)
        : alone
          ? { perYear: tk.perYear as number, last: k }
          : undefined;
    if (!p && (tk.type !== 'full' || clauseHas[clauseK]?.ratio)) continue;
    let start = k;
    while (
      start > 0 &&
      !used[start - 1] &&
      clauseOf[start - 1] === clauseK &&
      tok(start - 1).type !== 'slash'
    )
      start--;
    let end = p ? p.last : k;
    while (end + 1 < n && !used[end + 1] && clauseOf[end + 1] === clauseK && tok(end + 1).type !== 'slash')
      end++;
    if (p && DEFERS.test(text.slice(tok(start).start, tok(end).end))) continue;
    let hedged = false;
    for (let m = start; m <= end; m++) if (tok(m).type === 'hedge') hedged = true;
    const scope = scopeBefore(start, k, start);
    for (let m = start; m <= end; m++) used[m] = true;
    const value = p ? 1 : 100;
    quantities.push({
      unit: p ? 'times' : 'ratio',
      bound: 'exact',
      low: value,
      high: value,
      perYear: p ? p.perYear : 1,
      validity: false,
      hedged,
      scope,
      partOf: false,
      inBrackets: false,
      conflict: false,
      start: tok(start).start,
      at: tk.start,
      end: tok(end).end,
      clause: clauseK,
    });
    clauseHas[clauseK] = { ratio: !p, times: !!p };
    k = end;
  }
  quantities.sort((a, b) => a.start - b.start);

  distribute(text, quantities);
  conditions(text, quantities);

  // A class letter: A类, or a single capital (A、B、C、D类煤矿; A(较高)).
  const isClassLetter = (k: number) =>
    toks[k + 1]?.type === 'class' || /^[A-Z]$/.test(text.slice(tok(k).start, tok(k).end));
  // Text no quantity covers, cut at separators and slashes (不定期/5%), and garbage anywhere (Latin letters that
  // are not a class letter, symbols).
  let garbage = false;
  const words: WordClause[] = [];
  let segment: WordClause | undefined;
  let q = 0;
  for (const [k, tk] of toks.entries()) {
    const isGarbage = tk.type === 'junk' || (tk.type === 'latin' && !isClassLetter(k));
    if (isGarbage) garbage = true;
    while (q < quantities.length && itemAt(quantities, q).end <= tk.start) q++;
    const covered = q < quantities.length && itemAt(quantities, q).start <= tk.start;
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
