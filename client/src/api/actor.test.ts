import { describe, expect, it } from 'vitest';
import { actorHeaders } from './actor.ts';

describe('the acting user header', () => {
  it('carries a plain name as it is', () => {
    expect(actorHeaders('Ana Ruiz')).toEqual({ 'x-rapporteur-user': 'Ana Ruiz' });
  });

  it('keeps only what a header can carry: accents dropped only where needed, others replaced', () => {
    const value = actorHeaders('Zoë Łukasz 李 Ǆ')['x-rapporteur-user']!;
    expect(value).toBe('Zoë ?ukasz ? DZ');
    expect(() => new Headers({ 'x-rapporteur-user': value })).not.toThrow();
  });

  it('sends nothing for an empty name', () => {
    expect(actorHeaders('  ')).toEqual({});
  });
});
