import { describe, expect, it } from 'vitest';
import { GROUPS, MEMBER_STATES, OBSERVER_STATES, SEED_ENTRIES } from './entries/index.ts';
import { normaliseName } from './normalise.ts';
import { REGISTRY_KINDS } from './types.ts';

describe('built-in registry data', () => {
  it('lists exactly the 193 Member States, each once, with ISO alpha-3 keys', () => {
    expect(MEMBER_STATES).toHaveLength(193);
    expect(MEMBER_STATES.every((e) => e.kind === 'member-state' && /^state:[A-Z]{3}$/.test(e.key))).toBe(true);
    expect(new Set(MEMBER_STATES.map((e) => e.key)).size).toBe(193);
  });

  it('uses the official short names', () => {
    const names = new Set(MEMBER_STATES.map((e) => e.name));
    for (const official of [
      'Russian Federation',
      'United States of America',
      'United Kingdom of Great Britain and Northern Ireland',
      'Iran (Islamic Republic of)',
      'Bolivia (Plurinational State of)',
      'Venezuela (Bolivarian Republic of)',
      "Côte d'Ivoire",
      'Türkiye',
      'Czechia',
      'Viet Nam',
    ]) {
      expect(names).toContain(official);
    }
    expect(OBSERVER_STATES.map((e) => e.name)).toEqual(['Holy See', 'State of Palestine']);
  });

  it('has the usual "on behalf of" groups', () => {
    const names = GROUPS.map((g) => g.name);
    for (const g of [
      'European Union and its Member States',
      'Group of 77 and China',
      'African Group',
      'Group of Latin American and Caribbean States',
    ]) {
      expect(names).toContain(g);
    }
  });

  it('keeps keys and normalised names unique, so seeding can upsert by either', () => {
    expect(new Set(SEED_ENTRIES.map((e) => e.key)).size).toBe(SEED_ENTRIES.length);
    expect(new Set(SEED_ENTRIES.map((e) => normaliseName(e.name))).size).toBe(SEED_ENTRIES.length);
  });

  it('gives every entry a known kind and non-empty names', () => {
    for (const e of SEED_ENTRIES) {
      expect(REGISTRY_KINDS).toContain(e.kind);
      expect(normaliseName(e.name)).not.toBe('');
      for (const a of e.aliases) expect(normaliseName(a), `${e.name}: ${a}`).not.toBe('');
    }
  });

  it('never gives one short form to two entries of the same kind', () => {
    // an ambiguous alias would make "exact hit" depend on list order
    const seen = new Map<string, string>();
    for (const e of SEED_ENTRIES) {
      for (const a of e.aliases) {
        const k = `${e.kind}|${normaliseName(a)}`;
        expect(seen.get(k), `${a} is an alias of both ${seen.get(k)} and ${e.name}`).toBeUndefined();
        seen.set(k, e.name);
      }
    }
  });
});
