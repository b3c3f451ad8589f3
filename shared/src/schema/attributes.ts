/** Speaker kinds, in the order the attendance list groups them. */
export const SPEAKER_KINDS = [
  'chair',
  'member-state',
  'un-entity',
  'intergovernmental',
  'civil-society',
  'panellist',
  'other',
] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** Review status of one speaker block (editor workflow). */
export const BLOCK_STATUSES = ['draft', 'checked', 'final'] as const;
export type BlockStatus = (typeof BLOCK_STATUSES)[number];

/** The attributes a speaker block carries in the document. */
export interface SpeakerBlockAttrs {
  id: string;
  speaker: string;
  affiliation: string;
  onBehalfOf: string;
  kind: SpeakerKind;
  startedAt: string;
  status: BlockStatus;
  /** Who set the review status, and when (ISO); empty for drafts. */
  statusBy: string;
  statusAt: string;
  /**
   * Coordination between note-takers and editors, kept out of the projection and exports (so
   * optional): the awareness client id of whoever opened the block, and who changed it after
   * its review (or once the session was in review) and when; '' when none.
   */
  openedBy?: string;
  changedBy?: string;
  changedAt?: string;
}

/** Normalise an attribute value read from the document into one of the allowed values. */
export function oneOf<T extends readonly string[]>(allowed: T, value: unknown, fallback: T[number]): T[number] {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? value : fallback;
}

/** A fresh block id; crypto.randomUUID exists in browsers (secure contexts) and Node 20. */
export function newBlockId(): string {
  return globalThis.crypto.randomUUID();
}
