import type { SheetSchema } from '../core/schema';
import { checklistSchema } from './checklist.schema';
import { declarationSchema } from './declaration.schema';

/** Every sheet kind the engine recognises, one line each. */
export const SCHEMAS: readonly SheetSchema[] = [checklistSchema, declarationSchema];
