/** The house styles the importer reads, each with its renderer (see README's Import paragraph). */
import { bulletinStyle } from './bulletin.ts';
import { colonStyle } from './colon.ts';
import { plainStyle } from './plain.ts';
import { summaryStyle } from './summary.ts';
import type { HouseStyle } from './types.ts';

export { renderBulletin } from './bulletin.ts';
export { renderColon } from './colon.ts';
export { renderPlain, titleLine } from './plain.ts';
export { renderSummary, SUMMARY_FRONT } from './summary.ts';
export type { HouseStyle, StyleShape } from './types.ts';

/** Every house style with a renderer, for the round-trip property tests. */
export const HOUSE_STYLES: readonly HouseStyle[] = [plainStyle, colonStyle, summaryStyle, bulletinStyle];
