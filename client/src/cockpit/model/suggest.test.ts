import { createMatcher, findExact, SEED_ENTRIES } from '@rapporteur/shared/registry';
import { describe, expect, it } from 'vitest';
import { type DirectoryEntry, mergeDirectory } from './directory.ts';
import { type SessionName, type SuggestSources, suggest } from './suggest.ts';

function sources(session: SessionName[] = [], extra: DirectoryEntry[] = []): SuggestSources {
  const directory = [...mergeDirectory(SEED_ENTRIES, []), ...extra];
  return {
    directory,
    rankDirectory: createMatcher(directory),
    session,
    known: (name) => findExact(name, directory),
  };
}

const names = (list: { name: string }[]) => list.map((s) => s.name);

describe('suggest', () => {
  it('never offers back exactly what was typed when only this session knows it (issue 13, item 11)', () => {
    const own: SessionName = { name: 'Secr', field: 'owner', kind: 'other', affiliation: '' };
    const other: SessionName = { name: 'Secretariat team', field: 'owner', kind: 'other', affiliation: '' };
    expect(names(suggest('owner', 'Secr', sources([own, other])))).not.toContain('Secr');
    expect(names(suggest('owner', 'secr', sources([own, other])))).toContain('Secretariat team');
    // a registry name typed in full is still offered (choosing it sets the kind)
    expect(names(suggest('speaker', 'Malta', sources()))).toContain('Malta');
  });

  it('finds the Russian Federation from "Russ" and from the short form "Russia", as a member state', () => {
    const [first] = suggest('speaker', 'Russ', sources());
    expect(first).toMatchObject({ name: 'Russian Federation', speakerKind: 'member-state', source: 'registry' });
    expect(suggest('speaker', 'russia', sources())[0]).toMatchObject({ name: 'Russian Federation', via: 'alias' });
  });

  it('puts an exact short form before a name that merely starts with it ("UK", "US", "EU")', () => {
    expect(suggest('speaker', 'UK', sources())[0]!.name).toBe('United Kingdom of Great Britain and Northern Ireland');
    expect(suggest('speaker', 'US', sources())[0]!.name).toBe('United States of America');
    expect(suggest('speaker', 'EU', sources())[0]!.name).toBe('European Union');
  });

  it('never offers a group as a speaker, and prefers groups for "on behalf of"', () => {
    expect(names(suggest('speaker', 'Group of 77', sources()))).not.toContain('Group of 77 and China');
    expect(suggest('onBehalfOf', 'G77', sources())[0]!.name).toBe('Group of 77 and China');
    expect(suggest('onBehalfOf', 'Afr', sources())[0]!.name).toBe('African Group');
  });

  it('lists the usual groups for an empty "on behalf of", after the ones this session already used', () => {
    const session: SessionName[] = [{ name: 'Arab Group', field: 'onBehalfOf', kind: 'other', affiliation: '' }];
    const list = names(suggest('onBehalfOf', '', sources(session), 4));
    expect(list[0]).toBe('Arab Group');
    expect(list.slice(1)).toEqual(['European Union and its Member States', 'Group of 77 and China', 'African Group']);
  });

  it('offers who already spoke in the session first, with the kind their block was given', () => {
    const session: SessionName[] = [
      { name: 'Mr. Jan Novak', field: 'speaker', kind: 'panellist', affiliation: 'Harm Reduction International' },
    ];
    const [first] = suggest('speaker', 'Jan', sources(session));
    expect(first).toMatchObject({
      name: 'Mr. Jan Novak',
      source: 'session',
      speakerKind: 'panellist',
      affiliation: 'Harm Reduction International',
    });
  });

  it('does not list a name twice when the session used a registry name', () => {
    const session: SessionName[] = [{ name: 'Brazil', field: 'speaker', kind: 'member-state', affiliation: '' }];
    const list = suggest('speaker', 'Bra', sources(session));
    expect(list.filter((s) => s.name === 'Brazil')).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'Brazil', source: 'session' });
  });

  it('knows entries the server added (a civil-society organisation) and returns nothing for nothing known', () => {
    const ngo: DirectoryEntry = { id: 'x', name: 'Youth RISE', kind: 'civil-society', aliases: [], affiliation: '' };
    expect(suggest('affiliation', 'youth', sources([], [ngo]))[0]).toMatchObject({
      name: 'Youth RISE',
      registryId: 'x',
      speakerKind: 'civil-society',
    });
    expect(suggest('speaker', 'zzqx', sources())).toEqual([]);
  });
});

describe('mergeDirectory', () => {
  it('lets a server entry of the same name replace the built-in one and keeps both sets of short forms', () => {
    const merged = mergeDirectory(SEED_ENTRIES, [
      {
        id: 'srv-1',
        name: 'russian federation',
        kind: 'member-state',
        aliases: ['RF'],
        affiliation: '',
        source: 'seed',
        createdAt: '',
        updatedAt: '',
      },
    ]);
    const rf = merged.filter((e) => e.name.toLowerCase() === 'russian federation');
    expect(rf).toHaveLength(1);
    expect(rf[0]).toMatchObject({ id: 'srv-1' });
    expect(rf[0]!.aliases).toEqual(expect.arrayContaining(['Russia', 'RF']));
  });
});
