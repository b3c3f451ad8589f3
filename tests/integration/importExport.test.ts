import { extractRecord } from '@rapporteur/shared/blocks';
import { type ParsedRecord, parseText } from '@rapporteur/shared/record';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { appendSpeakerBlock } from '../helpers/record.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { newSession } from '../helpers/sessions.ts';
import { useTestServer } from '../helpers/testServer.ts';
import { readFixture } from '@rapporteur/shared/testing';

// the fixture lives beside the repository; these tests are skipped where it is absent
const fixture = readFixture() ?? '';
const withFixture = fixture ? describe : describe.skip;
const asAdmin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

interface ImportResponse {
  session: { id: string; title: string; startsAt: string; links: { editor: string; observer: string } };
  record: ParsedRecord;
  summary: { blocks: number; speakers: string[]; date: string | null };
}

withFixture.each(backends())('import and export on %s', (backend) => {
  const suite = useTestServer(backend);

  const post = (path: string, body: string, type = 'application/json') =>
    fetch(`${suite.server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': type, ...asAdmin },
      body,
    });
  const importFixture = async (): Promise<ImportResponse> => {
    const res = await post('/api/sessions/import', JSON.stringify({ text: fixture }));
    expect(res.status).toBe(201);
    return (await res.json()) as ImportResponse;
  };
  const exportOf = (id: string, format: string) =>
    fetch(`${suite.server.url}/api/sessions/${id}/export?format=${format}`, { headers: asAdmin });

  it('importing the fixture creates a session whose live document holds its fifteen statements', async () => {
    const imported = await importFixture();
    expect(imported.summary.blocks).toBe(15);
    expect(imported.summary.date).toBe('2017-01-24');
    expect(imported.session.title).toMatch(/^CND intersessional: 24 January 2017/);
    expect(imported.session.startsAt).toBe('2017-01-24T00:00:00.000Z');
    expect(imported.record).toEqual(parseText(fixture));

    const client = suite.connect(imported.session, { token: tokenOf(imported.session.links.editor) });
    await client.synced();
    await waitFor(() => extractRecord(client.doc).blocks.length === 15, 'imported blocks reach the editor');
    const blocks = extractRecord(client.doc).blocks;
    expect(blocks[0]).toMatchObject({ speaker: 'UNODC', kind: 'un-entity' });
    expect(blocks[4]).toMatchObject({ speaker: 'Malta', onBehalfOf: 'European Union', kind: 'member-state' });
    expect(blocks[14]).toMatchObject({ speaker: 'Amaya Ordorika Imaz', kind: 'civil-society' });
  });

  it('a dry run returns the parse for a preview and creates nothing', async () => {
    const before = (await suite.server.sessions.list()).length;
    for (const path of ['/api/sessions/import?dryRun=1', '/api/sessions/import/preview']) {
      const res = await post(path, JSON.stringify({ text: fixture }));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { record: ParsedRecord; summary: { blocks: number } };
      expect(body.summary.blocks).toBe(15);
      expect(body.record.sections[0]!.blocks[4]!.paragraphs.at(-1)).toBe('Thank you, Chair.');
    }
    expect((await suite.server.sessions.list()).length).toBe(before);
  });

  it('accepts a text/plain body with the title in the query', async () => {
    const res = await post(
      '/api/sessions/import?title=Plenary%20notes',
      'Chair: Welcome.\nPeru: Thank you.',
      'text/plain',
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as ImportResponse;
    expect(body.session.title).toBe('Plenary notes');
    // one statement per line, no blank lines between: each line opens its own block
    expect(body.summary.speakers).toEqual(['Chair', 'Peru']);
    expect(body.record.title).toBe('Untitled record');
  });

  it('answers bad imports with a clear 400 and creates nothing', async () => {
    const before = (await suite.server.sessions.list()).length;
    const cases: [string, string][] = [
      [JSON.stringify({ text: '   ' }), 'text is required'],
      [JSON.stringify({ title: 'x' }), 'text'],
      ['{not json', 'body must be JSON'],
      [JSON.stringify({ text: 'Leave a Reply\n\nanything' }), 'no record found'],
      [JSON.stringify({ text: 'Peru. Yes.', title: 'x'.repeat(301) }), 'title must be at most'],
      [JSON.stringify({ text: 'Peru. Yes.', startsAt: 'yesterday' }), 'startsAt'],
    ];
    for (const [body, message] of cases) {
      const res = await post('/api/sessions/import', body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
    }
    expect((await suite.server.sessions.list()).length).toBe(before);
  });

  it('exports the minutes in every format with the right type and file name', async () => {
    const { session } = await importFixture();
    const expected: Record<string, string> = {
      md: 'text/markdown; charset=utf-8',
      html: 'text/html; charset=utf-8',
      txt: 'text/plain; charset=utf-8',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      json: 'application/json; charset=utf-8',
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await exportOf(session.id, format);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="cnd-intersessional-24-january-2017-operational-2017-01-24.${format}"`,
      );
    }
    const text = await (await exportOf(session.id, 'txt')).text();
    expect(parseText(text)).toEqual(parseText(fixture));
    const html = await (await exportOf(session.id, 'html')).text();
    expect(html.match(/<article class="statement"/g)).toHaveLength(15);
    const json = (await (await exportOf(session.id, 'json')).json()) as { attendance: { kind: string }[] };
    expect(json.attendance.map((g) => g.kind)).toEqual(['member-state', 'un-entity', 'civil-society']);
    const docx = new Uint8Array(await (await exportOf(session.id, 'docx')).arrayBuffer());
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe('PK');
    const inline = await fetch(`${suite.server.url}/api/sessions/${session.id}/export?format=html&disposition=inline`, {
      headers: asAdmin,
    });
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(inline.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('exports what is being typed in a live room, and the stored document once the room is gone', async () => {
    const { id, editor } = await newSession(suite.server, 'Live export');
    const client = suite.connect(id, { token: editor });
    await client.synced();
    appendSpeakerBlock(client.doc, { speaker: 'Peru' }, 'We support the draft.');
    await waitFor(
      async () => (await (await exportOf(id, 'txt')).text()).includes('Peru. We support the draft.'),
      'live text in export',
    );
    await client.save.whenSaved();
    client.destroy();
    await waitFor(() => suite.server.rooms.loadedRoom(id) === undefined, 'room unloads');
    expect(await (await exportOf(id, 'md')).text()).toContain('**Peru.** We support the draft.');
  });

  it('keeps hostile speaker names inert in HTML and Markdown exports', async () => {
    const { id, editor } = await newSession(suite.server, '<script>alert("t")</script>');
    const client = suite.connect(id, { token: editor });
    await client.synced();
    appendSpeakerBlock(
      client.doc,
      { speaker: '<script>alert(1)</script>', affiliation: '[x](javascript:alert(2))' },
      '<img src=x onerror=alert(3)>',
    );
    await client.save.whenSaved();
    const html = await (await exportOf(id, 'html')).text();
    expect(html).not.toMatch(/<(script|img)[\s>]/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    const md = await (await exportOf(id, 'md')).text();
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\[x\\](javascript:alert(2))');
    expect(md).not.toMatch(/(^|[^\\])<(script|img)/);
  });

  it('answers an unknown format with 400 and an unknown session with 404', async () => {
    const { id } = await newSession(suite.server, 'Formats');
    const bad = await exportOf(id, 'pdf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
      'format must be one of md, html, txt, docx, json',
    );
    expect((await fetch(`${suite.server.url}/api/sessions/${id}/export`, { headers: asAdmin })).status).toBe(400);
    expect((await exportOf('7c1b2d4e-0000-4000-8000-000000000000', 'md')).status).toBe(404);
    expect((await exportOf('not-a-uuid', 'md')).status).toBe(400);
  });
});
