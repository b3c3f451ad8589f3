import type { Claim } from '@rapporteur/shared/cockpit';
import type { CSSProperties } from 'react';
import { answerGuard } from '../extensions/claimGuard.ts';
import { useCockpit } from '../context.ts';
import { cockpitHint } from '../keys.ts';
import { useMaybeStore } from '../stores/store.ts';
import type { Typist } from '../stores/typingStore.ts';

const NO_CLAIMS: readonly Claim[] = [];
const NO_TYPISTS: readonly Typist[] = [];

/**
 * Who is minuting this block. Someone else's claim shows as their name in their colour; your own
 * as a pressed "You're minuting this" (press again to let go); an unclaimed block offers a quiet
 * "I'm minuting this", visible when the block is hovered or has the focus. Blocks away from the
 * selection show the claims as text, with no button (plainHeader.ts).
 */
export function BlockClaim({ blockId }: { blockId: string }) {
  const cockpit = useCockpit();
  const claims = useMaybeStore(cockpit?.session.claims ?? null, (c) => c.byBlock.get(blockId) ?? NO_CLAIMS, NO_CLAIMS);
  if (!cockpit) return null;
  const store = cockpit.session.claims;
  const others = claims.filter((c) => !store.isMine(c));
  const mine = claims.some((c) => store.isMine(c));
  const hint = cockpitHint('claim');
  return (
    <span className="sb-claims" data-testid="block-claims">
      {others.map((c) => (
        <span
          key={c.clientId}
          className="claim-badge"
          data-testid="claim-badge"
          style={{ '--person': c.user?.color || '#6b7280' } as CSSProperties}
          title={c.since ? `Claimed at ${new Date(c.since).toLocaleTimeString()}` : undefined}
        >
          <span className="swatch" aria-hidden="true" />
          {c.user?.name || 'Someone'} is minuting
        </span>
      ))}
      {!cockpit.readOnly && (
        <button
          type="button"
          className={mine ? 'claim-button mine' : 'claim-button'}
          aria-pressed={mine}
          data-testid="claim-button"
          title={mine ? `Stop minuting this block (${hint})` : `Tell the others you are minuting this block (${hint})`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => store.toggle(blockId)}
        >
          {mine ? 'You’re minuting this' : 'I’m minuting this'}
        </button>
      )}
    </span>
  );
}

/**
 * Who else is typing in this block right now (seen through presence in the last few seconds),
 * shown before you type there: "Ben is typing…" in their colour.
 */
export function BlockTypists({ blockId }: { blockId: string }) {
  const cockpit = useCockpit();
  const typists = useMaybeStore(cockpit?.session.typing ?? null, (t) => t.get(blockId) ?? NO_TYPISTS, NO_TYPISTS);
  if (!cockpit || typists.length === 0) return null;
  return (
    <span className="sb-typists" data-testid="block-typists">
      {typists.map((t) => (
        <span
          key={t.clientId}
          className="claim-badge typing-badge"
          data-testid="typing-badge"
          style={{ '--person': t.color } as CSSProperties}
        >
          <span className="swatch" aria-hidden="true" />
          {t.name} is typing…
        </span>
      ))}
    </span>
  );
}

/**
 * The question before typing into a block someone else claimed (see claimGuard.ts), shown on
 * that block. The keys answer it without leaving the text: Enter types here anyway, Escape not.
 */
export function ClaimPrompt({ blockId }: { blockId: string }) {
  const cockpit = useCockpit();
  const prompt = useMaybeStore(cockpit?.session.guard ?? null, (g) => (g?.blockId === blockId ? g : null), null);
  if (!cockpit || !prompt) return null;
  const answer = (yes: boolean) => answerGuard(cockpit.editor.view, cockpit.session, yes);
  return (
    <div className="claim-prompt" role="alert" contentEditable={false} data-testid="claim-prompt">
      <span>
        <strong style={{ color: prompt.color }}>{prompt.name}</strong>{' '}
        {prompt.reason === 'typing' ? 'is typing in this statement right now' : 'is minuting this statement'}. Type here
        anyway?
      </span>
      <button type="button" className="primary" onMouseDown={(e) => e.preventDefault()} onClick={() => answer(true)}>
        Type here <kbd>Enter</kbd>
      </button>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => answer(false)}>
        Leave it <kbd>Esc</kbd>
      </button>
    </div>
  );
}
