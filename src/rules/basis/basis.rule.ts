import type { Finding } from '../../core/issue';
import type { MessageTable } from '../../core/locale';
import { type Rule, ok } from '../../core/rule';

/** Messages of the `basis` rule. */
export const basisMessages: MessageTable = {
  'zh-CN': {
    'no-citation': '检查依据未引用法律、法规或规章(应写明名称,如《中华人民共和国食品安全法》第一百一十条)',
    unbalanced: '书名号不成对:“《”{open}个,“》”{close}个',
  },
  'en-US': {
    'no-citation':
      'The basis cites no law, regulation or rule (name it, e.g. 《中华人民共和国食品安全法》 Article 110)',
    unbalanced: 'Unbalanced title marks: {open} "《" but {close} "》"',
  },
};

// Words that name a legal instrument when the title is not in 《》.
const INSTRUMENT = /法|条例|规定|办法|规章|细则|决定|通知|意见|标准/;

/** Titles in top-level 《》 (inner 〈〉 or nested 《》 stay part of the title); `<<…>>` is read as 《…》. */
export function citedTitles(text: string): string[] {
  const s = text.replace(/<</g, '《').replace(/>>/g, '》');
  const titles: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '《') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (s[i] === '》' && depth > 0) {
      depth--;
      const title = s.slice(start, i).trim();
      if (depth === 0 && title !== '') titles.push(title);
    }
  }
  return titles;
}

/** 检查依据: should cite laws, regulations or rules, normally in 《》; the value is the list of cited titles. */
export const basisRule: Rule<string[]> = {
  id: 'basis',
  messages: basisMessages,
  severities: { 'no-citation': 'warning', unbalanced: 'warning' },
  parse({ text }) {
    // An empty cell is the `required` rule's business.
    if (text === '') return ok([]);
    const s = text.replace(/<</g, '《').replace(/>>/g, '》');
    const titles = citedTitles(s);
    const findings: Finding[] = [];
    const open = (s.match(/《/g) ?? []).length;
    const close = (s.match(/》/g) ?? []).length;
    if (open !== close) findings.push({ id: 'unbalanced', params: { open, close } });
    if (titles.length === 0 && !INSTRUMENT.test(s)) findings.push({ id: 'no-citation' });
    return ok(titles, ...findings);
  },
};
