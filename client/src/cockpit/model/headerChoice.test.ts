import { describe, expect, it } from 'vitest';
import { addableKindFor, headerChoice } from './headerChoice.ts';

describe('headerChoice', () => {
  const russia = { name: 'Russian Federation', speakerKind: 'member-state' as const, affiliation: '' };
  const person = { name: 'Jan Novak', speakerKind: 'other' as const, affiliation: 'Harm Reduction International' };

  it('sets the speaker and the block kind', () => {
    expect(headerChoice('speaker', russia, { kind: 'other', affiliation: '' })).toEqual({
      speaker: 'Russian Federation',
      kind: 'member-state',
    });
  });

  it("brings a person's organisation only when none is written yet", () => {
    expect(headerChoice('speaker', person, { kind: 'other', affiliation: '' })).toMatchObject({
      affiliation: 'Harm Reduction International',
    });
    expect(headerChoice('speaker', person, { kind: 'other', affiliation: 'UNODC' })).not.toHaveProperty('affiliation');
  });

  it('lets an affiliation set the kind only while it is unset, and "on behalf of" never', () => {
    const unodc = { name: 'UNODC', speakerKind: 'un-entity' as const, affiliation: '' };
    expect(headerChoice('affiliation', unodc, { kind: 'other', affiliation: '' })).toEqual({
      affiliation: 'UNODC',
      kind: 'un-entity',
    });
    expect(headerChoice('affiliation', unodc, { kind: 'panellist', affiliation: '' })).toEqual({
      affiliation: 'UNODC',
    });
    expect(headerChoice('onBehalfOf', russia, { kind: 'other', affiliation: '' })).toEqual({
      onBehalfOf: 'Russian Federation',
    });
  });

  it('adds unknown names to the registry with a kind the server accepts', () => {
    expect(addableKindFor('speaker', 'other', true)).toBe('person');
    expect(addableKindFor('speaker', 'civil-society', false)).toBe('civil-society');
    expect(addableKindFor('affiliation', 'intergovernmental', false)).toBe('intergovernmental');
    expect(addableKindFor('onBehalfOf', 'civil-society', false)).toBe('other');
    expect(addableKindFor('speaker', 'member-state', false)).toBe('other');
  });
});
