/**
 * Random structural edits of a record, as editors make them (insert, split, merge, move, delete,
 * retitle, re-status, lists), and the relational tables they must project to. Shared by the
 * projection test and the convergence fault test.
 */
import type { Database } from '@rapporteur/server';
import { extractRecord } from '@rapporteur/shared/blocks';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import * as Y from 'yjs';
import { randomInt, randomPick, seededRandom } from './random.ts';

/** The suites' seeded generator with the draws random edits need, so a failing sequence replays. */
export function prng(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (n: number) => randomInt(next, n),
    pick: <T>(xs: readonly T[]): T => randomPick(next, xs),
  };
}
export type Rng = ReturnType<typeof prng>;

const SPEAKERS = ['Malta', 'Russian Federation', 'UNODC', 'Brazil', 'Egypt', 'Chair', 'Mexico'];
const WORDS = ['money', 'laundering', 'cocaine', 'routes', 'cooperation', 'central', 'authorities', 'the', 'UNGASS'];

const words = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.pick(WORDS)).join(' ');

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

function speakerBlock(attrs: Record<string, string>, parts: Y.XmlElement[]): Y.XmlElement {
  const b = new Y.XmlElement('speakerBlock');
  for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v);
  b.insert(0, parts);
  return b;
}

function newBlock(rng: Rng): Y.XmlElement {
  return speakerBlock(
    {
      id: crypto.randomUUID(),
      speaker: rng.pick(SPEAKERS),
      affiliation: rng.next() < 0.3 ? 'UNODC' : '',
      onBehalfOf: rng.next() < 0.2 ? 'the European Union' : '',
      kind: rng.pick(['member-state', 'un-entity', 'chair']),
      startedAt: new Date(Date.UTC(2017, 0, 24, 10, rng.int(60))).toISOString(),
      status: 'draft',
    },
    [paragraph(words(rng, 1 + rng.int(6)))],
  );
}

const attrsOf = (el: Y.XmlElement) => el.getAttributes() as Record<string, string>;

/** Top-level indices of speaker blocks. */
function blockIndices(fragment: Y.XmlFragment): number[] {
  return fragment.toArray().flatMap((n, i) => (n instanceof Y.XmlElement && n.nodeName === 'speakerBlock' ? [i] : []));
}

/** The first paragraph's text node of a block, if it has one. */
function firstText(block: Y.XmlElement): Y.XmlText | null {
  const p = block.get(0);
  if (!(p instanceof Y.XmlElement) || p.nodeName !== 'paragraph') return null;
  const t = p.get(0);
  return t instanceof Y.XmlText ? t : null;
}

/** One random edit, as an editor would make it, in one transaction. */
export function randomEdit(doc: Y.Doc, rng: Rng): void {
  const f = doc.getXmlFragment(RECORD_FIELD);
  const blocks = blockIndices(f);
  const at = () => blocks[rng.int(blocks.length)]!;
  const roll = rng.next();
  doc.transact(() => {
    if (blocks.length < 2 || roll < 0.18) {
      f.insert(rng.int(f.length + 1), [newBlock(rng)]);
    } else if (roll < 0.24) {
      const item = new Y.XmlElement('agendaItem');
      item.setAttribute('id', crypto.randomUUID());
      item.insert(0, [new Y.XmlText(`Agenda item ${rng.int(9)}: ${words(rng, 3)}`)]);
      f.insert(rng.int(f.length + 1), [item]);
    } else if (roll < 0.4) {
      // type a word somewhere in a statement
      const t = firstText(f.get(at()) as Y.XmlElement);
      if (t) t.insert(rng.int(t.length + 1), ` ${rng.pick(WORDS)}`);
    } else if (roll < 0.52) {
      // split: the tail of a paragraph becomes a new block (the editor's "next speaker" key)
      const i = at();
      const block = f.get(i) as Y.XmlElement;
      const t = firstText(block);
      if (!t || t.length < 2) return;
      const k = 1 + rng.int(t.length - 1);
      const tail = t.toString().slice(k);
      t.delete(k, t.length - k);
      const { id: _id, ...attrs } = attrsOf(block);
      f.insert(i + 1, [speakerBlock({ ...attrs, id: crypto.randomUUID() }, [paragraph(tail)])]);
    } else if (roll < 0.62) {
      // merge: a block and the one right after it become one
      const i = at();
      const next = f.get(i + 1);
      if (!(next instanceof Y.XmlElement) || next.nodeName !== 'speakerBlock') return;
      const t = firstText(f.get(i) as Y.XmlElement);
      const rest = next
        .toArray()
        .map((p) =>
          p instanceof Y.XmlElement
            ? p
                .toArray()
                .map((x) => (x instanceof Y.XmlText ? x.toString() : ''))
                .join('')
            : '',
        )
        .join(' ');
      if (t) t.insert(t.length, ` ${rest}`);
      f.delete(i + 1, 1);
    } else if (roll < 0.74) {
      // move: remove and re-insert elsewhere with the same id, as a drag would
      const i = at();
      const block = f.get(i) as Y.XmlElement;
      const copy = speakerBlock(attrsOf(block), [paragraph(firstText(block)?.toString() ?? '')]);
      f.delete(i, 1);
      f.insert(rng.int(f.length + 1), [copy]);
    } else if (roll < 0.84) {
      f.delete(at(), 1);
    } else if (roll < 0.92) {
      const block = f.get(at()) as Y.XmlElement;
      if (rng.next() < 0.5) {
        block.setAttribute('status', rng.pick(['draft', 'checked', 'final']));
        block.setAttribute('statusBy', rng.pick(['Editor A', 'Editor B', '']));
        block.setAttribute('statusAt', `2017-01-24T1${rng.int(10)}:00:00.000Z`);
      } else {
        block.setAttribute('speaker', rng.pick(SPEAKERS));
      }
    } else {
      // a bullet list or a second paragraph in a statement
      const block = f.get(at()) as Y.XmlElement;
      if (rng.next() < 0.5) {
        block.push([paragraph(words(rng, 4))]);
      } else {
        const list = new Y.XmlElement('bulletList');
        const li = new Y.XmlElement('listItem');
        li.insert(0, [paragraph(words(rng, 3))]);
        list.insert(0, [li]);
        block.push([list]);
      }
    }
  });
}

/** The projection tables of a session, in the shape extractRecord has. */
export async function tableOf(db: Database, sessionId: string) {
  const blocks = await db.query<Record<string, unknown>>(
    `SELECT block_id AS id, position, agenda_item_id AS "agendaItemId", speaker, affiliation,
       on_behalf_of AS "onBehalfOf", kind, started_at AS "startedAt", status, status_by AS "statusBy",
       status_at AS "statusAt", text, word_count AS "wordCount"
     FROM speaker_blocks WHERE session_id = $1 ORDER BY position`,
    [sessionId],
  );
  const agendaItems = await db.query<Record<string, unknown>>(
    'SELECT item_id AS id, position, title FROM agenda_items WHERE session_id = $1 ORDER BY position',
    [sessionId],
  );
  return { agendaItems, blocks };
}

/** What the tables must hold for a document: its extraction, minus the body structure. */
export function expectedOf(doc: Y.Doc) {
  const r = extractRecord(doc);
  return {
    agendaItems: r.agendaItems.map(({ id, position, title }) => ({ id, position, title })),
    // exactly the fields the table mirrors (the record may carry more)
    blocks: r.blocks.map((b) => ({
      id: b.id,
      position: b.position,
      agendaItemId: b.agendaItemId,
      speaker: b.speaker,
      affiliation: b.affiliation,
      onBehalfOf: b.onBehalfOf,
      kind: b.kind,
      startedAt: b.startedAt,
      status: b.status,
      statusBy: b.statusBy,
      statusAt: b.statusAt,
      text: b.text,
      wordCount: b.wordCount,
    })),
  };
}
