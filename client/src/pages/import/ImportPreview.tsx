/**
 * The import preview: what the reader found, section by section, the blocks it was unsure of
 * first, and a small form on each block to fix its speaker, affiliation, "on behalf of" and
 * section before the session is created. What it shows is what is imported.
 */
import { type ReadBlock, summarise } from '@rapporteur/shared/record';
import { useState } from 'react';
import { type BlockFix, type Draft, type DraftBlock, recordOfDraft, uncertainBlocks } from './corrections.ts';

const PREVIEW_CHARS = 160;

/** The opening of a paragraph for the preview; a bullet list shows its first item. */
function excerpt(paragraph: string | undefined): string {
  if (!paragraph) return '';
  const first = paragraph.split('\n')[0]!;
  return first.length > PREVIEW_CHARS ? `${first.slice(0, PREVIEW_CHARS)}…` : first;
}

/** "Alexis Fishincker, UNODC" / "Malta, on behalf of the European Union (right of reply)". */
function who(block: ReadBlock): string {
  if (!block.speaker) return 'Text without a speaker';
  const parts = [block.speaker];
  if (block.affiliation) parts.push(block.affiliation);
  if (block.onBehalfOf) parts.push(`on behalf of ${block.onBehalfOf}`);
  return parts.join(', ') + block.qualifiers.map((q) => ` (${q})`).join('');
}

const sectionName = (heading: string | null) => heading ?? '(before the first heading)';

/** The fields of one block a person can fix. */
function BlockEditor({
  item,
  headings,
  onFix,
}: {
  item: DraftBlock;
  headings: (string | null)[];
  onFix: (fix: BlockFix) => void;
}) {
  const { block } = item;
  const id = `block-${item.id}`;
  return (
    <fieldset className="block-editor" data-testid="block-editor" data-block={item.id}>
      <legend className="muted">
        {item.edited ? 'Corrected' : block.reason} <small>({Math.round(block.confidence * 100)}% sure)</small>
      </legend>
      <div className="form-row">
        <label className="field" htmlFor={`${id}-speaker`}>
          <span>Speaker</span>
          <input
            id={`${id}-speaker`}
            name="speaker"
            value={block.speaker}
            onChange={(e) => onFix({ speaker: e.target.value })}
            autoComplete="off"
          />
        </label>
        <label className="field" htmlFor={`${id}-affiliation`}>
          <span>Affiliation</span>
          <input
            id={`${id}-affiliation`}
            name="affiliation"
            value={block.affiliation ?? ''}
            onChange={(e) => onFix({ affiliation: e.target.value })}
            autoComplete="off"
          />
        </label>
        <label className="field" htmlFor={`${id}-behalf`}>
          <span>On behalf of</span>
          <input
            id={`${id}-behalf`}
            name="onBehalfOf"
            value={block.onBehalfOf ?? ''}
            onChange={(e) => onFix({ onBehalfOf: e.target.value })}
            autoComplete="off"
          />
        </label>
        <label className="field" htmlFor={`${id}-section`}>
          <span>Section</span>
          <select
            id={`${id}-section`}
            name="section"
            value={item.section}
            onChange={(e) => onFix({ section: Number(e.target.value) })}
          >
            {headings.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sections have no ids before import; their order is their identity
              <option key={i} value={i}>
                {sectionName(h)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{excerpt(block.paragraphs[0])}</p>
    </fieldset>
  );
}

/** One block in the section listing: its speaker line, and its form when opened. */
function BlockLine({ item, draft, onFix }: { item: DraftBlock; draft: Draft; onFix: (fix: BlockFix) => void }) {
  const [open, setOpen] = useState(false);
  const { block } = item;
  return (
    <li data-testid="preview-block" data-block={item.id} data-uncertain={item.uncertain ? 'true' : undefined}>
      <strong>{who(block)}</strong>{' '}
      <small className="muted">
        ({block.paragraphs.length} {block.paragraphs.length === 1 ? 'paragraph' : 'paragraphs'})
      </small>{' '}
      <button type="button" className="link" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? 'done' : 'fix'}
      </button>
      {open ? (
        <BlockEditor item={item} headings={draft.headings} onFix={onFix} />
      ) : (
        <div className="muted">{excerpt(block.paragraphs[0])}</div>
      )}
    </li>
  );
}

/** What the reader found, uncertain blocks first, each fixable. */
export function ImportPreview({
  draft,
  warnings,
  onFix,
}: {
  draft: Draft;
  warnings: string[];
  onFix: (id: number, fix: BlockFix) => void;
}) {
  const summary = summarise(recordOfDraft(draft));
  const uncertain = uncertainBlocks(draft);
  return (
    <section className="card import-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p>
        <strong>{draft.title}</strong>
        {summary.date && <span className="muted"> · meeting date {summary.date}</span>}
      </p>
      <p className="muted" aria-live="polite">
        {summary.blocks} speaker {summary.blocks === 1 ? 'block' : 'blocks'} from {summary.speakers.length}{' '}
        {summary.speakers.length === 1 ? 'speaker' : 'speakers'} in {summary.sections}{' '}
        {summary.sections === 1 ? 'section' : 'sections'}
      </p>
      {warnings.length > 0 && (
        <ul className="notice warn" data-testid="import-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {uncertain.length > 0 && (
        <section className="import-check" data-testid="import-check" aria-labelledby="check-heading">
          <h3 id="check-heading">Check these first ({uncertain.length})</h3>
          {uncertain.map((item) => (
            <BlockEditor key={item.id} item={item} headings={draft.headings} onFix={(fix) => onFix(item.id, fix)} />
          ))}
        </section>
      )}
      {draft.headings.map((heading, s) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sections have no ids before import; their order is their identity
        <div key={s} className="preview-section">
          {heading !== null && <h3>{heading}</h3>}
          <ol className="preview-blocks">
            {draft.blocks
              .filter((d) => d.section === s)
              .map((item) => (
                <BlockLine key={item.id} item={item} draft={draft} onFix={(fix) => onFix(item.id, fix)} />
              ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
