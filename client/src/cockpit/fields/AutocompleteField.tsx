import { normaliseName } from '@rapporteur/shared/registry';
import { type ComponentProps, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useCockpit } from '../context.ts';
import type { Directory } from '../stores/directoryStore.ts';
import type { AddableKind } from '../model/headerChoice.ts';
import { isClaimKey, isTakeNextKey } from '../keys.ts';
import { KIND_WORDS } from '../labels.ts';
import { useMaybeStore } from '../stores/store.ts';
import { STRONG_MATCH, type Suggestion, type SuggestField, suggest } from '../model/suggest.ts';
import { UnknownFlag } from './UnknownFlag.tsx';

/** Props of a text field with suggestions from the registry and the session. */
export interface AutocompleteFieldProps extends Omit<ComponentProps<'input'>, 'value' | 'onChange'> {
  field: SuggestField;
  /** The value in the document. */
  value: string;
  /** Write a new value (every keystroke, like a plain header field). */
  onCommit(value: string): void;
  /** Apply a chosen suggestion; without it, choosing commits the name. */
  onChoose?(suggestion: Suggestion): void;
  /** The speaker block this field belongs to: its own text is no suggestion, and Ctrl+Alt+M claims it. */
  blockId?: string | null;
  /** Offer to add an unknown name to the registry, as this kind (omit for no flag). */
  addKind?: AddableKind;
  /** After choosing with Enter, go on with the field's own Enter (move to the statement). */
  enterContinues?: boolean;
  /** Called after a choice with Enter, or Enter on typed text, when `enterContinues` is off. */
  onSubmitText?(text: string, chosen: Suggestion | null): void;
}

const MAX_SHOWN = 8;

/** Whether `query` is exactly the short form `s` was found by. */
function exactAlias(s: Suggestion, query: string): boolean {
  return s.via === 'alias' && normaliseName(s.matched) === normaliseName(query);
}

/** Whether `query` is exactly the name, or the short form found, of `s`. */
function exactName(s: Suggestion, query: string): boolean {
  return normaliseName(s.name) === normaliseName(query) || exactAlias(s, query);
}

/**
 * A combobox over a name field: as you type, the best matches from who already spoke here and the
 * registry ("Russ" → Russian Federation, "UK" → United Kingdom …). ↑/↓ move, Enter or Tab choose
 * (a strong match is preselected, so "Russ⏎" is enough; a short form typed in full stays as typed
 * and still sets the kind), Escape closes the list, ↓ on an empty field lists the usual choices. It keeps its own draft so the caret never jumps while the block
 * re-renders from the document.
 */
export function AutocompleteField({
  field,
  value,
  onCommit,
  onChoose,
  blockId = null,
  addKind,
  enterContinues = true,
  onSubmitText,
  onKeyDown,
  onBlur,
  onFocus,
  className,
  ...rest
}: AutocompleteFieldProps) {
  const cockpit = useCockpit();
  const directory = useMaybeStore<Directory, Directory | null>(cockpit?.session.directory ?? null, (d) => d, null);
  const [draft, setDraft] = useState(value);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(false);
  const listId = useId();
  useEffect(() => setDraft(value), [value]);

  const refresh = (query: string, openEmpty = false) => {
    if (!cockpit) return;
    const list = suggest(field, query, cockpit.sources(blockId), MAX_SHOWN);
    const typed = query.trim() !== '';
    setItems(list);
    // a short form typed in full ("UNODC", "Russia") is kept as written: minutes use them
    setActive(typed && list[0] && list[0].score >= STRONG_MATCH && !exactAlias(list[0], query) ? 0 : -1);
    setOpen(list.length > 0 && (typed || openEmpty));
  };

  /** Apply a suggestion but keep the text as typed (its kind still counts). */
  const keepTyped = (s: Suggestion) => {
    const name = draft.trim();
    setOpen(false);
    if (onChoose) onChoose({ ...s, name });
    else onCommit(name);
  };

  const choose = (s: Suggestion) => {
    setDraft(s.name);
    setOpen(false);
    if (onChoose) onChoose(s);
    else onCommit(s.name);
  };

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (cockpit && isTakeNextKey(e)) {
      e.preventDefault();
      cockpit.takeNext();
      return;
    }
    if (cockpit && blockId && isClaimKey(e)) {
      e.preventDefault();
      cockpit.session.claims.toggle(blockId);
      return;
    }
    if (open && plain) {
      const chosen = active >= 0 ? items[active] : undefined;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        // a ring of the options plus "none" (the text as typed), so ↑ from the first lets it be
        const ring = items.length + 1;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((a) => ((a + 1 + step + ring) % ring) - 1);
        return;
      }
      if (e.key === 'Escape') {
        // close the list, but stay here (Escape again leaves the field)
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        return;
      }
      const typedAs = chosen ? undefined : items.find((s) => exactName(s, draft));
      if ((chosen || typedAs) && (e.key === 'Enter' || e.key === 'Tab')) {
        const applied = chosen ? { ...chosen } : { ...typedAs!, name: draft.trim() };
        if (chosen) choose(chosen);
        else keepTyped(typedAs!);
        if (e.key === 'Enter' && !enterContinues) {
          e.preventDefault();
          onSubmitText?.(applied.name, applied);
          return;
        }
      }
    } else if (plain && e.key === 'ArrowDown' && cockpit) {
      e.preventDefault();
      refresh(draft, true);
      return;
    }
    if (e.key === 'Enter' && plain && !enterContinues) {
      e.preventDefault();
      setOpen(false);
      onSubmitText?.(draft, null);
      return;
    }
    onKeyDown?.(e);
  };

  const showFlag =
    addKind !== undefined && !focused && !!directory?.fetched && draft.trim() !== '' && !directory.known(draft);

  return (
    <span className="ac">
      <input
        {...rest}
        className={showFlag ? `${className ?? ''} ac-unknown-field` : className}
        type="text"
        value={draft}
        spellCheck={false}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          onCommit(e.target.value);
          refresh(e.target.value);
        }}
        onKeyDown={keyDown}
        onFocus={(e) => {
          setFocused(true);
          onFocus?.(e);
        }}
        onBlur={(e) => {
          setFocused(false);
          setOpen(false);
          onBlur?.(e);
        }}
      />
      {open && (
        <div className="ac-list" role="listbox" id={listId} aria-label="Suggestions">
          {items.map((s, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys act in the field (aria-activedescendant points here)
            <div
              key={`${s.source}:${s.name}`}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'ac-option active' : 'ac-option'}
              // keep the focus in the field: the click chooses, the field stays where the typing is
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(s)}
            >
              <span className="ac-name">{s.name}</span>
              {s.via === 'alias' && <span className="ac-alias">{s.matched}</span>}
              <span className="ac-kind">{s.source === 'session' ? 'in this session' : KIND_WORDS[s.kind]}</span>
            </div>
          ))}
        </div>
      )}
      {showFlag && addKind !== undefined && <UnknownFlag name={draft.trim()} kind={addKind} />}
    </span>
  );
}
