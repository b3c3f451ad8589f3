import type { VersionDiff } from '../api/versions.ts';

/** A word-level diff's pieces. */
export type Segment = VersionDiff['blocks'][number]['text'][number];

/**
 * A word-level diff as text: insertions in <ins>, deletions in <del> (so the change is in the
 * markup, not only in a colour), everything else as it was. All of it text nodes.
 */
export function Segments({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.op === 'insert' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff's segments never reorder
          <ins key={i}>{s.text}</ins>
        ) : s.op === 'delete' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <del key={i}>{s.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
