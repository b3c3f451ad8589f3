/**
 * Who already took the floor in this session, read from the record itself (so it is current to
 * the keystroke and works offline): speakers, affiliations, groups and action owners.
 */
import { oneOf, SPEAKER_KINDS } from '@rapporteur/shared/schema';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { SessionName } from './suggest.ts';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Names used in `doc`, most recent first. `exceptBlock` leaves out one speaker block: the one
 * being typed in, whose half-typed name ("Russ") is no suggestion for itself.
 */
export function sessionNames(doc: PMNode, exceptBlock: string | null = null): SessionName[] {
  const names: SessionName[] = [];
  doc.forEach((node) => {
    if (node.type.name === 'speakerBlock') {
      if (exceptBlock && node.attrs.id === exceptBlock) return;
      const kind = oneOf(SPEAKER_KINDS, node.attrs.kind, 'other');
      const affiliation = text(node.attrs.affiliation);
      const speaker = text(node.attrs.speaker);
      if (speaker) names.push({ name: speaker, field: 'speaker', kind, affiliation });
      if (affiliation) names.push({ name: affiliation, field: 'affiliation', kind, affiliation: '' });
      const behalf = text(node.attrs.onBehalfOf);
      if (behalf) names.push({ name: behalf, field: 'onBehalfOf', kind: 'other', affiliation: '' });
    }
    // action owners: inside blocks (one level, or in lists) and at the top level
    node.descendants((child) => {
      if (child.type.name === 'actionItem') {
        const owner = text(child.attrs.owner);
        if (owner) names.push({ name: owner, field: 'owner', kind: 'other', affiliation: '' });
        return false;
      }
      return !child.isTextblock;
    });
    if (node.type.name === 'actionItem') {
      const owner = text(node.attrs.owner);
      if (owner) names.push({ name: owner, field: 'owner', kind: 'other', affiliation: '' });
    }
  });
  return names.reverse();
}
