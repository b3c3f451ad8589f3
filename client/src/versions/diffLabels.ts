import type { VersionDiff } from '../api/versions.ts';
import { formatClock } from '../editor/time.ts';
import { KIND_LABELS, STATUS_LABELS } from '../editor/labels.ts';

type BlockDiff = VersionDiff['blocks'][number];
type AttributeChange = BlockDiff['attributes'][number];

/** How each kind of change reads. */
export const CHANGE_LABELS: Record<BlockDiff['change'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  unchanged: 'Unchanged',
};

/** How each compared header attribute is named. */
const ATTRIBUTE_LABELS: Record<AttributeChange['name'], string> = {
  speaker: 'Speaker',
  affiliation: 'Affiliation',
  onBehalfOf: 'On behalf of',
  kind: 'Kind',
  startedAt: 'Time',
  status: 'Review',
};

/** An attribute's name as a reader knows it. */
export function attributeLabel(name: AttributeChange['name']): string {
  return ATTRIBUTE_LABELS[name];
}

/** An attribute's value as shown in the header (times as HH:MM, kinds and statuses in words). */
export function attributeValue(name: AttributeChange['name'], value: string): string {
  if (name === 'startedAt') return formatClock(value) || value;
  if (name === 'kind') return KIND_LABELS[value as keyof typeof KIND_LABELS] ?? value;
  if (name === 'status') return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value;
  return value;
}

/** "2 changed, 1 added, 1 moved" — or "No changes". */
export function diffSummary(counts: VersionDiff['counts']['blocks']): string {
  const parts: string[] = [];
  if (counts.changed) parts.push(`${counts.changed} changed`);
  if (counts.added) parts.push(`${counts.added} added`);
  if (counts.removed) parts.push(`${counts.removed} removed`);
  if (counts.moved) parts.push(`${counts.moved} moved`);
  return parts.length ? `Speaker blocks: ${parts.join(', ')}` : 'No speaker block changed';
}
