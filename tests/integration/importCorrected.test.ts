import { extractRecord } from '@rapporteur/shared/blocks';
import { parseText } from '@rapporteur/shared/record';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/clients.ts';
import { backends } from '../helpers/database.ts';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { useTestServer } from '../helpers/testServer.ts';

const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

describe.each(backends())('importing a record corrected in the preview on %s', (backend) => {
  const suite = useTestServer(backend);
  const post = (body: unknown) =>
    fetch(`${suite.server.url}/api/sessions/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify(body),
    });

  it('creates the session from the corrected structure, not from a new reading of the text', async () => {
    const read = parseText('Minutes\n\nSome opening words.\n\nZorblat Quux: Hello.\n\nBrazil (right of reply): No.');
    // what the preview lets a person do: name the speaker of the loose text, fix a name, move a block
    const corrected = structuredClone(read);
    corrected.sections[0]!.blocks[0]!.speaker = 'Chair';
    corrected.sections[0]!.blocks[1]!.speaker = 'Zora Quux';
    corrected.sections[0]!.blocks[1]!.affiliation = 'UNODC';
    const moved = corrected.sections[0]!.blocks.splice(2, 1);
    corrected.sections.push({ heading: 'Agenda item 2', blocks: moved });

    const res = await post({ record: corrected, title: 'Corrected minutes' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { session: { id: string; title: string; links: { editor: string } } };
    expect(body.session.title).toBe('Corrected minutes');

    const client = suite.connect(body.session, { token: tokenOf(body.session.links.editor) });
    await client.synced();
    await waitFor(() => extractRecord(client.doc).blocks.length === 3, 'imported blocks reach the editor');
    const { blocks, agendaItems } = extractRecord(client.doc);
    expect(agendaItems.map((a) => a.title)).toEqual(['Agenda item 2']);
    expect(blocks.map((b) => [b.speaker, b.affiliation, b.kind])).toEqual([
      ['Chair', '', 'chair'],
      ['Zora Quux', 'UNODC', 'un-entity'],
      // the schema has no qualifier attribute: the qualifier is written after the name, as records do
      ['Brazil (right of reply)', '', 'member-state'],
    ]);
    expect(blocks[2]!.agendaItemId).toBe(agendaItems[0]!.id);
  });

  it('refuses a malformed corrected record with a 400 naming the field, and creates nothing', async () => {
    const before = (await suite.server.sessions.list()).length;
    const good = {
      title: 'T',
      sections: [
        { heading: null, blocks: [{ speaker: 'Peru', affiliation: null, onBehalfOf: null, paragraphs: ['Yes.'] }] },
      ],
    };
    const cases: [unknown, string][] = [
      [{ record: { ...good, sections: 'x' } }, 'record.sections'],
      [
        {
          record: {
            title: 'T',
            sections: [
              {
                heading: null,
                blocks: [{ speaker: 'x'.repeat(501), affiliation: null, onBehalfOf: null, paragraphs: [] }],
              },
            ],
          },
        },
        'record.sections.0.blocks.0.speaker',
      ],
      [
        {
          record: {
            title: 'T',
            sections: [{ heading: null, blocks: [{ speaker: 'Peru', affiliation: null, onBehalfOf: null }] }],
          },
        },
        'paragraphs',
      ],
      [{ record: { title: 'T', sections: [] } }, 'record holds nothing'],
      [{ record: good, text: 'Peru. Yes.' }, 'text or record is required'],
      [{}, 'text or record is required'],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
    }
    expect((await suite.server.sessions.list()).length).toBe(before);
  });
});
