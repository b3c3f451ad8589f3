import { describe, expect, it } from 'vitest';
import { SEED_ENTRIES } from './entries/index.ts';
import { createMatcher, findExact, type MatchOptions, rankEntries, scoreKey } from './match.ts';
import { normaliseName } from './normalise.ts';
import type { Matchable } from './types.ts';

const match = createMatcher(SEED_ENTRIES);
const first = (q: string, kinds?: MatchOptions['kinds']) => match(q, { kinds })[0]?.entry.name;

describe('normaliseName', () => {
  it('folds case, diacritics, punctuation, abbreviation dots and a leading "the"', () => {
    expect(normaliseName("Côte d'Ivoire")).toBe('cote d ivoire');
    expect(normaliseName('U.S.A.')).toBe('usa');
    expect(normaliseName('The Bahamas')).toBe('bahamas');
    expect(normaliseName('  São  Tomé ')).toBe('sao tome');
    expect(normaliseName('Iran (Islamic Republic of)')).toBe('iran islamic republic of');
    expect(normaliseName('...')).toBe('');
  });
});

describe('ranking registry entries', () => {
  it('puts the entry whose short form is typed first', () => {
    expect(first('US')).toBe('United States of America');
    expect(first('USA')).toBe('United States of America');
    expect(first('U.S.')).toBe('United States of America');
    expect(first('UK')).toBe('United Kingdom of Great Britain and Northern Ireland');
    expect(first('EU')).toBe('European Union');
    expect(first('Russia')).toBe('Russian Federation');
    expect(first('Iran')).toBe('Iran (Islamic Republic of)');
    expect(first('Vietnam')).toBe('Viet Nam');
    expect(first('Turkey')).toBe('Türkiye');
    expect(first('DRC')).toBe('Democratic Republic of the Congo');
    expect(first('G77')).toBe('Group of 77 and China');
  });

  it('completes prefixes of names ("Russ" → Russian Federation)', () => {
    expect(first('Russ')).toBe('Russian Federation');
    expect(first('russ')).toBe('Russian Federation');
    expect(first('United States')).toBe('United States of America');
    expect(first('Office on', ['un-entity'])).toBe('United Nations Office on Drugs and Crime');
  });

  it('prefers a name that is exactly the query over longer names it starts', () => {
    expect(
      match('Niger')
        .map((r) => r.entry.name)
        .slice(0, 2),
    ).toEqual(['Niger', 'Nigeria']);
    const guinea = match('Guinea').map((r) => r.entry.name);
    expect(guinea.slice(0, 2)).toEqual(['Guinea', 'Guinea-Bissau']);
    expect(guinea.slice(2, 4).sort()).toEqual(['Equatorial Guinea', 'Papua New Guinea']);
    expect(match('Dominica')[0]!.entry.name).toBe('Dominica');
    expect(
      match('Sudan')
        .map((r) => r.entry.name)
        .slice(0, 2),
    ).toEqual(['Sudan', 'South Sudan']);
  });

  it('an exact short form beats a name it is the prefix of ("UK" before Ukraine)', () => {
    const names = match('UK').map((r) => r.entry.name);
    expect(names.indexOf('United Kingdom of Great Britain and Northern Ireland')).toBeLessThan(
      names.indexOf('Ukraine'),
    );
  });

  it('matches prefixes of later words, ignoring case and diacritics', () => {
    expect(match('federation').map((r) => r.entry.name)).toContain('Russian Federation');
    expect(first('cote')).toBe("Côte d'Ivoire");
    expect(first('TURKIYE')).toBe('Türkiye');
    expect(first('sao tome')).toBe('Sao Tome and Principe');
    expect(first('korea dem')).toBe("Democratic People's Republic of Korea");
  });

  it('reports which name or alias matched', () => {
    const [r] = match('Russia');
    expect(r).toMatchObject({ matched: 'Russia', via: 'alias' });
    expect(match('Russian')[0]).toMatchObject({ matched: 'Russian Federation', via: 'name' });
  });

  it('filters by kind and limits the results', () => {
    const groups = match('Group', { kinds: ['group'] });
    expect(groups.length).toBeGreaterThan(3);
    expect(groups.every((r) => r.entry.kind === 'group')).toBe(true);
    expect(match('a', { limit: 5 })).toHaveLength(5);
    expect(first('EU', ['group'])).toBe('European Union and its Member States');
  });

  it('returns nothing for an empty or punctuation-only query, and for nonsense', () => {
    expect(match('')).toEqual([]);
    expect(match(' .- ')).toEqual([]);
    expect(match('zzqx')).toEqual([]);
  });

  it('ranks any list of entries, such as names added by a session', () => {
    const added: Matchable[] = [
      { name: 'International Drug Policy Consortium', aliases: ['IDPC'], kind: 'civil-society' },
      { name: 'Alexis Fishincker', aliases: [], kind: 'person' },
    ];
    expect(rankEntries('idpc', added)[0]!.entry.name).toBe('International Drug Policy Consortium');
    expect(rankEntries('fish', added)[0]!.entry.name).toBe('Alexis Fishincker');
  });

  it('scores substrings only from three letters', () => {
    expect(scoreKey('ala', 'guatemala')).toBe(30);
    expect(scoreKey('la', 'guatemala')).toBe(0);
  });
});

describe('findExact', () => {
  it('finds an entry by name or alias in normal form, and nothing for a prefix', () => {
    expect(findExact('russia', SEED_ENTRIES)?.name).toBe('Russian Federation');
    expect(findExact('  the Russian federation ', SEED_ENTRIES)?.name).toBe('Russian Federation');
    expect(findExact('Russ', SEED_ENTRIES)).toBeUndefined();
    expect(findExact('', SEED_ENTRIES)).toBeUndefined();
  });
});
