import { PRESENCE_COLOURS } from '@rapporteur/shared/protocol';
import { describe, expect, it } from 'vitest';
import type { AwarenessEntry } from './awarenessFilter.ts';
import { chooseColour, colourCorrections, withFreeColour } from './colours.ts';
import type { Identity } from './connection.ts';

const purple = '#6a1b9a';
const person = (name: string, color: string, role: Identity['role'] = 'note-taker'): { identity: Identity } => ({
  identity: { name, color, role, tokenHash: null },
});

describe('chooseColour', () => {
  it('keeps the preference when nobody shows it, in any case of hex digits', () => {
    expect(chooseColour(purple, [])).toBe(purple);
    expect(chooseColour('#AA0000', ['#1f6feb'])).toBe('#aa0000');
  });

  it('gives the first free palette colour when the preference is taken', () => {
    expect(chooseColour(purple, [purple])).toBe(PRESENCE_COLOURS[0]);
    expect(chooseColour(purple, [purple, PRESENCE_COLOURS[0]])).toBe(PRESENCE_COLOURS[1]);
  });

  it('treats no preference, a malformed one and the fallback grey alike', () => {
    for (const preferred of [null, 'purple', '#6b7280', '#12345']) {
      expect(chooseColour(preferred, [PRESENCE_COLOURS[0]])).toBe(PRESENCE_COLOURS[1]);
    }
  });

  it('hands out every palette colour once before any twice, then the least used', () => {
    const taken: string[] = [];
    for (let i = 0; i < PRESENCE_COLOURS.length; i++) taken.push(chooseColour(purple, taken));
    expect(new Set(taken).size).toBe(PRESENCE_COLOURS.length);
    // a full room: the preference wins a tie, and the next one goes to the least used
    expect(chooseColour(purple, taken)).toBe(purple);
    expect(chooseColour(purple, [...taken, purple])).toBe(PRESENCE_COLOURS[0]);
  });
});

describe('withFreeColour', () => {
  it('avoids the colours of other writers but not of observers or of the same person', () => {
    const room = [person('Ann', purple), person('Obs', PRESENCE_COLOURS[0], 'observer')];
    expect(withFreeColour(person('Ben', purple).identity, room).color).toBe(PRESENCE_COLOURS[0]);
    expect(withFreeColour(person('Ann', purple).identity, room).color).toBe(purple);
    expect(withFreeColour(person('Eve', purple, 'observer').identity, room).color).toBe(purple);
  });
});

describe('colourCorrections', () => {
  const entry = (clock: number, user: object | null): AwarenessEntry => ({
    clientId: 7,
    clock,
    state: JSON.stringify(user && { cursor: null, user }),
  });

  it('sends the bound state one tick ahead when the client claims another colour', () => {
    const claimed = [entry(3, { name: 'Ben', color: purple })];
    const bound = [entry(3, { name: 'Ben', color: '#1f6feb', role: 'note-taker' })];
    expect(colourCorrections(claimed, bound, '#1f6feb')).toEqual([{ ...bound[0], clock: 4 }]);
  });

  it('sends nothing when the claim matches, names no colour, or the client leaves', () => {
    const bound = [entry(3, { name: 'Ben', color: '#1f6feb' })];
    expect(colourCorrections([entry(3, { name: 'Ben', color: '#1F6FEB' })], bound, '#1f6feb')).toEqual([]);
    expect(colourCorrections([entry(3, { name: 'Ben' })], bound, '#1f6feb')).toEqual([]);
    expect(colourCorrections([entry(3, null)], [entry(3, null)], '#1f6feb')).toEqual([]);
  });
});
