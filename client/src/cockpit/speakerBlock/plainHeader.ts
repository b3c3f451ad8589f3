/**
 * The header of a speaker block away from the selection, built with DOM calls (issue 17: a React
 * root per block made opening a long record one long task). It shows what the form of the block
 * being edited shows (who spoke, for whom, kind, time, review, claims, who is typing) as plain
 * text, with no control. A click on it opens the header's fields, the clicked one with the cursor
 * in it. It follows the cockpit's stores while it is on screen, and rebuilds its content only when
 * something it shows changed.
 */
import type { Claim } from '@rapporteur/shared/cockpit';
import {
  BLOCK_STATUSES,
  oneOf,
  SPEAKER_KINDS,
  type BlockStatus,
  type SpeakerBlockAttrs,
} from '@rapporteur/shared/schema';
import type { Editor } from '@tiptap/core';
import { focusHeaderField } from '../../editor/activeHeader.ts';
import type { PlainHeader } from '../../editor/addons.ts';
import type { BlockViewEnv } from '../../editor/blockViews.ts';
import { KIND_LABELS, STATUS_LABELS } from '../../editor/labels.ts';
import { formatClock } from '../../editor/time.ts';
import { changeNote, reviewNote } from '../../record/reviewNote.ts';
import { durationLabel, durationSeconds, durationWords, offsetLabel } from '../model/clock.ts';
import { timelineOf } from '../model/timeline.ts';
import type { SessionCockpit } from '../sessionCockpit.ts';
import type { Typist } from '../stores/typingStore.ts';

/** An element with a class, attributes and children (text or elements). */
function el(
  tag: string,
  className: string,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

/** One header field as text, with the field's placeholder when empty (see styles.css). */
function fieldText(field: string, value: string, placeholder: string, className: string): HTMLElement {
  return el('span', `sb-field sb-text ${className}`, { 'data-shows': field, 'data-placeholder': placeholder }, value);
}

const unknownFlag = () => el('span', 'ac-flag', { title: 'This name is not in the registry' }, 'not in registry');

/** A person's badge in their colour ("Ana is minuting", "Ben is typing…"). */
function badge(className: string, color: string, text: string, attrs: Record<string, string>): HTMLElement {
  const b = el('span', className, attrs, el('span', 'swatch', { 'aria-hidden': 'true' }), text);
  b.style.setProperty('--person', color);
  return b;
}

/** What the header shows besides the block's attributes, as it stood at the last build. */
interface Shown {
  attrs: SpeakerBlockAttrs;
  env: BlockViewEnv;
  unknown: string;
  claims: readonly Claim[] | undefined;
  mine: boolean;
  typists: readonly Typist[] | undefined;
  next: string;
  startsAt: string | null;
}

function review(status: BlockStatus, attrs: SpeakerBlockAttrs, canReview: boolean): HTMLElement {
  const note = reviewNote({ status, statusBy: attrs.statusBy ?? '', statusAt: attrs.statusAt ?? '' });
  const changed = changeNote({ status, changedBy: attrs.changedBy ?? '', changedAt: attrs.changedAt ?? '' });
  return el(
    'span',
    'sb-review',
    {},
    canReview
      ? el('span', `sb-field sb-text sb-status status-${status}`, { 'data-shows': 'status' }, STATUS_LABELS[status])
      : note === null
        ? el('span', `badge status-${status}`, { title: 'Review status' }, STATUS_LABELS[status])
        : null,
    note ? el('span', 'sb-review-note', { 'data-testid': 'review-note' }, note) : null,
    status === 'final' && !canReview
      ? el(
          'span',
          'sb-locked-note',
          { 'data-testid': 'locked-note', title: 'Only an editor can change or reopen it' },
          'read-only',
        )
      : null,
    changed ? el('span', 'sb-change-note', { 'data-testid': 'change-note' }, changed) : null,
  );
}

function clock(startsAt: string | null, startedAt: string, next: string): HTMLElement | null {
  const offset = offsetLabel(startsAt, startedAt);
  const seconds = durationSeconds(startedAt, next);
  if (!offset && seconds === null) return null;
  return el(
    'span',
    'sb-clock',
    { 'data-testid': 'block-clock' },
    offset ? el('span', 'sb-offset', { title: "Time since the session's start (for the webcast)" }, offset) : null,
    seconds !== null
      ? el(
          'span',
          'sb-duration',
          { title: `Spoke ${durationWords(seconds)}, until the next speaker` },
          durationLabel(seconds),
        )
      : null,
  );
}

function claimsOf(session: SessionCockpit, claims: readonly Claim[]): HTMLElement {
  const out = el('span', 'sb-claims', { 'data-testid': 'block-claims' });
  for (const c of claims) {
    if (session.claims.isMine(c)) continue;
    const attrs: Record<string, string> = { 'data-testid': 'claim-badge' };
    if (c.since) attrs.title = `Claimed at ${new Date(c.since).toLocaleTimeString()}`;
    out.append(badge('claim-badge', c.user?.color || '#6b7280', `${c.user?.name || 'Someone'} is minuting`, attrs));
  }
  if (claims.some((c) => session.claims.isMine(c)))
    out.append(el('span', 'claim-button mine', {}, 'You’re minuting this'));
  return out;
}

function typistsOf(typists: readonly Typist[]): HTMLElement {
  const out = el('span', 'sb-typists', { 'data-testid': 'block-typists' });
  for (const t of typists) {
    out.append(badge('claim-badge typing-badge', t.color, `${t.name} is typing…`, { 'data-testid': 'typing-badge' }));
  }
  return out;
}

/** The plain header of one block of `editor`, following `session`'s stores until destroyed. */
export function plainHeader(
  session: SessionCockpit,
  editor: Editor,
  attrs: SpeakerBlockAttrs,
  env: BlockViewEnv,
): PlainHeader {
  const dom = el('div', 'sb-header sb-header-text');
  dom.contentEditable = 'false';
  const timeline = timelineOf(editor);
  let shown: Shown | null = null;
  let current = { attrs, env };

  const disabled = () => {
    const status = oneOf(BLOCK_STATUSES, current.attrs.status, 'draft');
    return current.env.readOnly || (status === 'final' && !current.env.canReview);
  };

  /**
   * Which of the names are flagged unknown, as a key: '' when none is, as while the registry is
   * not read, so that the registry's arrival rebuilds only the headers it flags (it rebuilt every
   * header: ~50 ms in one task at 1,000 blocks, issue 17).
   */
  const unknownKey = (a: SpeakerBlockAttrs): string => {
    const directory = session.directory.get();
    if (!directory.fetched) return '';
    const flag = (name: string) => (name.trim() !== '' && !directory.known(name) ? '1' : '0');
    const flags = flag(a.speaker) + flag(a.affiliation) + flag(a.onBehalfOf);
    return flags === '000' ? '' : flags;
  };

  const read = (): Shown => {
    const id = current.attrs.id;
    const claims = session.claims.get();
    return {
      attrs: current.attrs,
      env: current.env,
      unknown: unknownKey(current.attrs),
      claims: claims.byBlock.get(id),
      mine: claims.mine === id,
      typists: session.typing.get().get(id),
      next: timeline.nextStartOf(id),
      startsAt: session.startsAt.get(),
    };
  };

  const same = (a: Shown, b: Shown) =>
    a.attrs === b.attrs &&
    a.env === b.env &&
    a.unknown === b.unknown &&
    a.claims === b.claims &&
    a.mine === b.mine &&
    a.typists === b.typists &&
    a.next === b.next &&
    a.startsAt === b.startsAt;

  const build = (s: Shown) => {
    const a = s.attrs;
    const status = oneOf(BLOCK_STATUSES, a.status, 'draft');
    const kind = oneOf(SPEAKER_KINDS, a.kind, 'other');
    const flagged = (i: number) => (s.unknown[i] === '1' ? unknownFlag() : null);
    dom.classList.toggle('disabled', disabled());
    const parts = [
      fieldText('speaker', a.speaker, 'Speaker', 'sb-speaker'),
      flagged(0),
      fieldText('affiliation', a.affiliation, 'Affiliation', 'sb-affiliation'),
      flagged(1),
      el(
        'span',
        'sb-behalf',
        {},
        el('span', 'sb-behalf-label', {}, 'on behalf of'),
        fieldText('onBehalfOf', a.onBehalfOf, '—', 'sb-onbehalf'),
        flagged(2),
      ),
      el(
        'span',
        'sb-meta',
        {},
        review(status, a, s.env.canReview),
        fieldText('kind', KIND_LABELS[kind], '', 'sb-kind'),
        fieldText('startedAt', formatClock(a.startedAt), 'HH:MM', 'sb-time'),
        clock(s.startsAt, a.startedAt, s.next),
        claimsOf(session, s.claims ?? []),
        s.typists && s.typists.length > 0 ? typistsOf(s.typists) : null,
      ),
    ];
    dom.replaceChildren(...parts.filter((n) => n !== null));
  };

  const refresh = () => {
    const next = read();
    if (shown && same(shown, next)) return;
    shown = next;
    build(next);
  };

  const onMouseDown = (e: MouseEvent) => {
    if (e.button !== 0 || disabled()) return;
    if (e.target instanceof Element && e.target.closest('button, a')) return;
    e.preventDefault();
    const target = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-shows]') : null;
    focusHeaderField(editor, current.attrs.id, target?.dataset.shows ?? 'speaker');
  };
  dom.addEventListener('mousedown', onMouseDown);

  const stops = [
    session.directory.subscribe(refresh),
    session.claims.subscribe(refresh),
    session.typing.subscribe(refresh),
    session.startsAt.subscribe(refresh),
    timeline.subscribe(refresh),
  ];
  refresh();

  return {
    dom,
    update(nextAttrs, nextEnv) {
      current = { attrs: nextAttrs, env: nextEnv };
      refresh();
    },
    destroy() {
      for (const stop of stops) stop();
      dom.removeEventListener('mousedown', onMouseDown);
    },
  };
}
