import type { MessageTable } from '../../core/locale';
import { normaliseText } from '../../core/normalise';
import { type Rule, fail, ok } from '../../core/rule';

/** Options of the `enum` rule: allowed values, spellings that mean one of them, and whether a prefix is enough. */
export interface EnumOptions {
  values: readonly string[];
  /** Other spelling → canonical value, e.g. 纳入 → 是. Compared without spaces, ASCII letters case-insensitive. */
  aliases?: Readonly<Record<string, string>>;
  /** When true, text that starts with a value, or with an alias of 2+ characters, matches it (修改(比例) → 修改, 调整比例 → 修改). */
  startsWith?: boolean;
}

/** Alias table from groups: canonical value → its other spellings. */
export function aliasTable(groups: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  const table: Record<string, string> = {};
  for (const [value, spellings] of Object.entries(groups)) for (const s of spellings) table[s] = value;
  return table;
}

/** 是/否, with the spellings found in real lists (纳入, Y, √, TRUE…). */
export const YES_NO: EnumOptions = {
  values: ['是', '否'],
  aliases: aliasTable({
    是: ['纳入', '已纳入', '属于', '是的', 'Y', 'YES', 'TRUE', '√', '✓', '✔'],
    否: ['不纳入', '未纳入', '不属于', '不是', 'N', 'NO', 'FALSE', '×', '✗', '✘', 'X'],
  }),
};

/** 事项类别: 一般检查事项 / 重点检查事项 (一般, 重点… accepted). */
export const ITEM_CATEGORY: EnumOptions = {
  values: ['一般检查事项', '重点检查事项'],
  aliases: aliasTable({
    一般检查事项: ['一般', '一般事项', '一般检查'],
    重点检查事项: ['重点', '重点事项', '重点检查'],
  }),
};

/** 调整类型: 新增 / 删除 / 修改 / 无变化; 修改(比例), 修改频次, 调整比例… are 修改. */
export const ADJUST_TYPE: EnumOptions = {
  values: ['新增', '删除', '修改', '无变化'],
  aliases: aliasTable({
    新增: ['增加', '增设', '添加'],
    删除: ['取消', '删减', '减少'],
    修改: ['调整', '变更', '更改', '比例调整', '频次调整', '依据调整', '方式调整'],
    无变化: [
      '无',
      '无调整',
      '不调整',
      '无修改',
      '未修改',
      '不变',
      '未调整',
      '未变化',
      '无变动',
      '没有变化',
      '保持不变',
      '无动态调整',
    ],
  }),
  startsWith: true,
};

/** Messages of the `enum` rule. */
export const enumMessages: MessageTable = {
  'zh-CN': { 'not-allowed': '“{received}”不是允许的值,应为:{allowed}' },
  'en-US': { 'not-allowed': '"{received}" is not an allowed value; expected one of: {allowed}' },
};

/** Text reduced for matching: normalised, no spaces, ASCII letters upper-cased. */
function key(text: string): string {
  return normaliseText(text).replace(/\s/g, '').toUpperCase();
}

/** The options as the schema passed them; a malformed option is a broken schema and throws. */
function readOptions(options: Readonly<Record<string, unknown>> | undefined): EnumOptions {
  const values = options?.values;
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
    throw new Error('enum rule: options.values must be an array of strings');
  }
  return options as unknown as EnumOptions;
}

/** The canonical value a text means under these options, or undefined. */
export function matchEnum(text: string, options: EnumOptions): string | undefined {
  const k = key(text);
  const exact = options.values.find((v) => key(v) === k);
  if (exact !== undefined) return exact;
  for (const [alias, value] of Object.entries(options.aliases ?? {})) if (key(alias) === k) return value;
  if (!options.startsWith || k === '') return undefined;
  // The longest value or alias the text starts with (修改(比例) → 修改); one-character aliases (无) only whole.
  const prefixes: Array<[string, string]> = options.values.map((v) => [key(v), v]);
  for (const [alias, value] of Object.entries(options.aliases ?? {}))
    if ([...alias].length > 1) prefixes.push([key(alias), value]);
  const hits = prefixes.filter(([p]) => p !== '' && k.startsWith(p));
  return hits.sort((x, y) => y[0].length - x[0].length)[0]?.[1];
}

/** 枚举: one value of a fixed list (是/否, 事项类别, 调整类型…), aliases folded to the canonical value. */
export const enumRule: Rule<string> = {
  id: 'enum',
  messages: enumMessages,
  severities: { 'not-allowed': 'error' },
  parse({ text }, ctx) {
    const options = readOptions(ctx.options);
    const value = matchEnum(text, options);
    if (value !== undefined) return ok(value);
    return fail('not-allowed', { received: text, allowed: options.values.join('、') });
  },
};
