/**
 * Random meeting records (seeded) for the importer's property tests: each house style renders
 * them and the reader must get the same structure back. The generator keeps to what a style can
 * say (its StyleShape): reported speech, people with affiliations, qualifiers, lists, headings.
 */
import type { StyleShape } from '../record/styles/types.ts';
import type { ParsedBlock, ParsedRecord, ParsedSection } from '../record/types.ts';
import { randomInt, randomPick } from './random.ts';

type Rand = () => number;

const STATES = [
  'Peru',
  'Malta',
  'Ghana',
  'Japan',
  'Norway',
  'Chile',
  'Russian Federation',
  'South Africa',
  'Saudi Arabia',
  'United Kingdom',
  'Holy See',
  'Netherlands',
];
const BODIES = ['UNODC', 'INCB', 'World Health Organization'];
const PERSONS = ['Mr. Okafor', 'Ms. Varga', 'Dr. Lindqvist', 'H.E. Ambassador Ruiz', 'Ms. Ana Ortiz', 'Mr. Haddad'];
const GROUPS = ['European Union', 'Group of 77 and China', 'African Group', 'GRULAC', 'Arab Group'];
const SUBJECTS = ['We', 'Our delegation', 'This approach', 'Such measures', 'National authorities', 'Further work'];
const VERBS = ['supports', 'welcomes', 'requires', 'underlines', 'deserves'];
const OBJECTS = [
  'the draft resolution',
  'access to controlled medicines',
  'regional cooperation',
  'the review of scheduling',
  'more reliable data',
];
const REPORTED = ['said that', 'stressed that', 'noted that', 'recalled that'];
const BULLETIN = ['called for', 'supported', 'opposed', 'welcomed', 'noted'];
const CONTINUED = ['He added that', 'She also noted that', 'It further stressed that'];
const AGENDA = [
  'Implementation of the treaties',
  'Other business',
  'Follow-up to the special session',
  'Provisional agenda',
];
const CAPITALS = ['MORNING PLENARY', 'AFTERNOON SESSION', 'CLOSING REMARKS', 'CONTACT GROUP'];
const PARTS = ['Opening of the meeting', 'Morning meeting', 'Panel 2'];

const sentence = (rand: Rand) =>
  `${randomPick(rand, SUBJECTS)} ${randomPick(rand, VERBS)} ${randomPick(rand, OBJECTS)}.`;
const clause = (rand: Rand) =>
  `${randomPick(rand, OBJECTS)} ${randomPick(rand, ['mattered', 'was needed', 'deserved support'])}.`;

function firstParagraph(rand: Rand, shape: StyleShape): string {
  if (shape.speech === 'reported') return `${randomPick(rand, REPORTED)} ${clause(rand)}`;
  if (shape.speech === 'bulletin') return `${randomPick(rand, BULLETIN)} ${randomPick(rand, OBJECTS)}.`;
  return sentence(rand);
}

function laterParagraph(rand: Rand, shape: StyleShape, afterList: boolean): string {
  // two lists in a row are one list in plain text (a list survives blank lines), so never write them
  if (shape.lists && !afterList && rand() < 0.2) {
    return Array.from({ length: 2 + randomInt(rand, 2) }, () => randomPick(rand, OBJECTS)).join('\n');
  }
  if (shape.speech === 'reported' && rand() < 0.5) return `${randomPick(rand, CONTINUED)} ${clause(rand)}`;
  return rand() < 0.15 ? 'Thank you, Chair.' : sentence(rand);
}

function speaker(rand: Rand, shape: StyleShape): Omit<ParsedBlock, 'paragraphs'> {
  const r = rand();
  let who: Omit<ParsedBlock, 'paragraphs'>;
  if (r < 0.15 && shape.speech !== 'bulletin') who = { speaker: 'Chair', affiliation: null, onBehalfOf: null };
  else if (r < 0.45 && shape.persons) {
    who = {
      speaker: randomPick(rand, PERSONS),
      affiliation: randomPick(rand, [...STATES, ...BODIES]),
      onBehalfOf: null,
    };
  } else if (r < 0.55 && shape.speech === 'direct')
    who = { speaker: randomPick(rand, BODIES), affiliation: null, onBehalfOf: null };
  else who = { speaker: randomPick(rand, STATES), affiliation: null, onBehalfOf: null };
  if (who.speaker !== 'Chair' && who.speaker !== 'Holy See' && rand() < 0.3) who.onBehalfOf = randomPick(rand, GROUPS);
  // in a summary record only people carry bracketed qualifiers; the right of reply is a clause for anyone
  const allowed = shape.speech === 'reported' && !who.affiliation ? ['right of reply'] : shape.qualifiers;
  const qualifiers = allowed.length && rand() < 0.3 ? [randomPick(rand, allowed)] : [];
  return { ...who, qualifiers };
}

function heading(rand: Rand, shape: StyleShape, n: number): string {
  if (shape.headings === 'agenda') return `Agenda item ${n}: ${randomPick(rand, AGENDA)}`;
  if (shape.headings === 'capitals') return randomPick(rand, CAPITALS);
  return randomPick(rand, [
    `Agenda item ${n}: ${randomPick(rand, AGENDA)}`,
    randomPick(rand, CAPITALS),
    `## ${randomPick(rand, PARTS)}`,
  ]).replace(/^## /, '');
}

/** A random record within what `shape` can say, in the structure `structureOf` gives. */
export function randomMeeting(rand: Rand, shape: StyleShape): ParsedRecord {
  const sections: ParsedSection[] = [];
  const count = 1 + randomInt(rand, 3);
  for (let s = 0; s < count; s++) {
    const blocks: ParsedBlock[] = [];
    if (s === 0 && shape.leadingText && rand() < 0.3) {
      blocks.push({ speaker: '', affiliation: null, onBehalfOf: null, paragraphs: [sentence(rand)], qualifiers: [] });
    }
    for (let b = 1 + randomInt(rand, 4); b > 0; b--) {
      const paragraphs = [firstParagraph(rand, shape)];
      for (let p = randomInt(rand, 3); p > 0; p--) {
        paragraphs.push(laterParagraph(rand, shape, paragraphs.at(-1)!.includes('\n')));
      }
      blocks.push({ ...speaker(rand, shape), paragraphs });
    }
    // the first section may have no heading, unless the style always writes one
    const untitled = s === 0 && shape.headings !== 'agenda' && rand() < 0.5;
    sections.push({ heading: untitled ? null : heading(rand, shape, s + 3), blocks });
  }
  return { title: `Meeting of the working group, ${1 + randomInt(rand, 28)} May 2031`, sections };
}
