// The report sections' views, loaded with the report code (one chunk) when a section's tab is first chosen.
import type { ComponentType } from 'preact';
import { AdjustSection } from './adjust-section';
import { CompareSection } from './compare-section';
import { ReviewSection } from './review-section';
import type { SectionProps } from './report-kit';
import { TallySection } from './tally-section';

/** The view of each report section. */
export const SECTIONS: Record<'tally' | 'adjust' | 'compare' | 'review', ComponentType<SectionProps>> = {
  tally: TallySection,
  adjust: AdjustSection,
  compare: CompareSection,
  review: ReviewSection,
};
