/**
 * Openers in reported speech, where the verb is part of the statement and stays in its text:
 *   UN summary records   "Mr. Okonkwo (Ghana), speaking on behalf of the Group of 77 and China, said that ..."
 *                        "The Chair said ...", "The observer for Palestine said ..."
 *   negotiation bulletins "MEXICO, for GRULAC, called for ...", "The EU opposed ..."
 * and the paragraphs that continue the same speaker ("He added that ...").
 */
import { isAcronym, isPersonName, isProperPhrase, isTitledPerson, words } from './nameShape.ts';
import { isKnownName } from './names.ts';
import { registryEntryFor } from './registryIndex.ts';
import { isGroupName, type Opener } from './opener.ts';
import { splitQualifiers } from './qualifiers.ts';

const VERBS = `said|stated|noted|asked|added|recalled|welcomed|expressed|emphasized|emphasised|stressed|reiterated|
proposed|suggested|requested|replied|agreed|thanked|invited|announced|recommended|explained|pointed|observed|drew|
urged|called|supported|opposed|highlighted|underlined|underscored|introduced|presented|acknowledged|informed|
congratulated|reaffirmed|objected|questioned|wondered|described|outlined|reported|commended|encouraged|concluded|
cautioned|warned|regretted|favoured|favored|preferred|believed|considered|shared|hoped|recognized|recognised|
indicated|mentioned|declared|affirmed|insisted|maintained|took|wished|inquired|enquired|sought|spoke|echoed|
endorsed|rejected|lamented|queried|cautioned|clarified|responded|urged|underscored|requested`
  .replace(/\s+/g, '')
  .split('|');
const VERB = `(?:${[...new Set(VERBS)].join('|')})`;

/** "…, said that": the shortest head followed by a reporting verb (case matters: "Mr. Said" is a name). */
const REPORTED = new RegExp(`^(.{2,240}?),?\\s+(?:(?:also|further|then|again|briefly)\\s+)?(?=${VERB}\\b)`, 'u');
/** A paragraph that continues the speaker before it: "He added that", "She also said". */
const CONTINUES = new RegExp(
  `^(?:He|She|They|It|The speaker)\\s+(?:(?:also|further|then|again|finally)\\s+)?${VERB}\\b`,
);
/** Titles a summary record names a presiding or secretariat speaker by ("The Chair said"). */
const TITLES =
  /^(?:Chair|Chairperson|Chairman|Chairwoman|Vice-Chair|President|Vice-President|Secretary|Secretariat|Rapporteur|Moderator|Facilitator|Executive Director|Director|Under-Secretary-General|Secretary-General|Deputy Executive Director)$/;

/** Split on commas outside brackets: "Mr. F (Director, UNODC), speaking …" → two parts. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

type Who = Omit<Opener, 'rest' | 'form'>;

/** "Ghana" / "Observer for the State of Palestine" / "Executive Director, UNODC" inside brackets. */
function readBracket(inner: string): { affiliation: string; qualifiers: string[] } | null {
  const t = inner.trim();
  const observer = t.match(/^observer (?:for|of) (?:the )?(.+)$/i);
  if (observer) return { affiliation: observer[1]!.trim(), qualifiers: ['Observer'] };
  return /^[\p{Lu}\p{N}]/u.test(t) ? { affiliation: t, qualifiers: [] } : null;
}

/** The person or body before the clauses: "Mr. Okonkwo (Ghana)", "The Chair", "The representative of Mexico". */
function readReportedWho(text: string): Who | null {
  const rep = text.match(/^the (representative|delegate|delegation|observer)s? (?:of|for) (?:the )?(.+)$/i);
  if (rep) {
    const name = rep[2]!.trim();
    if (!isKnownName(name) && !isProperPhrase(name, 8)) return null;
    const qualifiers = /observer/i.test(rep[1]!) ? ['Observer'] : [];
    return { speaker: name, affiliation: null, onBehalfOf: null, qualifiers };
  }
  const title = text.match(/^the (.+)$/i);
  if (title) {
    const name = title[1]!.trim();
    return TITLES.test(name) || isKnownName(name)
      ? { speaker: name, affiliation: null, onBehalfOf: null, qualifiers: [] }
      : null;
  }
  const { head, qualifiers } = splitQualifiers(text);
  const bracket = head.match(/^(.*?\S)\s*\(([^()]{1,120})\)$/);
  const name = bracket ? bracket[1]!.trim() : head;
  if (!isTitledPerson(name) && !isPersonName(name)) return null;
  if (!bracket) return { speaker: name, affiliation: null, onBehalfOf: null, qualifiers };
  const inside = readBracket(bracket[2]!);
  if (!inside) return null;
  return {
    speaker: name,
    affiliation: inside.affiliation,
    onBehalfOf: null,
    qualifiers: [...inside.qualifiers, ...qualifiers],
  };
}

const BEHALF_CLAUSE = /^(?:also\s+)?(?:speaking\s+)?(?:also\s+)?(?:on behalf of|for)\s+(?:the\s+)?(.+)$/i;
const REPLY_CLAUSE = /^(?:speaking\s+)?in (?:the )?exercise of (?:the |his |her |its )?right of reply$/i;

/** Add the clauses after the name ("speaking on behalf of …", "in exercise of the right of reply"). */
function withClauses(who: Who, clauses: string[]): Who | null {
  let result = who;
  for (const clause of clauses) {
    const behalf = clause.match(BEHALF_CLAUSE);
    if (behalf && isGroupName(behalf[1]!.trim()) && result.onBehalfOf === null) {
      result = { ...result, onBehalfOf: behalf[1]!.trim() };
    } else if (REPLY_CLAUSE.test(clause)) {
      result = { ...result, qualifiers: [...result.qualifiers, 'right of reply'] };
    } else if (/^speaking in [\p{L}]+$/u.test(clause) || /^(?:speaking )?as (?:an? )?observer$/i.test(clause)) {
      result = { ...result, qualifiers: [...result.qualifiers, clause] };
    } else {
      return null;
    }
  }
  return result;
}

/** A summary-record opener ("Mr. Okonkwo (Ghana), speaking on behalf of …, said that …"), or null. */
export function readReportedOpener(text: string): Opener | null {
  if (text.length < 6) return null;
  const m = text.match(REPORTED);
  if (!m) return null;
  const [first, ...clauses] = topLevelParts(m[1]!);
  const who = first ? readReportedWho(first) : null;
  const full = who ? withClauses(who, clauses) : null;
  return full ? { ...full, rest: text.slice(m[0].length).trim(), form: 'reported' } : null;
}

/** Whether a paragraph continues the speaker before it in reported speech ("He added that …"). */
export function continuesSpeaker(text: string): boolean {
  return CONTINUES.test(text);
}

/** Words in capitals, as bulletins write delegations: "MEXICO", "UNITED STATES", "REPUBLIC OF KOREA". */
const CAPS_NAME =
  /^(?:The\s+)?((?:[\p{Lu}][\p{Lu}'’.&-]*)(?:\s+(?:[\p{Lu}][\p{Lu}'’.&-]*|OF|AND|THE|DE|of|and|the))*)(?=,|\s+[a-z])/u;
const BULLETIN_BEHALF = /^,\s*(?:speaking\s+)?(?:for|on behalf of)\s+(?:the\s+)?([^,]{2,120}),\s*/i;

/**
 * A negotiation-bulletin opener ("MEXICO, for GRULAC, called for …"), or null. Outside a bulletin
 * only a name that is not itself written in capitals counts ("MEXICO", not "UNODC", which any
 * record may start a sentence with).
 */
export function readBulletinOpener(text: string, inBulletin: boolean): Opener | null {
  const m = text.match(CAPS_NAME);
  if (!m) return null;
  const name = m[1]!.trim().replace(/\s+(?:of|and|the)$/i, '');
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || /^(?:OF|AND|THE|DE)\b/i.test(name)) return null;
  const known = isKnownName(name);
  // "MEXICO" shouts a name the registry writes in lower case; "UNODC" and "EU" are written so anyway
  const entry = registryEntryFor(name);
  const shouting = entry !== undefined && entry.name !== entry.name.toUpperCase() && !entry.aliases.includes(name);
  if (!(shouting || (inBulletin && (known || (isAcronym(letters) && letters.length >= 3) || words(name).length > 1))))
    return null;
  let rest = text.slice(m[0].length);
  let onBehalfOf: string | null = null;
  const behalf = rest.match(BULLETIN_BEHALF);
  if (behalf) {
    if (!isGroupName(behalf[1]!.trim())) return null;
    onBehalfOf = behalf[1]!.trim();
    rest = rest.slice(behalf[0].length);
  }
  rest = rest.trim();
  if (!/^[a-z]/.test(rest)) return null;
  // "CND plenary: 24 January …" is a title (or a colon opener), never a delegation speaking:
  // a bulletin's delegation is followed by what it did ("called for …"), not by a colon
  if (/^[^\s:]+:/.test(rest)) return null;
  return { speaker: name, affiliation: null, onBehalfOf, qualifiers: [], rest, form: 'bulletin' };
}
