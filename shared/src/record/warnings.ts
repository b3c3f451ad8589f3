/**
 * The notes a parse ends with (`warnings` in `rapporteur parse` and the import preview): what a
 * person should check before the record becomes a session.
 */
import { UNCERTAIN_BELOW } from './identity.ts';
import type { ReadRecord } from './types.ts';

const FORM_NAMES: Record<string, string> = {
  period: 'speaker openers ("Peru." / "Chair:")',
  reported: 'summary-record reported speech',
  bulletin: 'bulletin capitals',
};

/** The warnings of a parsed record; `forms` are the opener styles its statements were read from. */
export function recordWarnings(record: Omit<ReadRecord, 'warnings'>, forms: ReadonlySet<string>): string[] {
  const warnings: string[] = [];
  const blocks = record.sections.flatMap((s) => s.blocks);
  const statements = blocks.filter((b) => b.speaker !== '');
  if (blocks.length > 0 && statements.length === 0) {
    warnings.push('no speakers were recognised: statements should open with the speaker ("Peru. We …", "Chair: …")');
  }
  const uncertain = blocks.filter((b) => b.confidence < UNCERTAIN_BELOW);
  if (uncertain.length > 0) {
    const names = uncertain.slice(0, 5).map((b) => (b.speaker ? `"${b.speaker}"` : 'text without a speaker'));
    const more = uncertain.length > 5 ? ` and ${uncertain.length - 5} more` : '';
    warnings.push(
      `${uncertain.length} of ${blocks.length} blocks are uncertain (${names.join(', ')}${more}): check them`,
    );
  }
  if (forms.size > 1) {
    const styles = [...forms].map((f) => FORM_NAMES[f] ?? f).join(', ');
    warnings.push(`the record mixes styles (${styles}): check where statements begin`);
  }
  return warnings;
}
