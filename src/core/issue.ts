/** How serious an issue is; chosen by the schema's configuration, never by the rule. */
export type Severity = 'error' | 'warning' | 'info';

/** A finding about the data, kept as data; the sentence is rendered late per locale. */
export interface Issue {
  /** `<rule-id>/<message-id>`, e.g. `ratio/out-of-range`. */
  code: string;
  severity: Severity;
  sheet: string;
  /** 1-based sheet row, as the user sees it. */
  row?: number;
  /** 1-based sheet column. */
  column?: number;
  /** Stable field key, e.g. `ratio`. */
  field?: string;
  /** The cell text as read. */
  received?: string;
  params: Record<string, string | number>;
}

/** What a rule reports before the schema places and grades it: a message id and its params. */
export interface Finding {
  /** Message id within the rule, e.g. `out-of-range`; the issue code becomes `<rule>/<id>`. */
  id: string;
  params?: Record<string, string | number>;
}

/** Severity order for sorting and counting. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
