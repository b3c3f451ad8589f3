import { type ParsedRecord, parseText, recordFromDoc, structureOf } from '@rapporteur/shared/record';
import { recordToDoc } from '@rapporteur/shared/record/toDoc';
import { RECORD_FIELD } from '@rapporteur/shared/schema';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportDocx, xmlSafe } from './docx.ts';
import { exportHtml } from './html.ts';
import { exportJson, type JsonParagraph } from './json.ts';
import { exportMarkdown } from './markdown.ts';
import { buildMinutes, fileStem } from './minutes.ts';
import { exportText } from './text.ts';
import { readFixture } from '@rapporteur/shared/testing';

// the fixture lives beside the repository; these tests are skipped where it is absent
const fixture = readFixture() ?? '';
const withFixture = fixture ? describe : describe.skip;
const parsed = parseText(fixture);
const session = {
  id: '00000000-0000-4000-8000-000000000001',
  title: parsed.title,
  status: 'live',
  startsAt: '2017-01-24T00:00:00.000Z',
};

const HOSTILE = {
  title: '"><script>alert("title")</script>',
  speaker: '<script>alert(1)</script>',
  affiliation: '[click](javascript:alert(2))',
  onBehalfOf: '<img src=x onerror=alert(3)>',
  heading: '<iframe src="javascript:alert(4)"></iframe>',
  paragraph: 'javascript:alert(5) <a href="javascript:alert(6)">x</a> ![i](javascript:alert(7)) <javascript:alert(8)>',
};

/** Tags and attributes our own output never contains: finding one means a string got through. */
const INJECTED_TAG = /<(script|iframe|img|a|object|embed|svg)[\s>/]/i;
const INJECTED_ATTRIBUTE = /<[^>]*\s(href|src|on[a-z]+)\s*=/i;

function hostileRecord(): ParsedRecord {
  return {
    title: HOSTILE.title,
    sections: [
      {
        heading: HOSTILE.heading,
        blocks: [
          {
            speaker: HOSTILE.speaker,
            affiliation: HOSTILE.affiliation,
            onBehalfOf: HOSTILE.onBehalfOf,
            paragraphs: [HOSTILE.paragraph, `- ${HOSTILE.speaker}\n# ${HOSTILE.paragraph}`],
          },
          {
            speaker: '**bold** _x_ `code`',
            affiliation: null,
            onBehalfOf: null,
            paragraphs: ['1. not a list\n+ nor this'],
          },
        ],
      },
    ],
  };
}

describe('plain-text export', () => {
  it.skipIf(!fixture)('parses back into the same structure on the fixture', () => {
    expect(parseText(exportText(parsed))).toEqual(parsed);
  });

  it.skipIf(!fixture)('parses back into the same structure after a trip through a session document', () => {
    const fromDoc = recordFromDoc(recordToDoc(parsed), parsed.title);
    const text = exportText(fromDoc);
    expect(parseText(text)).toEqual(parsed);
    expect(text).toContain('Malta, on behalf of the European Union.');
    expect(text).toContain('  • to strengthen the use of the CND post UNGASS website.');
  });

  it('keeps headings, colon fallbacks, qualifiers and text before the first speaker', () => {
    const record: ParsedRecord = {
      title: 'Chair: a title that looks like a speaker',
      sections: [
        {
          heading: null,
          blocks: [{ speaker: '', affiliation: null, onBehalfOf: null, paragraphs: ['The meeting opened.'] }],
        },
        {
          heading: 'Opening of the meeting',
          blocks: [
            { speaker: 'Jane Roe', affiliation: null, onBehalfOf: null, paragraphs: ['Welcome.'] },
            { speaker: 'Brazil (right of reply)', affiliation: null, onBehalfOf: null, paragraphs: ['a\nb'] },
          ],
        },
        {
          heading: 'AFTERNOON SESSION',
          blocks: [{ speaker: 'Egypt', affiliation: null, onBehalfOf: 'Group of 77 and China', paragraphs: [] }],
        },
      ],
    };
    expect(structureOf(parseText(exportText(record)))).toEqual(structureOf(record));
  });
});

withFixture('minutes shape', () => {
  const minutes = buildMinutes(session, recordToDoc(parsed));

  it('has title, date and attendance grouped by kind', () => {
    expect(minutes.dateLabel).toBe('24 January 2017');
    expect(minutes.attendance.map((g) => g.kind)).toEqual(['member-state', 'un-entity', 'civil-society']);
    expect(minutes.attendance[0]!.names).toEqual([
      'Argentina',
      'China',
      'Colombia',
      'Indonesia',
      'Malta',
      'Peru',
      'Russia',
      'Singapore',
      'United States',
    ]);
    expect(minutes.attendance[1]!.names).toEqual([
      'Alexis Fishincker, UNODC',
      'Karyn Kramer, UNODC',
      'Marco Teixeira, UNODC',
      'UNODC',
    ]);
    expect(minutes.attendance[2]!.names).toHaveLength(2);
    expect(fileStem(minutes)).toBe('cnd-intersessional-24-january-2017-operational-2017-01-24');
    expect(fileStem({ title: '<script>/../ é', date: '' })).toBe('script-e');
  });

  it('renders every statement in order in Markdown, HTML and JSON', () => {
    const md = exportMarkdown(minutes);
    expect(md).toMatch(/^# CND intersessional/);
    expect(md).toContain('**Malta, on behalf of the European Union.**');
    expect(md).toContain('- to strengthen the use of the CND post UNGASS website.');
    expect(md.indexOf('**UNODC.** Today')).toBeLessThan(md.indexOf('**Amaya Ordorika Imaz, Mexican Commission'));
    const html = exportHtml(minutes);
    expect(html.match(/<article class="statement"/g)).toHaveLength(15);
    expect(html).toContain('@media print');
    const json = JSON.parse(exportJson(minutes));
    const asParsed = json.sections.map((s: { heading: string | null; blocks: Record<string, unknown>[] }) => ({
      heading: s.heading,
      blocks: s.blocks.map(({ speaker, affiliation, onBehalfOf, paragraphs }) => ({
        speaker,
        affiliation,
        onBehalfOf,
        // the parse format joins a list's items with "\n"; JSON keeps them as items
        paragraphs: (paragraphs as JsonParagraph[]).map((p) => (typeof p === 'string' ? p : p.items.join('\n'))),
      })),
    }));
    expect(parsed.sections).toMatchObject(asParsed);
    expect(json.sections[0].blocks[4]).toMatchObject({ kind: 'member-state', status: 'draft' });
    // Malta's bullet list: three items, not one string with line breaks
    const malta = json.sections[0].blocks.find((b: { speaker: string }) => b.speaker === 'Malta');
    const list = malta.paragraphs.find((p: JsonParagraph) => typeof p !== 'string');
    expect(list).toMatchObject({ list: 'bulleted' });
    expect(list.items).toHaveLength(3);
    expect(list.items[2]).toBe('to strengthen the use of the CND post UNGASS website.');
    const strings = json.sections.flatMap((s: { blocks: { paragraphs: JsonParagraph[] }[] }) =>
      s.blocks.flatMap((b) => b.paragraphs.filter((p) => typeof p === 'string')),
    );
    expect(strings.some((p: string) => p.includes('\n'))).toBe(false);
  });

  it('renders a Word document', async () => {
    const bytes = await exportDocx(minutes);
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    expect(Buffer.from(bytes).includes('word/document.xml')).toBe(true);
  });
});

describe('hostile strings in speaker names, headings and text', () => {
  const minutes = buildMinutes({ ...session, title: HOSTILE.title }, recordToDoc(hostileRecord()));

  it('stay inert in HTML', () => {
    const html = exportHtml(minutes);
    // our own markup has no script, iframe, image, link or event handler: any would be injected
    expect(html).not.toMatch(INJECTED_TAG);
    expect(html).not.toMatch(INJECTED_ATTRIBUTE);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
    expect(html).toContain('http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;');
  });

  it('stay inert in Markdown, even for a renderer that allows raw HTML and any link', () => {
    const md = exportMarkdown(minutes);
    const renderer = new MarkdownIt({ html: true, linkify: true });
    renderer.validateLink = () => true; // a lax renderer: the escaping alone must hold
    const html = renderer.render(md);
    expect(html).not.toMatch(INJECTED_TAG);
    expect(html).not.toMatch(INJECTED_ATTRIBUTE);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[click](javascript:alert(2))');
    // Markdown syntax in names is text too: no emphasis, code, headings or lists injected
    expect(html).not.toMatch(/<em>|<code>|<ol>|<h[3-6]>/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('**bold** _x_ `code`');
  });

  it('stay text in plain text, JSON and Word', async () => {
    // plain text has no markup to inject into: the strings are simply there
    expect(exportText(recordFromDoc(recordToDoc(hostileRecord()), HOSTILE.title))).toContain(HOSTILE.speaker);
    expect(JSON.parse(exportJson(minutes)).sections[0].blocks[0].speaker).toBe(HOSTILE.speaker);
    expect((await exportDocx(minutes)).byteLength).toBeGreaterThan(1000);
    expect(xmlSafe('a\u0000b\u0007c\uFFFEd\uD800e')).toBe('abcde');
  });
});

describe('summary of actions and decisions', () => {
  /** A document with one agenda item, a chair's block holding an action and a decision, and a loose action. */
  function docWithActions(owner = 'Secretariat'): Y.Doc {
    const doc = new Y.Doc();
    const el = (name: string, attrs: Record<string, string>, text?: string) => {
      const e = new Y.XmlElement(name);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.insert(0, [new Y.XmlText(text)]);
      return e;
    };
    const block = el('speakerBlock', { id: 'b1', speaker: 'Chair', kind: 'chair', status: 'draft' });
    block.insert(0, [
      el('paragraph', {}, 'We conclude the item.'),
      el('actionItem', { id: 'x1', owner, due: '2017-02-01' }, 'Circulate the revised draft'),
      el('decision', { id: 'd1' }, 'The report is adopted.'),
    ]);
    doc
      .getXmlFragment(RECORD_FIELD)
      .insert(0, [
        el('agendaItem', { id: 'i3' }, 'Agenda item 3'),
        block,
        el('actionItem', { id: 'x2', owner: '', due: '' }, 'Follow up with INCB'),
      ]);
    return doc;
  }
  const minutes = buildMinutes(session, docWithActions());

  it('collects every action and decision with where it was recorded', () => {
    expect(minutes.summary.actions.map((a) => [a.line, a.context])).toEqual([
      ['Action: Secretariat — Circulate the revised draft (due 2017-02-01)', 'Agenda item 3 · Chair'],
      ['Action: Follow up with INCB', 'Agenda item 3'],
    ]);
    expect(minutes.summary.decisions.map((d) => d.line)).toEqual(['Decision: The report is adopted.']);
  });

  it('ends Markdown, HTML, text and Word exports with the summary, after the statements', async () => {
    const md = exportMarkdown(minutes);
    expect(md.indexOf('## Summary of actions and decisions')).toBeGreaterThan(md.indexOf('**Chair.** We conclude'));
    expect(md).toContain(
      '### Actions\n\n- Action: Secretariat — Circulate the revised draft (due 2017-02-01) (Agenda item 3 · Chair)',
    );
    expect(md).toContain('### Decisions\n\n- Decision: The report is adopted.');
    const html = exportHtml(minutes);
    expect(html).toMatch(
      /<section class="summary"><h2>Summary of actions and decisions<\/h2>\n<h3>Actions<\/h3><ul><li>Action: Secretariat/,
    );
    expect(html.indexOf('class="summary"')).toBeGreaterThan(html.indexOf('class="statement"'));
    const text = exportText(recordFromDoc(docWithActions(), session.title), minutes.summary);
    // it reads back as a last section of plain lines, not as statements by "Action" or "Decision"
    const reread = parseText(text);
    expect(reread.sections[0]!.blocks[0]!.paragraphs.slice(0, 3)).toEqual([
      'We conclude the item.',
      'Action: Secretariat — Circulate the revised draft (due 2017-02-01)',
      'Decision: The report is adopted.',
    ]);
    // a plain-text heading in the fixture's style, no Markdown mixed into plain text
    expect(text).toContain('\n\nSUMMARY OF ACTIONS AND DECISIONS\n\n');
    expect(text).not.toMatch(/^#/m);
    const last = reread.sections.at(-1)!;
    expect(last.heading).toBe('SUMMARY OF ACTIONS AND DECISIONS');
    expect(last.blocks).toMatchObject([
      {
        speaker: '',
        affiliation: null,
        onBehalfOf: null,
        paragraphs: [
          'Action: Secretariat — Circulate the revised draft (due 2017-02-01)',
          'Action: Follow up with INCB',
          'Decision: The report is adopted.',
        ],
      },
    ]);
    const docx = Buffer.from(await exportDocx(minutes));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('lists them in JSON', () => {
    const json = JSON.parse(exportJson(minutes));
    expect(json.actions).toEqual([
      {
        id: 'x1',
        owner: 'Secretariat',
        due: '2017-02-01',
        text: 'Circulate the revised draft',
        context: 'Agenda item 3 · Chair',
      },
      { id: 'x2', owner: '', due: '', text: 'Follow up with INCB', context: 'Agenda item 3' },
    ]);
    expect(json.decisions).toEqual([{ id: 'd1', text: 'The report is adopted.', context: 'Agenda item 3 · Chair' }]);
  });

  it('is left out when there is nothing to list', () => {
    const plain = buildMinutes(session, recordToDoc(parsed));
    expect(exportMarkdown(plain)).not.toContain('Summary of actions');
    expect(exportHtml(plain)).not.toContain('class="summary"');
    expect(exportText(parsed, plain.summary)).toBe(exportText(parsed));
    expect(JSON.parse(exportJson(plain)).actions).toEqual([]);
  });

  it('keeps hostile owners and text inert', () => {
    const hostile = buildMinutes(session, docWithActions(HOSTILE.speaker));
    const html = exportHtml(hostile);
    expect(html).not.toMatch(INJECTED_TAG);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    const rendered = new MarkdownIt({ html: true }).render(exportMarkdown(hostile));
    expect(rendered).not.toMatch(INJECTED_TAG);
  });
});
