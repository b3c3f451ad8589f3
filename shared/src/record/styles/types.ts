/** What a house style is to the importer's tests: a renderer and what a reader gets back from it. */
import type { ParsedRecord } from '../types.ts';

/** What a style can say, so a generator of test records keeps to it. */
export interface StyleShape {
  /** How the first paragraph of a statement is written: direct speech, or reported speech with its verb. */
  speech: 'direct' | 'reported' | 'bulletin';
  /** People named with an honorific and an affiliation ("Mr. Okafor, Nigeria"). */
  persons: boolean;
  /** Qualifiers the style writes after a name. */
  qualifiers: readonly string[];
  /** Bullet lists as paragraphs. */
  lists: boolean;
  /** The kind of section headings it writes. */
  headings: 'agenda' | 'capitals' | 'any';
  /** Text before the first speaker. */
  leadingText: boolean;
}

/** One house style: how a record looks in it, and the structure a reader must get back. */
export interface HouseStyle {
  name: string;
  shape: StyleShape;
  /** The record as text in this style; `rand` varies the layout where the style allows it. */
  render(record: ParsedRecord, rand?: () => number): string;
  /** What a reader of the rendered text should find (the record, as this style has to say it). */
  readsBackAs(record: ParsedRecord): ParsedRecord;
}
