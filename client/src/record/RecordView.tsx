import type { BodyPart } from '@rapporteur/shared/blocks';
import { Fragment } from 'react';
import { formatClock } from '../editor/time.ts';
import { type NodeKind, type ReadableBlock, type ReadableRecord, readingOrder } from './readingOrder.ts';
import { reviewNote } from './reviewNote.ts';
import './record.css';

/**
 * A record rendered read-only from its extracted form: no editor, no inputs, every piece of text
 * a React text node (so whatever a speaker name or statement holds is shown, never run). Blocks
 * carry `id="block-<id>"` so an address can point at one.
 */
export function RecordView({
  record,
  sequence,
  showReview = false,
  className = '',
}: {
  record: ReadableRecord;
  /** The document's top-level kinds, to interleave exactly (see readingOrder). */
  sequence?: readonly NodeKind[];
  /** Show each block's review status ("checked by …"). */
  showReview?: boolean;
  className?: string;
}) {
  const entries = readingOrder(record, sequence);
  if (entries.length === 0) return <p className="muted record-empty">Nothing has been written yet.</p>;
  return (
    <div className={`record-view ${className}`.trim()}>
      {entries.map((e) =>
        e.kind === 'agenda' ? (
          <h2 key={e.key} className="rv-agenda" id={`block-${e.item.id}`}>
            {e.item.title}
          </h2>
        ) : e.kind === 'block' ? (
          <BlockView key={e.key} block={e.block} showReview={showReview} />
        ) : (
          <Part key={e.key} part={e.part} />
        ),
      )}
    </div>
  );
}

function BlockView({ block, showReview }: { block: ReadableBlock; showReview: boolean }) {
  const clock = formatClock(block.startedAt);
  const note = showReview ? reviewNote(block) : null;
  return (
    <section className={`rv-block status-${block.status}`} id={`block-${block.id}`} data-block-id={block.id}>
      <header className="rv-header">
        <span className="rv-speaker">{block.speaker || 'Unnamed speaker'}</span>
        {block.affiliation && <span className="rv-affiliation">, {block.affiliation}</span>}
        {block.onBehalfOf && <span className="rv-behalf"> on behalf of {block.onBehalfOf}</span>}
        {clock && (
          <time className="rv-time" dateTime={block.startedAt}>
            {clock}
          </time>
        )}
        {note && <span className="rv-review">{note}</span>}
      </header>
      <div className="rv-body">
        {block.body.map((part, i) => (
          // body parts have no ids; within one block their order is their identity
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Part key={i} part={part} />
        ))}
      </div>
    </section>
  );
}

/** Text with its line breaks kept (list items flatten nested lines into one string). */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one text never reorder
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function Part({ part }: { part: BodyPart }) {
  if (part.type === 'paragraph') {
    return part.text.trim() ? (
      <p>
        <Lines text={part.text} />
      </p>
    ) : null;
  }
  const items = part.items.map((item, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: list items have no ids
    <li key={i}>
      <Lines text={item} />
    </li>
  ));
  return part.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}
