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
