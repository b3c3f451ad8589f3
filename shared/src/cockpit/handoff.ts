/**
 * Hand-offs between note-takers ("next speaker", Ctrl/Cmd+Enter): whose a speaker block is, when
 * a blank block may be used instead of opening a new one, and where a new block goes. Pure: works
 * on a ProseMirror document and the ids of the people present.
 *
 * A block opened by a note-taker records their awareness client id in `openedBy`, in the
 * document itself, so every client knows at once whose it is (an awareness claim alone arrives
 * separately and goes when its page closes). The rules:
 * - a blank block is reused only when it is yours, unowned, or its opener has left;
 * - a new block goes after the block you are in and after the blocks other note-takers opened
 *   just before (HANDOFF_WINDOW_MS): you pressed the key after them, so your speaker comes after
 *   theirs. Two blocks opened before either page saw the other's both land right after the same
 *   block; Yjs orders such concurrent inserts by client id (the lower one first), the same on
 *   every page, and neither block ever absorbs the other.
 */
import type { Node as PMNode } from '@tiptap/pm/model';

/** How recent another note-taker's block must be for "next speaker" to go after it. */
export const HANDOFF_WINDOW_MS = 60_000;

/** The attribute value naming this client as a block's opener. */
export function openerId(clientId: number): string {
  return String(clientId);
}

/** True for a speaker block nobody has written anything in yet (header or body). */
export function isBlankSpeakerBlock(node: PMNode): boolean {
  const a = node.attrs as Record<string, unknown>;
  return node.type.name === 'speakerBlock' && !a.speaker && !a.affiliation && !a.onBehalfOf && node.textContent === '';
}

/** True when `node` was opened by someone other than `self` who is still present. */
export function openedByOther(node: PMNode, self: number, present: ReadonlySet<number>): boolean {
  const by = node.attrs.openedBy;
  if (typeof by !== 'string' || by === '' || by === openerId(self)) return false;
  return present.has(Number(by));
}

/** Whether "next speaker" pressed in `node` may use it instead of opening a new block. */
export function mayReuseBlank(node: PMNode, self: number, present: ReadonlySet<number>): boolean {
  return isBlankSpeakerBlock(node) && !openedByOther(node, self, present);
}

/** True for a block another note-taker opened within the hand-off window before `now`. */
function recentHandOff(node: PMNode, self: number, now: number): boolean {
  if (node.type.name !== 'speakerBlock') return false;
  const by = node.attrs.openedBy;
  if (typeof by !== 'string' || by === '' || by === openerId(self)) return false;
  const started = Date.parse(String(node.attrs.startedAt ?? ''));
  return Number.isFinite(started) && now - started <= HANDOFF_WINDOW_MS && started - now <= HANDOFF_WINDOW_MS;
}

/**
 * Where a new block opened from the top-level node at `blockPos` goes: just after it, and after
 * any directly following blocks other note-takers opened in the last HANDOFF_WINDOW_MS.
 */
export function handOffPosition(doc: PMNode, blockPos: number, self: number, now: number = Date.now()): number {
  const $pos = doc.resolve(Math.max(0, Math.min(blockPos, doc.content.size)));
  let index = $pos.index(0);
  if (index >= doc.childCount) return doc.content.size;
  let pos = $pos.posAtIndex(index, 0) + doc.child(index).nodeSize;
  for (index++; index < doc.childCount && recentHandOff(doc.child(index), self, now); index++) {
    pos += doc.child(index).nodeSize;
  }
  return pos;
}
