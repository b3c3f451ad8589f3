import type { SearchHit, SearchResponse, SnippetSegment } from '@rapporteur/shared/api';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { errorMessage } from '../api/http.ts';
import { type SearchParams, searchPath, searchStatements } from '../api/search.ts';
import { formatDateTime } from '../format.ts';

const PAGE_SIZE = 20;
/** The form's fields, also the URL's query parameters (so a search can be bookmarked and shared). */
const FIELDS = ['q', 'speaker', 'affiliation', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

type ResultState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; result: SearchResponse };

function paramsOf(url: URLSearchParams): SearchParams {
  const offset = Number(url.get('offset') ?? 0);
  return {
    q: url.get('q') ?? '',
    speaker: url.get('speaker') ?? '',
    affiliation: url.get('affiliation') ?? '',
    from: url.get('from') ?? '',
    to: url.get('to') ?? '',
    session: url.get('session') ?? '',
    limit: PAGE_SIZE,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

const draftOf = (p: SearchParams): Draft => ({
  q: p.q ?? '',
  speaker: p.speaker ?? '',
  affiliation: p.affiliation ?? '',
  from: p.from ?? '',
  to: p.to ?? '',
});

/** Whether there is anything to search for (an empty form lists nothing rather than everything). */
const hasCriteria = (p: SearchParams) => FIELDS.some((f) => (p[f] ?? '').trim() !== '') || Boolean(p.session);

/** `/search`: full-text search over the statements of every session this browser may read. */
export function SearchPage() {
  const [url, setUrl] = useSearchParams();
  const params = paramsOf(url);
  const key = searchPath(params);
  const [draft, setDraft] = useState<Draft>(() => draftOf(params));
  const [state, setState] = useState<ResultState>({ kind: 'idle' });

  useEffect(() => {
    document.title = params.q ? `${params.q} · Search · Rapporteur` : 'Search · Rapporteur';
  }, [params.q]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the whole search; params is rebuilt each render
  useEffect(() => {
    setDraft(draftOf(params));
    if (!hasCriteria(params)) {
      setState({ kind: 'idle' });
      return;
    }
    const ctl = new AbortController();
    setState({ kind: 'loading' });
    searchStatements(params, ctl.signal).then(
      (result) => setState({ kind: 'ready', result }),
      (err: unknown) => {
        if (!ctl.signal.aborted) setState({ kind: 'error', message: errorMessage(err) });
      },
    );
    return () => ctl.abort();
  }, [key]);

  const go = (next: Partial<SearchParams>) => {
    const merged = { ...params, ...next };
    const qs = new URLSearchParams();
    for (const f of [...FIELDS, 'session', 'offset'] as const) {
      const v = merged[f];
      if (v !== undefined && v !== '' && v !== 0) qs.set(f, String(v));
    }
    setUrl(qs);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...draft, offset: 0 });
  };

  const field = (name: Field, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`search-${name}`}>{label}</label>
      <input
        id={`search-${name}`}
        type={type}
        value={draft[name]}
        maxLength={name === 'q' ? 500 : 200}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
      />
    </div>
  );

  return (
    <div className="page search-page">
      <h1>Search the minutes</h1>
      <search>
        <form className="search-form" onSubmit={submit}>
          <div className="search-main">
            {field('q', 'Words or "a phrase" (use -word to exclude)', 'search')}
            <button type="submit" className="primary">
              Search
            </button>
          </div>
          <fieldset className="search-filters">
            <legend>Filters</legend>
            {field('speaker', 'Speaker')}
            {field('affiliation', 'Affiliation or on behalf of')}
            {field('from', 'From', 'date')}
            {field('to', 'To', 'date')}
          </fieldset>
          {params.session && (
            <p className="search-scope">
              Searching one session only.{' '}
              <button type="button" className="link-button" onClick={() => go({ session: '', offset: 0 })}>
                Search all sessions
              </button>
            </p>
          )}
        </form>
      </search>
      <section aria-live="polite" aria-busy={state.kind === 'loading'} className="search-results">
        {state.kind === 'idle' && <p className="muted">Type a word, a speaker or a date range to search.</p>}
        {state.kind === 'loading' && <p className="muted">Searching…</p>}
        {state.kind === 'error' && (
          <div className="notice error" role="alert">
            <p>The search failed: {state.message}</p>
          </div>
        )}
        {state.kind === 'ready' && <Results result={state.result} onPage={(offset) => go({ offset })} />}
      </section>
    </div>
  );
}

function Results({ result, onPage }: { result: SearchResponse; onPage: (offset: number) => void }) {
  const { total, offset, limit, hits } = result;
  if (total === 0) return <p className="muted">No statements match.</p>;
  const last = Math.min(offset + hits.length, total);
  return (
    <>
      <p className="search-count">
        {hits.length > 0 ? `${offset + 1}–${last} of ${total}` : `${total}`} {total === 1 ? 'statement' : 'statements'}
      </p>
      <ol className="search-hits" start={offset + 1}>
        {hits.map((hit) => (
          <Hit key={`${hit.sessionId}/${hit.blockId}`} hit={hit} />
        ))}
      </ol>
      {total > limit && (
        <nav className="search-pages" aria-label="Result pages">
          <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
            Previous
          </button>
          <button type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
            Next
          </button>
        </nav>
      )}
    </>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  // the session page scrolls to the element with this id
  const href = `/s/${hit.sessionId}#block-${encodeURIComponent(hit.blockId)}`;
  return (
    <li className="search-hit">
      <Link href={href} className="search-hit-link">
        <span className="search-speaker">
          {hit.speaker || 'Unnamed speaker'}
          {hit.affiliation && <span className="search-affiliation">, {hit.affiliation}</span>}
          {hit.onBehalfOf && <span className="search-affiliation"> on behalf of {hit.onBehalfOf}</span>}
        </span>
        <span className="search-snippet">
          <Snippet segments={hit.snippet} />
        </span>
        <span className="search-meta">
          <span>{hit.sessionTitle}</span>
          <time dateTime={hit.date}>{formatDateTime(hit.date)}</time>
          {hit.agendaItemTitle && <span>{hit.agendaItemTitle}</span>}
        </span>
      </Link>
    </li>
  );
}

/** Snippet segments as text nodes, matches in <mark>: React escapes every character of them. */
function Snippet({ segments }: { segments: SnippetSegment[] }) {
  if (segments.length === 0) return <span className="muted">(no text)</span>;
  return (
    <>
      {segments.map((s, i) =>
        s.highlight ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a result's segments never reorder; position is their identity
          <mark key={i}>{s.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
