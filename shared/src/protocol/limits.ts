/**
 * Limits named once. MAX_MESSAGE_BYTES is both the WebSocket maxPayload on the server and the
 * validation limit for any single update (Outline's DocumentValidation does the same).
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** A document's encoded state may not grow past this (a three-hour meeting is ~1 MB). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Group commit: a room's pending updates are written at most this long after they arrive. */
export const FLUSH_INTERVAL_MS = 50;

/** A room compacts its update log once it holds this many rows. */
export const COMPACT_AFTER_ROWS = 200;

/** Outbound bytes queued on one socket before it counts as a slow consumer and is closed. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** Interval of server pings; a socket that misses one pong is closed. */
export const PING_INTERVAL_MS = 30_000;

/** Longest session title accepted. */
export const MAX_TITLE_LENGTH = 300;

/** Open sockets one network address may hold (a meeting room behind one NAT stays far below). */
export const MAX_CONNECTIONS_PER_ADDRESS = 2_000;

/**
 * Slow clients (slowloris). A request's headers must arrive within HTTP_HEADERS_TIMEOUT_MS and
 * the whole request within HTTP_REQUEST_TIMEOUT_MS (an import of the largest record over a slow
 * link fits); the server checks every HTTP_TIMEOUT_CHECK_MS. One address may hold at most
 * MAX_TCP_CONNECTIONS_PER_ADDRESS TCP connections of any kind (its sockets and room for plain
 * requests beside them): past that a new one is closed at once, before a byte is read.
 */
export const HTTP_HEADERS_TIMEOUT_MS = 10_000;
export const HTTP_REQUEST_TIMEOUT_MS = 120_000;
export const HTTP_TIMEOUT_CHECK_MS = 1_000;
export const MAX_TCP_CONNECTIONS_PER_ADDRESS = 2_256;

/** Sockets being admitted (token check, room load) at once, across all addresses. */
export const MAX_PENDING_ADMISSIONS = 512;

/**
 * Longest a socket may wait in admission (token check, room load). Past it the socket is closed
 * with 1013 "try again later" and its place given back, whatever the database is doing.
 */
export const ADMISSION_TIMEOUT_MS = 10_000;

/**
 * Frames (and their bytes) a socket may have delivered while it is being admitted. Its socket
 * is paused during admission, so an honest client sends nothing that counts here; the caps bound
 * what a client that ignores the handshake could make the server hold.
 */
export const MAX_EARLY_FRAMES = 256;
export const MAX_EARLY_BYTES = MAX_MESSAGE_BYTES;

/**
 * A refused socket is sent its close code, then destroyed at the latest this long after, even if
 * the client never answers the closing handshake (ws would otherwise wait 30 s).
 */
export const REFUSED_SOCKET_GRACE_MS = 1_000;

/**
 * Awareness changes are collected per room and broadcast once per tick: one encoded frame for
 * all receivers however many carets moved, and a flood from one socket cannot be amplified by
 * the stock client's habit of re-sending every awareness update it receives.
 */
export const AWARENESS_TICK_MS = 30;

/**
 * The observer count in the room's presence entry is republished at most this often: a crowd
 * arriving makes one change, not one per arrival sent to every socket (and sent back by each).
 * Lock and status changes are published at once.
 */
export const ROOM_STATE_INTERVAL_MS = 1_000;

/**
 * Update frames a room sends its observers per second before it starts batching them: a room
 * whose observers would get more (fan-outs per second × observers) holds their updates for a
 * short window and sends them merged, so a thousand observers cost the server (and each of them)
 * a few frames a second rather than one per keystroke of every note-taker.
 */
export const OBSERVER_FRAMES_PER_SECOND = 25_000;

/** The longest an observer's update is held for batching. */
export const OBSERVER_BATCH_MAX_MS = 50;

/**
 * Messages one socket may send per second (sustained) and at once (burst). Beyond them the
 * server stops reading the socket until the rate is back within (backpressure): the client is
 * slowed down, never closed, so a script seeding thousands of paragraphs gets them all stored.
 */
export const MESSAGES_PER_SECOND = 200;
export const MESSAGE_BURST = 500;

/**
 * Bytes read from one socket that may wait for processing while its reading is paused (what was
 * already in flight). Past it the socket is closed with 1013, which every client retries.
 */
export const MAX_INBOX_BYTES = 2 * MAX_MESSAGE_BYTES;

/**
 * Causally incomplete updates (their dependencies not yet received) a room holds, in bytes and
 * in count, until what they need arrives. Past either, the socket holding the most is closed
 * (PendingLimit) and its held updates dropped: on reconnecting, an honest client re-sends them
 * complete through the sync exchange.
 */
export const MAX_PENDING_BYTES = 8 * 1024 * 1024;
export const MAX_PENDING_UPDATES = 512;

/**
 * Presence (awareness) updates applied per socket: a burst, then a sustained rate; beyond it only
 * the latest state of the socket is kept and applied when its turn comes (coalesced).
 */
export const PRESENCE_PER_SOCKET_PER_SECOND = 15;
export const PRESENCE_PER_SOCKET_BURST = 30;

/** Presence a room applies per second, across its sockets, in entries and in bytes of state. */
export const PRESENCE_PER_ROOM_PER_SECOND = 300;
export const PRESENCE_BYTES_PER_ROOM_PER_SECOND = 256 * 1024;

/** A presence state larger than this is dropped (an honest caret and name are well under 1 KB). */
export const MAX_PRESENCE_STATE_BYTES = 16 * 1024;

/** Deepest nesting of elements accepted in the record (a list in a list in a block is 6). */
export const MAX_RECORD_DEPTH = 64;

/**
 * Longest plain-text record the importer accepts, in UTF-16 code units. A week's plenary of 3,000
 * statements of ~200 words is ~4 M characters; a day of 1,000 such statements is ~1.3 M (issue 17).
 */
export const MAX_IMPORT_CHARS = 5_000_000;

/**
 * Body bytes of an import request: every UTF-16 code unit is at most 3 bytes of UTF-8, plus room
 * for the JSON around the text. Only an admin's request body is ever read this far.
 */
export const MAX_IMPORT_BODY_BYTES = 3 * MAX_IMPORT_CHARS + 64 * 1024;

/**
 * Body bytes of any other API request (versions, blocks, registry, sessions): small JSON, so a
 * client cannot make the server buffer megabytes it will never use.
 */
export const MAX_API_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Speaker blocks one import may create. Building the document costs ~0.2 ms a block, so 55,000
 * one-line statements in a 1 MB text took 24 s and ~930 MB before this limit (issue 12 item 5).
 */
export const MAX_IMPORT_BLOCKS = 5_000;

/** Agenda items and other sections one import may create. */
export const MAX_IMPORT_SECTIONS = 1_000;

/** Longest paragraph (or bullet list) of an imported statement; a long statement is ~10,000. */
export const MAX_PARAGRAPH_CHARS = 100_000;

/**
 * Heavy requests (imports, exports) one client (capability token, or the admin) may have running
 * or waiting at once; further ones get 429 with Retry-After.
 */
export const MAX_HEAVY_PER_CLIENT = 2;

/** Heavy requests anonymous readers of public sessions may have at once, all of them together. */
export const MAX_HEAVY_ANONYMOUS = 4;

/** Heavy jobs waiting for a worker thread, across all clients; beyond it the server answers 503. */
export const MAX_HEAVY_QUEUE = 32;

/**
 * Worker threads doing heavy jobs at most (started on first use, stopped when idle). A server
 * starts one fewer than its cores, within 1..HEAVY_WORKERS (server/src/heavy/workerCount.ts): on
 * two cores, two export workers left the event loop no core of its own, and live keystrokes
 * waited (p99 333 ms during exports against 47 ms with one worker, `pnpm bench:export`).
 */
export const HEAVY_WORKERS = 2;

/** A heavy job still running after this long has its worker stopped (and replaced) and fails. */
export const HEAVY_JOB_TIMEOUT_MS = 60_000;

/** What a 429 or 503 for heavy work asks the client to wait, in seconds (Retry-After). */
export const HEAVY_RETRY_AFTER_S = 2;

/**
 * A sync reply or update larger than its first part is sent and applied in parts (splitUpdate.ts):
 * a first part for the first screen (a dozen statements), then parts twice as large as the one
 * before, up to the last size. A reader applying one part per task never holds the page long
 * (issue 17: a 1,000-block record is 1.7 MB).
 */
export const SYNC_PART_BYTES = { first: 16 * 1024, rest: 64 * 1024 } as const;
