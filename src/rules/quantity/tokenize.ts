import { parseChineseNumber } from '../../core/normalise';

/** What a piece of a ratio or frequency cell is, as the grammar sees it. */
export type TokenType =
  /** A number (Arabic digits, or Chinese numerals where a unit follows): `value`. */
  | 'num'
  /** % or ‰ after a number: `unit`. */
  | 'pct'
  /** 百分之 / 千分之 before a number: `unit`. */
  | 'pctWord'
  /** - ~ 至 到 between two numbers. */
  | 'range'
  /** >= ≥ > (atLeast), <= ≤ < (atMost), = (exact) right before a number: `bound`. */
  | 'cmp'
  /** 不低于, 至少, 不超过 … anywhere before a number: `bound`. */
  | 'bound'
  /** 以上, 以下, 以内, 左右 after a number: `bound` ('hedge' for 左右). */
  | 'after'
  /** 原则上, 一般 (before a bound or a number), 约, 力争: the value is hedged. */
  | 'hedge'
  /** 每. */
  | 'every'
  /** 全年, 年均, 月均: per year / per month before a count: `perYear`. */
  | 'per'
  /** 年, 年度, 半年, 季度, 个月, 周, 日 …: `perYear` (how many such periods make a year). */
  | 'period'
  /** 有效期内, 换证周期: counted over a licence's validity. */
  | 'validity'
  /** 次, 轮: inspections. */
  | 'times'
  /** 家, 户, 家次, 批次 …: a number of objects: `unit`. */
  | 'count'
  /** 类, 级, 档: the number or letter before it names a class, not a quantity. */
  | 'class'
  /** 全覆盖: 100%. */
  | 'full'
  /** 基数, 总数, 共: a base count follows. */
  | 'base'
  /** 第: an ordinal follows. */
  | 'ordinal'
  /** 不定期. */
  | 'irregular'
  /** , ; 。 、 line breaks and a full stop: clause boundaries. */
  | 'sep'
  | 'slash'
  | 'colon'
  | 'open'
  | 'close'
  /** Latin letters: a class letter before 类/级, else not part of a ratio or frequency. */
  | 'latin'
  /** Symbols no ratio or frequency holds (# @ ? * …). */
  | 'junk'
  /** Any other run of text (Chinese words). */
  | 'word';

/** One token: its type, where it is in the text (end exclusive) and its payload. */
export interface Token {
  type: TokenType;
  start: number;
  end: number;
  value?: number;
  unit?: string;
  bound?: 'atLeast' | 'atMost' | 'exact' | 'hedge';
  perYear?: number;
}

type Payload = Omit<Token, 'start' | 'end'>;

// Keywords, matched longest first at each position. Traditional characters are folded before matching.
const KEYWORDS: Array<[string, Payload]> = [
  ...words(
    '不低于 不少于 不小于 不得低于 不得少于 不应低于 不应少于 不能低于 不能少于 不宜低于 不宜少于 大于等于 大于或等于 至少 最少 最低 高于 超过 多于 大于',
    { type: 'bound', bound: 'atLeast' },
  ),
  ...words(
    '不超过 不高于 不大于 不多于 不得超过 不得高于 不得多于 不应超过 不应高于 不宜超过 不宜高于 小于等于 小于或等于 至多 最多 最高 低于 少于 小于',
    { type: 'bound', bound: 'atMost' },
  ),
  ...words('以上 及以上 或以上', { type: 'after', bound: 'atLeast' }),
  ...words('以下 及以下 或以下 以内 之内', { type: 'after', bound: 'atMost' }),
  ['左右', { type: 'after', bound: 'hedge' }],
  ...words('原则上 原则 一般情况下 一般 通常 大约 约 力争 争取', { type: 'hedge' }),
  ['每', { type: 'every' }],
  ...words('全年 全年度 年均 每年度 年平均 平均每年 年度', { type: 'per', perYear: 1 }),
  ['月均', { type: 'per', perYear: 12 }],
  ['季均', { type: 'per', perYear: 4 }],
  ['年', { type: 'period', perYear: 1 }],
  ['半年', { type: 'period', perYear: 2 }],
  ...words('季度 季 个季度', { type: 'period', perYear: 4 }),
  ...words('月 个月', { type: 'period', perYear: 12 }),
  ['旬', { type: 'period', perYear: 36 }],
  ...words('周 星期 个星期', { type: 'period', perYear: 52 }),
  ...words('日 天', { type: 'period', perYear: 365 }),
  ...words('有效期内 有效期 许可期内 许可期 换证周期 发证周期 证书周期 许可周期', { type: 'validity' }),
  ...words('次 轮', { type: 'times' }),
  ...words('家次 户次 家 户 批次 批 件 所 处 座 辆 个', { type: 'count' }),
  ...words('类 级 档 星级 等级', { type: 'class' }),
  ...words('全覆盖 全部覆盖 全面覆盖', { type: 'full' }),
  ...words('基数 总数 共有 共计 合计共', { type: 'base' }),
  ['第', { type: 'ordinal' }],
  ['不定期', { type: 'irregular' }],
  ['百分之', { type: 'pctWord', unit: '%' }],
  ['千分之', { type: 'pctWord', unit: '‰' }],
  // Words that hold a keyword but are not one: 频次 is a label, 每次 is per occasion, 首次 the first time.
  ...words(
    '频次 次数 每次 首次 多次 本次 此次 该次 其次 依次 层次 次年 年检 年报 年审 年限 年份 工作日 个体 季节 月份 日常 周期 周边 当日 当天 ' +
      '上一年度 上年度 下一年度 下年度 本年度 当年度 上一年 上年 下年 本年 当年 最近一次 上一次 前一次 一次性',
    { type: 'word' },
  ),
];

function words(list: string, payload: Payload): Array<[string, Payload]> {
  return list.split(' ').map((w) => [w, payload]);
}

// Keywords by first character, longest first.
const BY_FIRST = new Map<string, Array<[string, Payload]>>();
for (const entry of KEYWORDS) {
  const first = entry[0].charAt(0);
  const list = BY_FIRST.get(first) ?? [];
  list.push(entry);
  BY_FIRST.set(first, list);
}
BY_FIRST.forEach((list) => list.sort((a, b) => b[0].length - a[0].length));

// Traditional characters of the keywords, folded one for one (offsets stay those of the text).
const TRADITIONAL: Record<string, string> = {
  於: '于',
  過: '过',
  內: '内',
  為: '为',
  兩: '两',
  個: '个',
  許: '许',
  證: '证',
  戶: '户',
  級: '级',
  類: '类',
  數: '数',
  總: '总',
  計: '计',
  應: '应',
  輪: '轮',
  準: '准',
  檔: '档',
  週: '周',
  覆: '覆',
  蓋: '盖',
  換: '换',
  發: '发',
  費: '费',
  與: '与',
  範: '范',
  圍: '围',
  據: '据',
  實: '实',
  際: '际',
  況: '况',
  確: '确',
  規: '规',
  劃: '划',
  訂: '订',
  結: '结',
  開: '开',
  達: '达',
  須: '须',
  需: '需',
};

const CN_NUMERAL = '零〇一二两三四五六七八九十百千';
// What may follow a Chinese numeral for it to be a number (一般, 一并, 统一 stay words).
const NUMERAL_FOLLOW = '次年个季月半周星旬日天家户批件所处座辆轮类级档%‰-~至到比:倍成';
// A hedge word is one only before a bound, a number or a period (一般企业 is a class of enterprise).
const HEDGE_FOLLOW = /^[\s,]*(?:[不至最每为按应在以>=<≥≤全年季月半原情况下]|\d|[零〇一二两三四五六七八九十])/;

function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    out += TRADITIONAL[ch] ?? ch;
  }
  return out;
}

const SEPARATORS = ',;。、\n.！!？';
const OPEN = '([{【〔「';
const CLOSE = ')]}】〕」';
const RANGES = '-~—–－～−';
const JUNK = '#@$^&*_|\\`?+';

/** An ASCII digit; false past the end of the text. */
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * Splits normalised cell text (half-width, see `normaliseText`) into tokens in one pass. Numbers come out as
 * numbers (Chinese numerals only where a unit follows, so 一般 and 一并 stay words); keywords (bounds, periods,
 * units, hedges) are recognised in simplified and traditional characters; everything else is a word.
 */
export function tokenize(text: string): Token[] {
  const key = fold(text);
  const out: Token[] = [];
  const n = key.length;
  let forceNumeral = false;
  let i = 0;
  const push = (type: TokenType, start: number, end: number, payload: Payload = { type }) => {
    const last = out[out.length - 1];
    if (type === 'word' && last && last.type === 'word' && last.end === start) last.end = end;
    else out.push({ ...payload, type, start, end });
  };
  while (i < n) {
    const ch = key.charAt(i);
    if (ch === ' ' || ch === '"' || ch === '“' || ch === '”' || ch === "'" || ch === '‘' || ch === '’') {
      i++;
      continue;
    }
    // A minus sign starts a number where no number comes before it (-5%), else it joins a range (5-10).
    const prev = out[out.length - 1];
    const minus =
      (ch === '-' || ch === '−') &&
      isDigit(key[i + 1]) &&
      (!prev || ['sep', 'cmp', 'bound', 'open'].indexOf(prev.type) >= 0);
    if (isDigit(ch) || minus) {
      let j = minus ? i + 1 : i;
      while (j < n && isDigit(key[j])) j++;
      if (key[j] === '.' && isDigit(key[j + 1])) {
        j++;
        while (j < n && isDigit(key[j])) j++;
      }
      push('num', i, j, { type: 'num', value: Number(key.slice(i, j)) });
      forceNumeral = false;
      i = j;
      continue;
    }
    if (CN_NUMERAL.indexOf(ch) >= 0) {
      let j = i;
      while (j < n && CN_NUMERAL.indexOf(key.charAt(j)) >= 0) j++;
      const after = key.slice(j).replace(/^ +/, '')[0] ?? '';
      const value = parseChineseNumber(key.slice(i, j));
      // 同一个单位, 统一, 之一: one as a word.
      const word = j === i + 1 && ch === '一' && i > 0 && '同任统唯单之对'.indexOf(key.charAt(i - 1)) >= 0;
      if (
        value !== undefined &&
        !word &&
        (forceNumeral || (after !== '' && NUMERAL_FOLLOW.indexOf(after) >= 0))
      ) {
        push('num', i, j, { type: 'num', value });
        forceNumeral = false;
        i = j;
        continue;
      }
    }
    forceNumeral = false;
    const keyword = matchKeyword(key, i);
    if (keyword) {
      const [word, payload] = keyword;
      const end = i + word.length;
      if (
        payload.type === 'hedge' &&
        (word === '一般' || word === '约') &&
        !HEDGE_FOLLOW.test(key.slice(end))
      )
        push('word', i, end);
      else push(payload.type, i, end, payload);
      if (payload.type === 'pctWord') forceNumeral = true;
      i = end;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (j < n && /[A-Za-z]/.test(key.charAt(j))) j++;
      push('latin', i, j);
      i = j;
      continue;
    }
    if (ch === '%' || ch === '‰') push('pct', i, i + 1, { type: 'pct', unit: ch });
    else if (ch === '>' || ch === '≥' || ch === '≧' || ch === '<' || ch === '≤' || ch === '≦' || ch === '=') {
      const two = key[i + 1] === '=' && (ch === '>' || ch === '<');
      const bound = ch === '=' ? 'exact' : ch === '>' || ch === '≥' || ch === '≧' ? 'atLeast' : 'atMost';
      push('cmp', i, i + (two ? 2 : 1), { type: 'cmp', bound });
      i += two ? 2 : 1;
      continue;
    } else if (RANGES.indexOf(ch) >= 0) push('range', i, i + 1);
    else if (ch === '至' || ch === '到') push('range', i, i + 1);
    else if (ch === '/' || ch === '／') push('slash', i, i + 1);
    else if (ch === ':' || ch === '∶') push('colon', i, i + 1);
    else if (
      ch === '比' &&
      out[out.length - 1]?.type === 'num' &&
      /[\d一二两三四五六七八九十]/.test(key[i + 1] ?? '')
    )
      push('colon', i, i + 1);
    else if (SEPARATORS.indexOf(ch) >= 0) push('sep', i, i + 1);
    else if (OPEN.indexOf(ch) >= 0) push('open', i, i + 1);
    else if (CLOSE.indexOf(ch) >= 0) push('close', i, i + 1);
    else if (JUNK.indexOf(ch) >= 0) push('junk', i, i + 1);
    else push('word', i, i + 1);
    i++;
  }
  return out;
}

function matchKeyword(key: string, at: number): [string, Payload] | undefined {
  const list = BY_FIRST.get(key.charAt(at));
  if (!list) return undefined;
  for (const entry of list) if (key.startsWith(entry[0], at)) return entry;
  return undefined;
}
