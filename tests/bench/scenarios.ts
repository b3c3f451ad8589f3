/**
 * The benchmark's scenarios (issue 6): a meeting room with a handful of note-takers typing and
 * many observers watching, at several sizes and ways of joining, and a large document.
 */

/** How the clients of a run arrive. */
export type JoinMode = { mode: 'together' } | { mode: 'spread'; overMs: number };

/** One scenario; every server runs it with the same harness. */
export interface Scenario {
  id: string;
  title: string;
  /** Clients that join during the run (N). */
  clients: number;
  /** How many of them type (K); the rest watch. In the large document, the seeder types instead. */
  writers: number;
  join: JoinMode;
  /**
   * How long the writers type. With `together` typing starts when everyone has joined; with
   * `spread` it starts when the writers have joined and overlaps the arrival of the watchers.
   */
  typingMs: number;
  /** Preload a large document (paragraphs) through a seeding client before the others join. */
  largeDoc?: { paragraphs: number };
  /**
   * A variant run on our server only, compared with the peers' runs of scenario `variantOf`
   * (same load for them): here our watchers open `oursWatchers` links instead of observer ones.
   */
  variantOf?: string;
  oursWatchers?: 'observer' | 'note-taker';
}

/** Typing speed of every writer. */
export const CHARS_PER_SECOND = 5;

/** The full benchmark. */
export const SCENARIOS: Scenario[] = [
  {
    id: 'n50',
    title: 'N=50, K=5, all joining together',
    clients: 50,
    writers: 5,
    join: { mode: 'together' },
    typingMs: 6_000,
  },
  {
    id: 'n300-spread',
    title: 'N=300, K=5, joining over 15 s',
    clients: 300,
    writers: 5,
    join: { mode: 'spread', overMs: 15_000 },
    typingMs: 17_000,
  },
  {
    // the stock clients renew their presence 15-18 s after joining, all at once: every renewal
    // reaches N clients and each of them sends it back (N² messages within seconds)
    id: 'n300-together',
    title: 'N=300, K=5, joining together (presence renewal storm at ~15 s)',
    clients: 300,
    writers: 5,
    join: { mode: 'together' },
    typingMs: 20_000,
  },
  {
    // our observers are invisible by design, so the storm above never reaches them; here every
    // watcher is a visible note-taker, as every client of the peers is
    id: 'n300-together-visible',
    title: 'N=300, K=5, joining together, our watchers as visible note-takers (peers as above)',
    clients: 300,
    writers: 5,
    join: { mode: 'together' },
    typingMs: 20_000,
    variantOf: 'n300-together',
    oursWatchers: 'note-taker',
  },
  {
    id: 'n1000',
    title: 'N=1000, K=10, joining over 10 s',
    clients: 1000,
    writers: 10,
    join: { mode: 'spread', overMs: 10_000 },
    typingMs: 14_000,
  },
  {
    id: 'large',
    title: 'Large document (3,000 paragraphs), 100 joining at once, K=1',
    clients: 100,
    writers: 0,
    join: { mode: 'together' },
    typingMs: 5_000,
    largeDoc: { paragraphs: 3000 },
  },
];

/** The CI smoke version: small N, a few seconds, every server once. */
export const SMOKE_SCENARIOS: Scenario[] = [
  {
    id: 'smoke',
    title: 'smoke: N=20, K=3, joining together',
    clients: 20,
    writers: 3,
    join: { mode: 'together' },
    typingMs: 3_000,
  },
  {
    id: 'smoke-large',
    title: 'smoke: document of 300 paragraphs, 10 joining at once, K=1',
    clients: 10,
    writers: 0,
    join: { mode: 'together' },
    typingMs: 1_000,
    largeDoc: { paragraphs: 300 },
  },
];
