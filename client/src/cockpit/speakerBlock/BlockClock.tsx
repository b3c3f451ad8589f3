import { durationLabel, durationSeconds, durationWords, offsetLabel } from '../model/clock.ts';
import { useCockpit } from '../context.ts';
import { useMaybeStore } from '../stores/store.ts';

/**
 * Beside a block's start time: its offset from the session's start ("+1:12:05", to find the
 * statement in the webcast) and, quieter, how long it ran until the next block started.
 */
export function BlockClock({ blockId, startedAt }: { blockId: string; startedAt: string }) {
  const cockpit = useCockpit();
  const next = useMaybeStore(cockpit?.timeline ?? null, (t) => t.get(blockId) ?? '', '');
  if (!cockpit) return null;
  const offset = offsetLabel(cockpit.startsAt, startedAt);
  const seconds = durationSeconds(startedAt, next);
  if (!offset && seconds === null) return null;
  return (
    <span className="sb-clock" data-testid="block-clock">
      {offset && (
        <span className="sb-offset" title="Time since the session's start (for the webcast)">
          {offset}
        </span>
      )}
      {seconds !== null && (
        <span className="sb-duration" title={`Spoke ${durationWords(seconds)}, until the next speaker`}>
          {durationLabel(seconds)}
        </span>
      )}
    </span>
  );
}
