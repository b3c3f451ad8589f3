import type { BlocksResponse, SearchResponse } from '@rapporteur/shared/api';
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ProjectionStore, takeSnapshot } from '../../server/src/projection/index.ts';
import { backends } from '../helpers/database.ts';
import { useTestServer } from '../helpers/testServer.ts';

const ADMIN = 'search-test-admin-token-0123456789';

interface BlockSpec {
  speaker: string;
  affiliation?: string;
  onBehalfOf?: string;
  startedAt?: string;
  status?: string;
  statusBy?: string;
  statusAt?: string;
  text: string;
}

/** A record document: optional agenda item, then the blocks. */
function recordDoc(agendaItem: string | null, blocks: BlockSpec[]): Y.Doc {
  const doc = new Y.Doc();
  const f = doc.getXmlFragment(RECORD_FIELD);
  if (agendaItem) {
    const item = new Y.XmlElement('agendaItem');
    item.setAttribute('id', 'item-1');
    item.insert(0, [new Y.XmlText(agendaItem)]);
    f.push([item]);
  }
  blocks.forEach((b, i) => {
    const el = new Y.XmlElement('speakerBlock');
    el.setAttribute('id', `block-${i}`);
    el.setAttribute('speaker', b.speaker);
    el.setAttribute('affiliation', b.affiliation ?? '');
    el.setAttribute('onBehalfOf', b.onBehalfOf ?? '');
    el.setAttribute('kind', 'member-state');
    el.setAttribute('startedAt', b.startedAt ?? '');
    el.setAttribute('status', b.status ?? 'draft');
    el.setAttribute('statusBy', b.statusBy ?? '');
    el.setAttribute('statusAt', b.statusAt ?? '');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(b.text)]);
    el.insert(0, [p]);
    f.push([el]);
  });
  return doc;
}

describe.each(backends())('search and blocks API on %s', (backend) => {
  const suite = useTestServer(backend, { env: { ADMIN_TOKEN: ADMIN } });
  const ids = { a: '', b: '', c: '' };
  let privateToken = '';
  let otherToken = '';

  const get = async (path: string, token?: string) => {
    const res = await fetch(
      `${suite.server.url}${path}`,
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const search = async (query: string, token: string | null = ADMIN) => {
    const res = await get(`/api/search?${query}`, token ?? undefined);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as unknown as SearchResponse;
  };
  const speakersOf = (r: SearchResponse) => r.hits.map((h) => h.speaker);

  beforeAll(async () => {
    const store = new ProjectionStore(suite.db);
    const a = await suite.server.sessions.create({
      title: 'CND intersessional: supply reduction',
      startsAt: '2017-01-24T09:00:00Z',
    });
    const b = await suite.server.sessions.create({ title: 'CND 60th session', startsAt: '2017-03-15T09:00:00Z' });
    const c = await suite.server.sessions.create({ title: 'Private drafting group', startsAt: '2018-06-01T09:00:00Z' });
    Object.assign(ids, { a: a.id, b: b.id, c: c.id });
    await suite.server.sessions.setPublic(a.id, true);
    await suite.server.sessions.setPublic(b.id, true);
    privateToken = new URL((await suite.server.access.mintAll(c.id)).observer, 'http://x').searchParams.get('token')!;
    otherToken = new URL((await suite.server.access.mintAll(a.id)).observer, 'http://x').searchParams.get('token')!;
    const docs: [string, Y.Doc][] = [
      [
        a.id,
        recordDoc('Agenda item 3: money laundering', [
          {
            speaker: 'Alexis Fishincker',
            affiliation: 'UNODC',
            status: 'checked',
            statusBy: 'Secretariat editor',
            statusAt: '2017-01-24T16:05:00.000Z',
            text: 'Mixers are a new way of money laundering. One case managed to launder 22 billion dollars; laundering over the internet is paid in bitcoin.',
          },
          {
            speaker: 'Malta',
            onBehalfOf: 'the European Union',
            text: 'Information on drug trafficking, money laundering and illicit financial flows would help intelligence-led policing.',
          },
          {
            speaker: '<img src=x onerror=alert(1)>',
            text: 'Hostile laundering text with <b>bold</b> & \uE000fake marker\uE001 inside.',
          },
          { speaker: '100% Club_', text: 'Nothing about finance here, only wildcards.' },
          {
            speaker: 'Russian Federation',
            startedAt: '2017-01-25T10:00:00Z',
            text: 'Afghanistan remains the main source of opiates.',
          },
        ]),
      ],
      [
        b.id,
        recordDoc(null, [
          { speaker: 'Russian Federation', text: 'We discussed Afghanistan and money laundering at length.' },
          { speaker: 'Chair', status: 'final', text: 'Thank you. The meeting is adjourned.' },
        ]),
      ],
      [c.id, recordDoc(null, [{ speaker: 'UNODC', text: 'A private draft about money laundering.' }])],
    ];
    for (const [sessionId, doc] of docs) await store.write(takeSnapshot({ sessionId, doc }), null);
  });

  it('finds statements by stem, ranks the densest match first, and highlights the matches', async () => {
    const r = await search('q=laundering');
    expect(r.total).toBe(5);
    expect(r.hits[0]!.speaker).toBe('Alexis Fishincker');
    expect(r.hits[0]).toMatchObject({
      sessionId: ids.a,
      sessionTitle: 'CND intersessional: supply reduction',
      affiliation: 'UNODC',
      status: 'checked',
      agendaItemTitle: 'Agenda item 3: money laundering',
      date: '2017-01-24T09:00:00.000Z',
    });
    const marked = r.hits[0]!.snippet.filter((s) => s.highlight).map((s) => s.text.toLowerCase());
    expect(marked.length).toBeGreaterThanOrEqual(2);
    for (const m of marked) expect(m).toMatch(/^launder/);
    for (let i = 1; i < r.hits.length; i++) expect(r.hits[i - 1]!.rank).toBeGreaterThanOrEqual(r.hits[i]!.rank);
  });

  it('understands web-search syntax: phrases and exclusions', async () => {
    expect(speakersOf(await search(`q=${encodeURIComponent('"money laundering" -malta')}`)).sort()).toEqual([
      'Alexis Fishincker',
      'Russian Federation',
      'UNODC',
    ]);
  });

  it('filters by speaker, affiliation, session and date range', async () => {
    expect(speakersOf(await search('q=laundering&speaker=russia'))).toEqual(['Russian Federation']);
    expect(speakersOf(await search('q=laundering&affiliation=european%20union'))).toEqual(['Malta']);
    expect(speakersOf(await search('affiliation=unodc'))).toEqual(['Alexis Fishincker']);
    const inB = await search(`q=afghanistan&session=${ids.b}`);
    expect(inB.hits.map((h) => h.sessionId)).toEqual([ids.b]);
    // the block's own start time wins over the session's date
    expect(speakersOf(await search('q=afghanistan&from=2017-01-25&to=2017-01-25'))).toEqual(['Russian Federation']);
    expect((await search('q=afghanistan&from=2017-01-25&to=2017-01-25')).hits[0]!.sessionId).toBe(ids.a);
    expect((await search('q=afghanistan&to=2017-01-24')).total).toBe(0);
    expect((await search('q=laundering&from=2017-03-01T00:00:00Z')).hits.map((h) => h.sessionId).sort()).toEqual(
      [ids.b, ids.c].sort(),
    );
  });

  it('paginates with a stable total', async () => {
    const first = await search('q=laundering&limit=2');
    const second = await search('q=laundering&limit=2&offset=2');
    const beyond = await search('q=laundering&limit=2&offset=50');
    expect([first.total, second.total, beyond.total]).toEqual([5, 5, 5]);
    expect(first.hits).toHaveLength(2);
    expect(beyond.hits).toEqual([]);
    const all = await search('q=laundering&limit=10');
    expect([...first.hits, ...second.hits].map((h) => h.blockId + h.sessionId)).toEqual(
      all.hits.slice(0, 4).map((h) => h.blockId + h.sessionId),
    );
  });

  it('searches only what the caller may read', async () => {
    const sessionsOf = (r: SearchResponse) => [...new Set(r.hits.map((h) => h.sessionId))].sort();
    expect(sessionsOf(await search('q=laundering', null))).toEqual([ids.a, ids.b].sort());
    expect(sessionsOf(await search('q=laundering', privateToken))).toEqual([ids.a, ids.b, ids.c].sort());
    expect(sessionsOf(await search('q=laundering', otherToken))).toEqual([ids.a, ids.b].sort());
    expect((await get('/api/search?q=laundering', 'not-a-real-token-at-all-000000000000')).status).toBe(401);
  });

  it('returns hostile strings as plain data: no markup is built from them', async () => {
    const r = await search('q=hostile');
    expect(r.hits).toHaveLength(1);
    const hit = r.hits[0]!;
    expect(hit.speaker).toBe('<img src=x onerror=alert(1)>');
    const text = hit.snippet.map((s) => s.text).join('');
    expect(text).toContain('<b>bold</b> &');
    expect(text).not.toMatch(/[\uE000\uE001]/);
    expect(hit.snippet.filter((s) => s.highlight).map((s) => s.text)).toEqual(['Hostile']);
  });

  it.each([
    ['a NUL byte in q', 'q=a%00b', 'q'],
    ['a 10 KB q', `q=${'x'.repeat(10_240)}`, 'q'],
    ['a 10 KB speaker', `speaker=${'y'.repeat(10_240)}`, 'speaker'],
    ['an impossible date', 'from=2017-02-30', 'from'],
    ['a word for a date', 'from=yesterday', 'from'],
    ['a date-time without a time zone', 'to=2017-01-24T10:00', 'to'],
    ['a range that ends before it starts', 'from=2017-02-01&to=2017-01-01', 'from'],
    ['a zero limit', 'limit=0', 'limit'],
    ['a non-numeric limit', 'limit=abc', 'limit'],
    ['a huge limit', 'limit=1000', 'limit'],
    ['a negative offset', 'offset=-1', 'offset'],
    ['SQL for a session id', 'session=1%20OR%201%3D1', 'session'],
  ])('rejects %s with a 400 naming the parameter', async (_label, query, field) => {
    const r = await get(`/api/search?${query}`, ADMIN);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'bad_request' } });
    expect((r.body.error as { message: string }).message).toContain(field);
  });

  it.each([
    "'; DROP TABLE speaker_blocks; --",
    '!!! & | <-> :* ( ) \\',
    'laundering & !',
    'or or or -',
    '"unterminated phrase',
    'the',
    '%E0%A4%A',
  ])('answers the operator or injection payload %j with results, not an error', async (q) => {
    const r = await get(`/api/search?q=${encodeURIComponent(q)}`, ADMIN);
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body.hits)).toBe(true);
  });

  it('survives malformed percent-encoding and keeps its tables', async () => {
    const r = await get('/api/search?q=%E0%A4%A&speaker=%FF', ADMIN);
    expect([200, 400]).toContain(r.status);
    expect((await search('q=laundering')).total).toBe(5);
  });

  it('treats LIKE wildcards in filters literally', async () => {
    expect(speakersOf(await search('speaker=%25'))).toEqual(['100% Club_']);
    expect(speakersOf(await search('speaker=_'))).toEqual(['100% Club_']);
    expect((await search('speaker=%25%25%25')).total).toBe(0);
    expect((await search(`speaker=${encodeURIComponent('\\')}`)).total).toBe(0);
  });

  it('lists a session’s blocks in order with its agenda items, filtered', async () => {
    const all = await get(`/api/sessions/${ids.a}/blocks`);
    expect(all.status).toBe(200);
    const body = all.body as unknown as BlocksResponse;
    expect(body.agendaItems).toEqual([{ id: 'item-1', position: 0, title: 'Agenda item 3: money laundering' }]);
    expect(body.blocks.map((b) => b.position)).toEqual([0, 1, 2, 3, 4]);
    expect(body.blocks[1]).toMatchObject({
      speaker: 'Malta',
      onBehalfOf: 'the European Union',
      agendaItemId: 'item-1',
      status: 'draft',
      statusBy: '',
      statusAt: '',
    });
    // who checked a statement, and when, is part of the data
    expect(body.blocks[0]).toMatchObject({
      status: 'checked',
      statusBy: 'Secretariat editor',
      statusAt: '2017-01-24T16:05:00.000Z',
    });
    expect(body.projectedAt).not.toBeNull();
    const blocks = async (q: string) =>
      ((await get(`/api/sessions/${ids.a}/blocks?${q}`)).body as unknown as BlocksResponse).blocks.map(
        (b) => b.speaker,
      );
    expect(await blocks('speaker=MALTA')).toEqual(['Malta']);
    expect(await blocks('status=checked')).toEqual(['Alexis Fishincker']);
    expect(await blocks('agendaItem=item-1')).toHaveLength(5);
    expect(await blocks('agendaItem=nope')).toEqual([]);
    expect(await blocks('speaker=%25')).toEqual(['100% Club_']);
  });

  it('guards and validates the blocks route', async () => {
    expect((await get(`/api/sessions/${ids.a}/blocks?status=bogus`)).status).toBe(400);
    expect((await get(`/api/sessions/${ids.a}/blocks?speaker=a%00`)).status).toBe(400);
    expect((await get('/api/sessions/not-a-uuid/blocks')).status).toBe(400);
    expect((await get(`/api/sessions/${crypto.randomUUID()}/blocks`, ADMIN)).status).toBe(404);
    expect((await get(`/api/sessions/${ids.c}/blocks`)).status).toBe(401);
    expect((await get(`/api/sessions/${ids.c}/blocks`, otherToken)).status).toBe(403);
    expect((await get(`/api/sessions/${ids.c}/blocks`, privateToken)).status).toBe(200);
  });
});
