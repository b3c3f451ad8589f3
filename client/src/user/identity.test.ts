import { describe, expect, it } from 'vitest';
import { CARET_COLORS, MAX_NAME_LENGTH, parseIdentity, randomColor } from './identity.ts';

describe('user identity', () => {
  it('accepts a name with a 6-digit hex colour and trims the name', () => {
    expect(parseIdentity({ name: '  Ana  ', color: '#1f6feb' })).toEqual({ name: 'Ana', color: '#1f6feb' });
  });

  it('rejects empty names, short hex colours and other shapes', () => {
    expect(parseIdentity({ name: '   ', color: '#1f6feb' })).toBeNull();
    expect(parseIdentity({ name: 'Ana', color: '#fff' })).toBeNull();
    expect(parseIdentity({ name: 'Ana', color: 'red' })).toBeNull();
    expect(parseIdentity('Ana')).toBeNull();
    expect(parseIdentity(null)).toBeNull();
  });

  it('cuts names that would cover the text under a caret', () => {
    const long = 'x'.repeat(MAX_NAME_LENGTH + 10);
    expect(parseIdentity({ name: long, color: '#1f6feb' })?.name).toHaveLength(MAX_NAME_LENGTH);
  });

  it('picks colours only from the palette, all 6-digit hex', () => {
    expect(randomColor(() => 0)).toBe(CARET_COLORS[0]);
    expect(randomColor(() => 0.9999)).toBe(CARET_COLORS[CARET_COLORS.length - 1]);
    for (const c of CARET_COLORS) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
});
