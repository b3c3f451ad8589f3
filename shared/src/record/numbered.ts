/**
 * Paragraph numbers in reported speech ("1. Mr. Okonkwo (Ghana), speaking on behalf of …, said
 * that …", "2. He added that …"). A UN summary record numbers every paragraph, so its numbers are
 * always dropped. Other records may carry such numbered paragraphs too (minutes pasted together
 * from several sources, issue 15), but also numbered lists inside a statement ("1. We support the
 * text."), whose numbers are the statement's own. There a run of numbers belongs to the record only
 * when it starts at a paragraph that reads unambiguously as reported speech (clearSpeaker.ts), and it
 * goes on while the numbers follow one another and no statement opens in another style.
 */
import { readClearReportedOpener } from './clearSpeaker.ts';
import { PARAGRAPH_NUMBER } from './frontMatter.ts';

/** A paragraph as read, and whether it lost a number of the record's. */
export interface NumberedParagraph {
  text: string;
  numbered: boolean;
}

/** Reads paragraph numbers through a record, one paragraph after another. */
export class ParagraphNumbers {
  /** The last number dropped in the current run, or null outside a run. */
  #last: number | null = null;

  readonly #always: boolean;

  /** `always`: every paragraph number is the record's (a summary record). */
  constructor(always: boolean) {
    this.#always = always;
  }

  /** The paragraph without its number where the number is the record's; as it is otherwise. */
  read(paragraph: string): NumberedParagraph {
    const m = paragraph.match(PARAGRAPH_NUMBER);
    if (!m) return { text: paragraph, numbered: false };
    const rest = paragraph.slice(m[0].length);
    if (this.#always) return { text: rest, numbered: true };
    const n = Number.parseInt(m[0], 10);
    if ((this.#last !== null && n === this.#last + 1) || readClearReportedOpener(rest) !== null) {
      this.#last = n;
      return { text: rest, numbered: true };
    }
    return { text: paragraph, numbered: false };
  }

  /** A statement opened without a number: numbers after it are its own list's, until a new run. */
  interrupt(): void {
    this.#last = null;
  }
}
