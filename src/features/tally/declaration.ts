import { normaliseText } from '../../core/normalise';
import type { Scale } from '../../rules/scale/scale.rule';

/** How a declaration sheet is laid out: one row per enterprise, or the printed Annex 2 form. */
export type DeclarationLayout = 'list' | 'form';

/** Where the nominating unit of a declaration was read. */
export type UnitSource = 'column' | 'label' | 'title' | 'sheet' | 'file' | 'option' | 'none';

/** A 1-based cell of a sheet. */
export interface CellAt {
  row: number;
  column: number;
}

/** The nominating unit of a declaration: as written (or derived), and what it means against the quota table. */
export interface UnitRef {
  /** The unit as written in the cell, title, sheet or file name ('' when nothing names one). */
  text: string;
  source: UnitSource;
  /** The quota table's unit, when the text names one. */
  unit?: string;
  /** A unit of the office's register (`--units`) that has no place in the quota table. */
  registered?: string;
  /** A close table unit, when the text names none. */
  suggestion?: string;
  /** The cell the text was read from (a column or a form label's value). */
  cell?: CellAt;
}

/** One enterprise nominated as a monitoring point, as read from a list row or a printed form. */
export interface Declaration {
  file: string;
  sheet: string;
  /** 1-based row of the list row, or of the form's 企业名称 label. */
  row: number;
  layout: DeclarationLayout;
  /** 企业名称 as written (normalised spaces). */
  enterprise: string;
  /** 统一社会信用代码 as written, upper case without spaces; '' when absent. */
  uscc: string;
  /** 规模 when it could be read (大型 included: it is excluded by the tally). */
  scale?: Scale;
  /** Every field's text by field key ('' when blank). */
  fields: Record<string, string>;
  /** Where each field's value is. */
  cells: Record<string, CellAt>;
  unit: UnitRef;
}

/** The key two declarations of one enterprise share: its name half-width, without spaces, ASCII upper-cased. */
export function enterpriseKey(name: string): string {
  return normaliseText(name).replace(/\s/g, '').toUpperCase();
}

/** An enterprise's name as it is written in 申报明细: half-width, without spaces (the key, case kept). */
export function enterpriseText(name: string): string {
  return normaliseText(name).replace(/\s/g, '');
}

/**
 * A looser key, for names that may be one enterprise written two ways: without brackets or punctuation, and
 * 有限责任公司 written 有限公司 (江西鑫源(于都)食品有限责任公司 ~ 江西鑫源于都食品有限公司).
 */
export function enterpriseVariantKey(name: string): string {
  return enterpriseKey(name)
    .replace(/[()（）【】[\]〔〕<>《》{}"“”'‘’·.,，、\-—_]/g, '')
    .replace(/有限责任公司$/, '有限公司');
}
