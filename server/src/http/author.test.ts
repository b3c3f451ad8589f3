import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AUTHOR_HEADER, authorOf } from './author.ts';

const app = new Hono().get('/', (c) => c.text(authorOf(c, 'editor')));
const ask = async (value?: string) =>
  (await app.request('/', { headers: value === undefined ? {} : { [AUTHOR_HEADER]: value } })).text();

describe('authorOf', () => {
  it('decodes percent-encoded UTF-8 names', async () => {
    expect(await ask(encodeURIComponent('Łukasz Zoë 李'))).toBe('Łukasz Zoë 李');
  });

  it('takes an undecodable value as given, strips control characters, caps the length', async () => {
    expect(await ask('50% of Chair')).toBe('50% of Chair');
    expect(await ask(encodeURIComponent('A\u0007B'))).toBe('AB');
    expect(await ask('x'.repeat(100))).toHaveLength(60);
  });

  it('falls back to the role when no name is given', async () => {
    expect(await ask()).toBe('editor');
    expect(await ask('   ')).toBe('editor');
  });
});
