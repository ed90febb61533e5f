import type { MessageCatalogue } from '../core/messages';
import type { SheetSchema } from '../core/schema';
import { RULE_MESSAGES } from '../rules';
import { adjustmentReportSchema } from './adjustment-report.schema';
import { checklistSchema } from './checklist.schema';
import { declarationSchema } from './declaration.schema';
import { FIELD_LABELS } from './field-labels';

/** Every sheet kind the engine recognises, one line each. */
export const SCHEMAS: readonly SheetSchema[] = [checklistSchema, adjustmentReportSchema, declarationSchema];

/** Every message table by rule id, and the field labels: what `formatIssue` needs. */
export const CATALOGUE: MessageCatalogue = { tables: RULE_MESSAGES, fieldLabels: FIELD_LABELS };
