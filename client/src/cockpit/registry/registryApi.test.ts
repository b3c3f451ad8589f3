import type { RegistryEntry } from '@rapporteur/shared/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRegistry } from './registryApi.ts';

const entry = (i: number): RegistryEntry => ({
  id: `e${i}`,
  name: `Name ${String(i).padStart(4, '0')}`,
  kind: 'civil-society',
  aliases: [],
  affiliation: '',
  source: 'session',
  createdAt: '2017-01-24T00:00:00.000Z',
  updatedAt: '2017-01-24T00:00:00.000Z',
});

/** A server holding `all`, answering GET /api/registry?limit&offset as the real one does. */
function serve(all: RegistryEntry[]) {
  const urls: string[] = [];
  const fetchMock = vi.fn(async (url: string) => {
    urls.push(url);
    const q = new URL(url, 'http://x').searchParams;
    const offset = Number(q.get('offset') ?? 0);
    const limit = Number(q.get('limit'));
    return new Response(JSON.stringify({ entries: all.slice(offset, offset + limit), total: all.length }), {
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return urls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchRegistry', () => {
  it('fetches every page of a registry larger than one page', async () => {
    const all = Array.from({ length: 2_345 }, (_, i) => entry(i));
    const urls = serve(all);
    const got = await fetchRegistry('token', undefined, 1000);
    expect(got.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(urls).toEqual([
      '/api/registry?limit=1000&offset=0',
      '/api/registry?limit=1000&offset=1000',
      '/api/registry?limit=1000&offset=2000',
    ]);
  });

  it('asks once when everything fits, and stops on an exactly full last page', async () => {
    const urls = serve(Array.from({ length: 300 }, (_, i) => entry(i)));
    expect(await fetchRegistry(null)).toHaveLength(300);
    expect(urls).toHaveLength(1);
    const exact = serve(Array.from({ length: 20 }, (_, i) => entry(i)));
    expect(await fetchRegistry(null, undefined, 10)).toHaveLength(20);
    expect(exact).toHaveLength(2);
  });
});
