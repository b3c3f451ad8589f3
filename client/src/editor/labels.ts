import type { BlockStatus, SpeakerKind } from '@rapporteur/shared/schema';

/** How each speaker kind reads in the header's select. */
export const KIND_LABELS: Record<SpeakerKind, string> = {
  chair: 'Chair',
  'member-state': 'Member state',
  'un-entity': 'UN entity',
  intergovernmental: 'Intergovernmental',
  'civil-society': 'Civil society',
  panellist: 'Panellist',
  other: 'Other',
};

/** How each review status reads on a block's badge. */
export const STATUS_LABELS: Record<BlockStatus, string> = {
  draft: 'Draft',
  checked: 'Checked',
  final: 'Final',
};
