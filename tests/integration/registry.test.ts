import type { RegistryEntry, RegistryListResponse, SessionSpeakersResponse } from '@rapporteur/shared/api';
import { SEED_ENTRIES, type SeedEntry } from '@rapporteur/shared/registry';
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProjectionStore, takeSnapshot } from '../../server/src/projection/index.ts';
import { seedRegistry } from '../../server/src/registry/index.ts';
import { backends } from '../helpers/database.ts';
import { newSession, type SessionTokens } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';

// An explicit admin token: without one, every request from this machine would count as admin.
const ADMIN = 'registry-test-admin-token-0123456789';

/** A record document with the given speaker blocks (id, speaker, affiliation, on behalf of). */
function recordDoc(blocks: [string, string, string, string][]): Y.Doc {
  const doc = new Y.Doc();
  const f = doc.getXmlFragment(RECORD_FIELD);
  for (const [id, speaker, affiliation, onBehalfOf] of blocks) {
    const el = new Y.XmlElement('speakerBlock');
    for (const [k, v] of Object.entries({
      id,
      speaker,
      affiliation,
      onBehalfOf,
      kind: 'member-state',
      status: 'draft',
    })) {
      el.setAttribute(k, v);
    }
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Thank you, Chair.')]);
    el.insert(0, [p]);
    f.push([el]);
  }
  return doc;
}

describe.each(backends())('speaker registry API on %s', (backend) => {
  const suite = useTestServer(backend, { env: { ADMIN_TOKEN: ADMIN } });
  let s: SessionTokens;
  let other: SessionTokens;

  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${suite.server.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const search = async (query: string, token: string = s.noteTaker) => {
    const res = await call('GET', `/api/registry?${query}`, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as unknown as RegistryListResponse).entries;
  };
  const speakers = async (query = '', token: string = s.noteTaker) => {
    const res = await call('GET', `/api/sessions/${s.id}/speakers${query}`, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as unknown as SessionSpeakersResponse;
  };

  beforeAll(async () => {
    s = await newSession(suite.server);
    other = await newSession(suite.server, 'Another meeting');
  });

  describe('reading', () => {
    it('needs a note-taker or editor link of some session, or the admin token', async () => {
      expect((await call('GET', '/api/registry?q=US', null)).status).toBe(401);
      expect((await call('GET', '/api/registry?q=US', 'not-a-real-token')).status).toBe(401);
      expect((await call('GET', '/api/registry?q=US', s.observer)).status).toBe(403);
      expect((await call('GET', '/api/registry?q=US', s.noteTaker)).status).toBe(200);
      expect((await call('GET', '/api/registry?q=US', other.editor)).status).toBe(200);
      expect((await call('GET', '/api/registry?q=US', ADMIN)).status).toBe(200);
    });

    it('is seeded with the whole built-in directory on first use', async () => {
      const all = await search('limit=1000', ADMIN);
      expect(all.length).toBe(SEED_ENTRIES.length);
      expect(all.filter((e) => e.kind === 'member-state')).toHaveLength(193);
      expect(all.every((e) => e.source === 'seed')).toBe(true);
      // alphabetical without a query
      const names = all.map((e) => e.name);
      expect(names.slice(0, 3)).toEqual(['Afghanistan', 'African Group', 'African Union']);
    });

    it('pages through the alphabetical listing with offset, saying how many entries it holds', async () => {
      const page = async (query: string) => {
        const res = await call('GET', `/api/registry?${query}`, ADMIN);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body as unknown as RegistryListResponse;
      };
      const whole = await page('limit=1000');
      expect(whole.total).toBe(whole.entries.length);
      const first = await page('limit=100');
      const second = await page('limit=100&offset=100');
      expect(first.total).toBe(whole.total);
      expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(
        whole.entries.slice(0, 200).map((e) => e.id),
      );
      const beyond = await page(`limit=10&offset=${whole.total}`);
      expect(beyond).toEqual({ entries: [], total: whole.total });
      // with a query, total counts the matches
      const found = await page('q=Russ');
      expect(found.total).toBe(found.entries.length);
    });

    it('ranks short forms and prefixes the way the shared matcher does', async () => {
      expect((await search('q=US'))[0]).toMatchObject({ name: 'United States of America', matched: 'US' });
      expect((await search('q=Russ'))[0]!.name).toBe('Russian Federation');
      expect((await search('q=uk'))[0]!.name).toBe('United Kingdom of Great Britain and Northern Ireland');
      expect((await search('q=EU&kind=group'))[0]!.name).toBe('European Union and its Member States');
      const groupsOrIgos = await search('q=african&kind=group,intergovernmental');
      expect(groupsOrIgos.map((e) => e.name).slice(0, 2)).toEqual(['African Group', 'African Union']);
      expect(groupsOrIgos.every((e) => e.kind === 'group' || e.kind === 'intergovernmental')).toBe(true);
      expect(await search('q=zzqx')).toEqual([]);
      expect(await search('q=a&limit=3')).toHaveLength(3);
    });

    it('refuses malformed queries with a 400 and treats hostile text as text', async () => {
      for (const q of [
        'kind=bogus',
        'kind=group,,',
        'limit=0',
        'limit=1001',
        'limit=abc',
        'limit=-1',
        'offset=-1',
        'offset=1000001',
        'offset=x',
        `q=${'x'.repeat(201)}`,
        'q=a%00b',
      ]) {
        const res = await call('GET', `/api/registry?${q}`, s.noteTaker);
        expect(res.status, q).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'bad_request' });
      }
      for (const q of ["'; DROP TABLE speakers; --", '%_\\', '<script>alert(1)</script>', 'Ⅻ𝔘𝔖', '\u202eSU']) {
        const res = await call('GET', `/api/registry?q=${encodeURIComponent(q)}`, s.noteTaker);
        expect(res.status, q).toBe(200);
      }
      expect(await search('limit=1000', ADMIN)).toHaveLength(SEED_ENTRIES.length);
    });
  });

  describe('seeding', () => {
    it('is idempotent, adds new built-in entries, updates changed ones, and never overwrites an edit', async () => {
      expect(await seedRegistry(suite.db)).toBeNull(); // already seeded by the first request
      const malta = (await search('q=Malta'))[0]!;
      const patched = await call('PATCH', `/api/registry/${malta.id}`, s.editor, { aliases: ['MLT'] });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);

      const changed: SeedEntry[] = SEED_ENTRIES.map((e) =>
        e.key === 'state:PER' || e.key === 'state:MLT' ? { ...e, aliases: [...e.aliases, 'Changed'] } : e,
      );
      changed.push({ key: 'state:XXX', name: 'Freedonia', kind: 'member-state', aliases: [] });
      // twice at once, as two processes starting together would: one does the work
      const results = await Promise.all([seedRegistry(suite.db, changed), seedRegistry(suite.db, changed)]);
      expect(results.filter(Boolean)).toEqual([{ inserted: 1, updated: 1 }]);
      expect((await search('q=Peru'))[0]!.aliases).toContain('Changed');
      expect((await search('q=Malta'))[0]!.aliases).toEqual(['MLT']);
      expect((await search('q=Freedonia'))[0]!.name).toBe('Freedonia');
      expect(await seedRegistry(suite.db, changed)).toBeNull();
      // the real data again (as the next release would be): Peru's extra alias goes away
      expect(await seedRegistry(suite.db)).toEqual({ inserted: 0, updated: 1 });
      await suite.db.query('DELETE FROM speakers WHERE seed_key = $1', ['state:XXX']);
    });
  });

  describe('adding', () => {
    const idpc = { name: 'International Drug Policy Consortium', kind: 'civil-society', aliases: ['IDPC', 'idpc'] };

    it('lets a note-taker add an organisation for their session; the same name again returns the entry', async () => {
      const first = await call('POST', '/api/registry', s.noteTaker, { ...idpc, sessionId: s.id });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({
        name: idpc.name,
        kind: 'civil-society',
        aliases: ['idpc'],
        source: 'session',
        created: true,
      });
      const again = await call('POST', '/api/registry', s.editor, {
        name: '  international   DRUG policy consortium ',
        kind: 'civil-society',
        sessionId: s.id,
      });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: first.body.id, created: false });
      expect((await search('q=IDPC'))[0]!.id).toBe(first.body.id);
    });

    it('tells people of the same name apart by affiliation', async () => {
      const a = await call('POST', '/api/registry', s.noteTaker, {
        name: 'Jane Smith',
        kind: 'person',
        affiliation: 'UNODC',
        sessionId: s.id,
      });
      const b = await call('POST', '/api/registry', s.noteTaker, {
        name: 'Jane Smith',
        kind: 'person',
        affiliation: 'IDPC',
        sessionId: s.id,
      });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).not.toBe(b.body.id);
    });

    it('refuses observers, links of another session, and an admin naming an unknown session', async () => {
      const body = { name: 'Some NGO', kind: 'civil-society', sessionId: s.id };
      expect((await call('POST', '/api/registry', null, body)).status).toBe(401);
      expect((await call('POST', '/api/registry', s.observer, body)).status).toBe(403);
      expect((await call('POST', '/api/registry', other.noteTaker, body)).status).toBe(403);
      const unknown = { ...body, sessionId: '00000000-0000-4000-8000-000000000000' };
      expect((await call('POST', '/api/registry', ADMIN, unknown)).status).toBe(404);
      expect((await call('POST', '/api/registry', s.noteTaker, unknown)).status).toBe(403);
    });

    it('validates the body: 400 for bad kinds, names, aliases, JSON', async () => {
      const ok = { name: 'Valid NGO', kind: 'civil-society', sessionId: s.id };
      const bad: unknown[] = [
        { ...ok, kind: 'member-state' }, // States come with the built-in directory
        { ...ok, kind: 'nonsense' },
        { ...ok, name: '' },
        { ...ok, name: '   ' },
        { ...ok, name: '...' },
        { ...ok, name: 'x'.repeat(201) },
        { ...ok, name: 'bell\u0007' },
        { ...ok, name: 'nul\u0000' },
        { ...ok, name: 42 },
        { ...ok, aliases: 'IDPC' },
        { ...ok, aliases: Array.from({ length: 21 }, (_, i) => `A${i}`) },
        { ...ok, aliases: [''] },
        { ...ok, affiliation: 'y'.repeat(201) },
        { ...ok, sessionId: 'not-a-uuid' },
        { ...ok, sessionId: undefined },
        [ok],
        null,
        'not json at all',
        '{"name": ',
      ];
      for (const body of bad) {
        const res = await call('POST', '/api/registry', s.noteTaker, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'bad_request' });
      }
    });

    it('stores hostile names verbatim as data, not as markup or SQL', async () => {
      const name = "<img src=x onerror=alert(1)>'); DROP TABLE speakers; --";
      const res = await call('POST', '/api/registry', s.noteTaker, { name, kind: 'other', sessionId: s.id });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe(name);
      expect((await search(`q=${encodeURIComponent('onerror')}`))[0]!.name).toBe(name);
    });
  });

  describe('correcting', () => {
    it('lets editors (of any session) and the admin change an entry; note-takers and observers may not', async () => {
      const ngo = (
        await call('POST', '/api/registry', s.noteTaker, {
          name: 'Dianova Intl',
          kind: 'civil-society',
          sessionId: s.id,
        })
      ).body;
      expect(
        (await call('PATCH', `/api/registry/${ngo.id}`, s.noteTaker, { name: 'Dianova International' })).status,
      ).toBe(403);
      expect(
        (await call('PATCH', `/api/registry/${ngo.id}`, s.observer, { name: 'Dianova International' })).status,
      ).toBe(403);
      expect((await call('PATCH', `/api/registry/${ngo.id}`, null, { name: 'Dianova International' })).status).toBe(
        401,
      );
      const byEditor = await call('PATCH', `/api/registry/${ngo.id}`, other.editor, {
        name: 'Dianova International',
        aliases: ['Dianova'],
      });
      expect(byEditor.status, JSON.stringify(byEditor.body)).toBe(200);
      expect(byEditor.body).toMatchObject({
        name: 'Dianova International',
        aliases: ['Dianova'],
        kind: 'civil-society',
      });
      const byAdmin = await call('PATCH', `/api/registry/${ngo.id}`, ADMIN, { kind: 'intergovernmental' });
      expect(byAdmin.body).toMatchObject({ name: 'Dianova International', kind: 'intergovernmental' });
    });

    it('answers 409 when the change would duplicate another entry, 404 for an unknown id, 400 for bad input', async () => {
      const peru = (await search('q=Peru'))[0]!;
      expect((await call('PATCH', `/api/registry/${peru.id}`, s.editor, { name: 'CHILE' })).status).toBe(409);
      expect(
        (await call('PATCH', '/api/registry/00000000-0000-4000-8000-000000000000', s.editor, { name: 'X' })).status,
      ).toBe(404);
      expect((await call('PATCH', '/api/registry/not-a-uuid', s.editor, { name: 'X' })).status).toBe(400);
      expect((await call('PATCH', `/api/registry/${peru.id}`, s.editor, {})).status).toBe(400);
      expect((await call('PATCH', `/api/registry/${peru.id}`, s.editor, { kind: 'planet' })).status).toBe(400);
      expect((await call('PATCH', `/api/registry/${peru.id}`, s.editor, '[')).status).toBe(400);
      expect((await search('q=Peru'))[0]!.name).toBe('Peru');
    });
  });

  describe('speakers of a session', () => {
    beforeAll(async () => {
      const doc = recordDoc([
        ['b1', 'Malta', '', 'European Union and its Member States'],
        ['b2', 'Brazil', '', ''],
        ['b3', 'Alexis Fishincker', 'UNODC', ''],
        ['b4', 'Brazil (right of reply)', '', ''],
        ['b5', 'Wakanda', '', 'Group of Friends of Nowhere'],
        ['b6', 'Russia', '', ''],
      ]);
      await new ProjectionStore(suite.db).write(takeSnapshot({ sessionId: s.id, doc }), null);
    });

    it('lists who spoke (a right of reply counts for the same delegation) with their registry entries', async () => {
      const r = await speakers();
      expect(r.spoken.map((p) => [p.speaker, p.blocks])).toEqual([
        ['Malta', 1],
        ['Brazil', 2],
        ['Alexis Fishincker', 1],
        ['Wakanda', 1],
        ['Russia', 1],
      ]);
      const registry = await search('q=Russian Federation');
      expect(r.spoken.find((p) => p.speaker === 'Russia')!.registryId).toBe(registry[0]!.id);
      expect(r.spoken.find((p) => p.speaker === 'Wakanda')!.registryId).toBeNull();
    });

    it('flags names the registry does not know, until someone adds them', async () => {
      const unknown = (r: SessionSpeakersResponse) => r.unknown.map((u) => [u.field, u.name, u.blockIds]);
      expect(unknown(await speakers())).toEqual([
        ['speaker', 'Alexis Fishincker', ['b3']],
        ['speaker', 'Wakanda', ['b5']],
        ['onBehalfOf', 'Group of Friends of Nowhere', ['b5']],
      ]);
      const added = await call('POST', '/api/registry', s.noteTaker, {
        name: 'Alexis Fishincker',
        kind: 'person',
        affiliation: 'UNODC',
        sessionId: s.id,
      });
      expect(added.status).toBe(201);
      expect(unknown(await speakers()).map((u) => u[1])).toEqual(['Wakanda', 'Group of Friends of Nowhere']);
    });

    it("suggests this session's speakers first, then the registry, each once", async () => {
      const bra = (await speakers('?q=bra')).suggestions;
      expect(bra[0]).toMatchObject({
        name: 'Brazil',
        source: 'session',
        kind: 'member-state',
        speakerKind: 'member-state',
      });
      expect(bra.filter((x) => x.name === 'Brazil')).toHaveLength(1);
      const russ = (await speakers('?q=Russ')).suggestions;
      // the session wrote "Russia": found under its registry name too, and not repeated from the registry
      expect(russ[0]).toMatchObject({ name: 'Russia', source: 'session' });
      expect(russ.find((x) => x.name === 'Russian Federation')).toBeUndefined();
      const eu = (await speakers('?q=EU&limit=3')).suggestions;
      expect(eu).toHaveLength(3);
      expect(eu[0]).toMatchObject({ name: 'European Union', source: 'registry', speakerKind: 'intergovernmental' });
      expect((await speakers()).suggestions).toEqual([]);
    });

    it('is for note-takers and editors of the session (and the admin), and validates its input', async () => {
      expect((await call('GET', `/api/sessions/${s.id}/speakers`, s.observer)).status).toBe(403);
      expect((await call('GET', `/api/sessions/${s.id}/speakers`, other.noteTaker)).status).toBe(403);
      expect((await call('GET', `/api/sessions/${s.id}/speakers`, null)).status).toBe(401);
      expect((await call('GET', `/api/sessions/${s.id}/speakers`, s.editor)).status).toBe(200);
      expect((await call('GET', `/api/sessions/${s.id}/speakers`, ADMIN)).status).toBe(200);
      expect((await call('GET', '/api/sessions/00000000-0000-4000-8000-000000000000/speakers', ADMIN)).status).toBe(
        404,
      );
      expect((await call('GET', '/api/sessions/not-a-uuid/speakers', ADMIN)).status).toBe(400);
      expect((await call('GET', `/api/sessions/${s.id}/speakers?limit=500`, s.editor)).status).toBe(400);
      expect((await call('GET', `/api/sessions/${s.id}/speakers?q=${'x'.repeat(300)}`, s.editor)).status).toBe(400);
    });
  });

  it('keeps entries valid against the response schema', async () => {
    const all = await search('limit=1000', ADMIN);
    const { RegistryEntry: Schema } = await import('@rapporteur/shared/api');
    for (const e of all) expect(() => Schema.parse(e as RegistryEntry)).not.toThrow();
  });
});
