import type { Severity } from './issue';
import type { Locale } from './locale';
import type { RowFields, Rule, RowRuleUse } from './rule';

export type { RowFields, RowFinding } from './rule';

/** One field of a sheet kind: how its header is named, which rule checks it, when it is required. */
export interface FieldSpec {
  key: string;
  /** Header names (as users write them); matched after normalisation, by containment and near typos too. */
  synonyms: readonly string[];
  /**
   * Names that map the field only when no column has one of its `synonyms` (任务名称 is the item when no 抽查事项
   * column exists; 承办机构 the agency when there is no 检查主体).
   */
  weakSynonyms?: readonly string[];
  /** Words that keep a label from naming the field however it matches (配合部门, 联合检查单位 are no agency). */
  excludes?: readonly string[];
  /**
   * Whether a cell's text fits the field under a column labelled `label`: true fits, false contradicts (month
   * ranges under 是否纳入双随机), undefined says nothing. A column whose sampled cells contradict and never fit
   * is left unmapped, with one header-level note.
   */
  fitsContent?: (text: string, label: string) => boolean | undefined;
  rule?: Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Options passed to the rule (e.g. the allowed values of an enum). */
  options?: object;
  /** Always required, or required when the row says so (e.g. ratio on 双随机 items). */
  required?: boolean | ((row: RowFields) => boolean);
  /** A blank below a value means "same as above" (a group label written once). */
  inheritBlank?: boolean;
  /**
   * The field a group label above this column must name, when there is one: a 统一社会信用代码 under a 检查对象
   * group is the object's code, not the agency's.
   */
  group?: string;
  /** Checked before other fields, because other fields depend on its value (e.g. 是否纳入双随机). */
  early?: boolean;
}

/** A column that holds two fields at once (抽查比例及频次). */
export interface CombinedColumnSpec {
  /** True when a normalised header label names this combined column. */
  matches(label: string): boolean;
  fields: readonly string[];
  /** Splits the cell text into the fields' texts. */
  split(text: string): Record<string, string | undefined>;
  /** True when a cell gives every field with a value (100%,抽查1次): a single field's column holding it is combined. */
  givesAll?(text: string): boolean;
}

/** A kind of sheet: its fields, how it is recognised, how its findings are graded. */
export interface SheetSchema {
  kind: string;
  label: Record<Locale, string>;
  fields: readonly FieldSpec[];
  combined?: readonly CombinedColumnSpec[];
  /** True when a mapped header (field keys found) looks like this kind of sheet. */
  recognise(fields: ReadonlySet<string>): boolean;
  /** Fields whose columns should exist; a missing one is reported once per sheet. */
  expectedColumns: readonly string[];
  /** Issue code → severity; codes not listed fall back to the shared defaults. */
  severities: Readonly<Record<string, Severity>>;
  /** True when the row is a 双随机 item (its ratio and frequency are then required and graded). */
  doubleRandom?: (row: RowFields) => boolean;
  /** Checks across rows and fields (unique, consistent, sequence …), run in this order on every data row. */
  rowRules?: readonly RowRuleUse[];
}
