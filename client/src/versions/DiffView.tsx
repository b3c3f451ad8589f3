import { useState } from 'react';
import type { VersionDiff } from '../api/versions.ts';
import { attributeLabel, attributeValue, CHANGE_LABELS, diffSummary } from './diffLabels.ts';
import { Segments } from './Segments.tsx';

type BlockDiff = VersionDiff['blocks'][number];

/**
 * A block-level comparison: each speaker block added, removed, changed or moved, with its
 * header changes and the words inserted (<ins>) and deleted (<del>) in its statement. Blocks
 * that did not change are folded away unless asked for.
 */
export function DiffView({ diff }: { diff: VersionDiff }) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const agenda = diff.agendaItems.filter((a) => a.change !== 'unchanged' || a.moved);
  const blocks = diff.blocks.filter((b) => showUnchanged || b.change !== 'unchanged' || b.moved);
  const hidden = diff.blocks.length - blocks.length;
  return (
    <div className="diff">
      <p className="diff-summary">{diffSummary(diff.counts.blocks)}</p>
      {agenda.length > 0 && (
        <ul className="diff-agenda">
          {agenda.map((a) => (
            <li key={a.id} className={`diff-${a.change}`}>
              <span className="diff-badge">
                Agenda item {CHANGE_LABELS[a.change].toLowerCase()}
                {a.moved && ', moved'}
              </span>{' '}
              <Segments segments={a.title} />
            </li>
          ))}
        </ul>
      )}
      {diff.loose.change === 'changed' && (
        <section className="diff-block diff-changed">
          <header className="diff-head">
            <span className="diff-speaker">Text outside speaker blocks</span>
            <span className="diff-badge">Changed</span>
          </header>
          <div className="diff-text">
            <Segments segments={diff.loose.text} />
          </div>
        </section>
      )}
      {blocks.map((b) => (
        <BlockChange key={b.id} block={b} />
      ))}
      {diff.blocks.length > 0 && (hidden > 0 || showUnchanged) && (
        <label className="check diff-toggle">
          <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} />
          Show unchanged blocks{hidden > 0 && ` (${hidden})`}
        </label>
      )}
    </div>
  );
}

function BlockChange({ block }: { block: BlockDiff }) {
  const header = block.after ?? block.before;
  return (
    <section className={`diff-block diff-${block.change}`} data-change={block.change} data-moved={block.moved}>
      <header className="diff-head">
        <span>
          <span className="diff-speaker">{header?.speaker || 'Unnamed speaker'}</span>
          {header?.affiliation && <span className="muted">, {header.affiliation}</span>}
        </span>
        <span className="diff-badge">{CHANGE_LABELS[block.change]}</span>
        {block.moved && <span className="diff-badge diff-moved">Moved</span>}
      </header>
      {block.attributes.length > 0 && (
        <ul className="diff-attrs">
          {block.attributes.map((a) => (
            <li key={a.name}>
              {attributeLabel(a.name)}: <del>{attributeValue(a.name, a.before) || '—'}</del> →{' '}
              <ins>{attributeValue(a.name, a.after) || '—'}</ins>
            </li>
          ))}
        </ul>
      )}
      <div className="diff-text">
        <Segments segments={block.text} />
      </div>
    </section>
  );
}
