import { recordToDoc } from '@rapporteur/shared/record/toDoc';
import type * as Y from 'yjs';

/** For tests: a record of `blocks` speaker blocks of ~250 characters each, as the import writes it. */
export function sampleRecordDoc(blocks: number): Y.Doc {
  return recordToDoc({
    title: 'Plenary',
    sections: [
      {
        heading: 'Agenda item 1',
        blocks: Array.from({ length: blocks }, (_, i) => ({
          speaker: `Speaker ${i}`,
          affiliation: null,
          onBehalfOf: null,
          paragraphs: [`Statement ${i}: ${'we support the draft as amended, '.repeat(8)}`],
        })),
      },
    ],
  });
}
