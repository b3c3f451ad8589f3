import { describe, expect, it } from 'vitest';
import { actorHeaders } from './actor.ts';

describe('actorHeaders', () => {
  it('percent-encodes the name so any script survives the ISO-8859-1 header', () => {
    expect(actorHeaders('Ana Ruiz')).toEqual({ 'x-rapporteur-user': 'Ana%20Ruiz' });
    const value = actorHeaders('Zoë Łukasz 李')['x-rapporteur-user']!;
    expect(/^[\x20-\x7e]+$/.test(value)).toBe(true);
    expect(decodeURIComponent(value)).toBe('Zoë Łukasz 李');
  });

  it('sends nothing for an empty name and strips control characters', () => {
    expect(actorHeaders('  ')).toEqual({});
    expect(decodeURIComponent(actorHeaders('A\u0007B')['x-rapporteur-user']!)).toBe('AB');
  });
});
