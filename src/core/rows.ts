import type { GridView } from './grid';
import { cellText } from './normalise';

/** Why a row below the header is not data. */
export type RowRole = 'data' | 'empty' | 'note' | 'signature' | 'section' | 'header-repeat' | 'total';

const NOTE = /^(备注|注|注释|说明|填表说明|填报说明|附注)\s*\d*\s*[:：、.]?/;
const NOTE_STRICT = /^(注|备注|说明|填表说明|填报说明)\s*[:：]|^(填表说明|填报说明)/;
const SIGNATURE =
  /^(填报人|填表人|联系人|联系电话|电话|审核人|审核|负责人|单位负责人|分管领导|填报日期|填表日期|制表人|制表|日期|填报单位|报送单位|单位名称|单位\(盖章\)|单位\(印章\))\s*[:：(]/;
// A 合计 / 总计 / 小计 row sums the rows above it: it is not an item.
const TOTAL = /^(合计|总计|小计|共计)\s*[:：]?$/;
const SECTION =
  /^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[部类章])/;

interface RowContent {
  texts: Array<{ column: number; text: string }>;
}

/** Distinct cell strings whose text is remembered: lists repeat the same few thousand spellings. */
const TEXT_MEMO_LIMIT = 10000;

/**
 * The non-blank texts of a row, left to right, written into `into` (one record reused for every row: no objects
 * per row on 50k-row sheets).
 */
function rowContent(view: GridView, row: number, memo: Map<string, string>, into: RowContent): RowContent {
  const { texts } = into;
  let n = 0;
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const raw = view.raw(row, c);
    if (raw === null) continue;
    // A string's text does not depend on its number format.
    let text = typeof raw === 'string' ? memo.get(raw) : undefined;
    if (text === undefined) {
      text = cellText(raw, view.format(row, c));
      if (typeof raw === 'string' && memo.size < TEXT_MEMO_LIMIT) memo.set(raw, text);
    }
    if (text === '') continue;
    if (n < texts.length) {
      texts[n].column = c;
      texts[n].text = text;
    } else texts.push({ column: c, text });
    n++;
  }
  texts.length = n;
  return into;
}

/** How many of a row's texts are header labels. */
function headerCells(texts: RowContent['texts'], labels: ReadonlySet<string>): number {
  let n = 0;
  for (const t of texts) if (labels.has(t.text)) n++;
  return n;
}

/**
 * Classifies the rows below a header: notes (备注:…, 注:…, 填表说明), signature lines (填报人, 联系电话, 审核人),
 * section titles inside the table (一、…, a lone label merged across), repeated headers, 合计 rows and empty rows
 * are not data. Once a note or signature line is seen, short rows after it (numbered note lines) are notes too.
 */
export function classifyRows(
  view: GridView,
  firstDataRow: number,
  headerLabels: ReadonlyMap<number, string>,
): Map<number, RowRole> {
  const roles = new Map<number, RowRole>();
  const headerTexts = new Set([...headerLabels.values()]);
  let trailer = false;
  const memo = new Map<string, string>();
  const content: RowContent = { texts: [] };
  for (let r = firstDataRow; r <= view.lastRow; r++) {
    const { texts } = rowContent(view, r, memo, content);
    if (texts.length === 0) {
      roles.set(r, 'empty');
      continue;
    }
    const first = texts[0].text;
    if (TOTAL.test(first.replace(/\s/g, ''))) {
      roles.set(r, 'total');
      continue;
    }
    if (
      texts.length <= 4 &&
      (SIGNATURE.test(first) || texts.some((t) => /^(填报人|审核人|联系电话)\s*[:：]/.test(t.text)))
    ) {
      roles.set(r, 'signature');
      trailer = true;
      continue;
    }
    if (
      texts.length <= 3 &&
      (NOTE_STRICT.test(first) || (NOTE.test(first) && first.length > 6 && texts.length === 1))
    ) {
      roles.set(r, 'note');
      trailer = true;
      continue;
    }
    if (trailer && texts.length <= 2) {
      roles.set(r, 'note');
      continue;
    }
    if (texts.length >= 2 && headerCells(texts, headerTexts) >= Math.max(2, texts.length - 1)) {
      roles.set(r, 'header-repeat');
      continue;
    }
    if (texts.length === 1) {
      const only = texts[0];
      const merge = view.mergeAt(r, only.column);
      const wide = !!merge && merge.right - merge.left >= 2 && merge.top === merge.bottom;
      if (wide || SECTION.test(only.text)) {
        roles.set(r, 'section');
        continue;
      }
    }
    trailer = false;
    roles.set(r, 'data');
  }
  return roles;
}
