/**
 * What a decoded client frame does to a room, with the checks of the sender's role: sync
 * exchange, document updates (only causally complete ones reach the Y.Doc; size, schema and
 * review-status guards), presence handed to presence.ts. Also applies updates from other
 * processes of a cluster, which may complete updates held here.
 */
import * as Y from 'yjs';
import { CloseCode, MAX_DOCUMENT_BYTES, readerItems } from '@rapporteur/shared/protocol';
import { BlockGuard } from './blockGuard.ts';
import { recordSchema, schemaRules } from '@rapporteur/shared/schema';
import { RECORD_FIELD } from '@rapporteur/shared/schema/field';
import { unmetNeeds, updateNeeds } from './causality.ts';
import { ProtocolError, readClientMessage } from './codec.ts';
import type { Connection } from './connection.ts';
import { DocumentSize } from './docSize.ts';
import { PendingUpdates } from './pendingBound.ts';
import type { Presence } from './presence.ts';
import { applyGuarded, setsReviewStatus } from './reviewGuard.ts';
import type { Room } from './room.ts';
import { schemaViolation } from './schemaGuard.ts';
import {
  type ClientMessage,
  type DecodedUpdate,
  type FrameReceiver,
  presenceRole,
  REMOTE_ORIGIN,
  type RoomPart,
} from './types.ts';
import { syncReplyFrames } from './syncReply.ts';

/** What the record schema allows, checked against every incoming update. */
const RECORD_RULES = schemaRules(recordSchema);

/** A room's handling of its sockets' frames. */
export class MessageReceiver implements FrameReceiver, RoomPart {
  /** Causally incomplete updates waiting for what they need (issue 12, item 4). */
  private readonly pending = new PendingUpdates<Connection>();
  private readonly size: DocumentSize;
  private fullState: Uint8Array | null = null;
  private fullReply: Buffer[] | null = null;
  /** Final blocks read-only for note-takers; changes after review marked (blockGuard.ts). */
  private readonly blocks: BlockGuard;

  constructor(
    private readonly room: Room,
    private readonly presence: Presence,
  ) {
    this.size = new DocumentSize(room.loadedBytes, () => this.fullStateUpdate().byteLength);
    this.blocks = new BlockGuard(room.doc, () => room.sessionState.status);
    room.doc.on('update', (update: Uint8Array) => {
      this.fullState = null;
      this.fullReply = null;
      this.size.grew(update.byteLength);
    });
  }

  /** Handle one raw frame from a socket in this room; bad frames close only that socket. */
  receive(conn: Connection, frame: Uint8Array): void {
    try {
      this.handle(conn, readClientMessage(frame));
    } catch (err) {
      const { logger, sessionId } = this.room;
      if (err instanceof ProtocolError) {
        logger.warn('closing connection', { sessionId, conn: conn.id, reason: err.message });
        conn.close(err.code);
      } else {
        logger.error('message handling failed', { sessionId, conn: conn.id, err });
        conn.close(CloseCode.InternalError);
      }
    }
  }

  private handle(conn: Connection, msg: ClientMessage): void {
    switch (msg.type) {
      case 'sync-step1':
        this.answerSyncStep1(conn, msg.stateVector);
        return;
      case 'sync-step2':
        this.applyUpdate(conn, msg.update, msg);
        for (const resolve of conn.step2Waiters.splice(0)) resolve();
        return;
      case 'sync-update':
        this.applyUpdate(conn, msg.update, msg);
        return;
      case 'awareness':
        this.presence.apply(conn, msg.update);
        return;
      case 'query-awareness':
        conn.send(this.room.presenceFor(presenceRole(conn)));
        return;
      case 'auth':
        return;
    }
  }

  /**
   * Answer a peer's state vector with what it lacks, a large answer in parts (syncReply.ts). A
   * joiner with an empty document gets the full state, encoded, split and framed once between
   * edits, so a hundred joiners of a large record share the same buffers.
   */
  private answerSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    const empty = stateVector.length === 1 && stateVector[0] === 0;
    if (!empty) {
      const { doc } = this.room;
      conn.write(syncReplyFrames(Y.encodeStateAsUpdate(doc, stateVector), readerItems(doc)));
      return;
    }
    this.fullReply ??= syncReplyFrames(this.fullStateUpdate());
    conn.write(this.fullReply);
  }

  private fullStateUpdate(): Uint8Array {
    this.fullState ??= Y.encodeStateAsUpdate(this.room.doc);
    return this.fullState;
  }

  private applyUpdate(conn: Connection, update: Uint8Array, decoded: DecodedUpdate): void {
    // Observers never write; nobody writes while the session is final. The update is dropped
    // without closing (a stock client would reconnect and resend it); when the session is
    // reopened every writer is asked to resync, so nothing typed meanwhile is lost.
    if (conn.identity.role === 'observer' || this.room.locked) return;
    // Only complete updates reach the Y.Doc: Yjs's own pending store would re-merge everything
    // pending on each update (quadratic) and escape the size limit.
    const needs = unmetNeeds(updateNeeds(decoded), this.room.doc);
    if (needs.size > 0) {
      this.holdPending(conn, update, decoded, needs);
      return;
    }
    this.integrate(conn, update, decoded);
    this.applyReady();
  }

  /** An update from another process (checked by the process whose socket sent it). */
  applyRemote(update: Uint8Array): void {
    Y.applyUpdate(this.room.doc, update, REMOTE_ORIGIN);
    this.applyReady(); // it may complete what a socket here sent ahead of it
  }

  private holdPending(conn: Connection, update: Uint8Array, decoded: DecodedUpdate, needs: Map<number, number>): void {
    const evicted = this.pending.hold({ sender: conn, update, decoded, needs });
    for (const other of evicted) if (other !== conn) other.close(CloseCode.PendingLimit);
    if (evicted.includes(conn)) {
      throw new ProtocolError(CloseCode.PendingLimit, 'too many updates wait for changes the server lacks');
    }
  }

  /** Apply the held updates that the document now completes (each in its sender's name). */
  private applyReady(): void {
    while (this.pending.size > 0 && !this.room.locked) {
      const ready = this.pending.takeReady(this.room.doc);
      if (ready.length === 0) return;
      for (const { sender, update, decoded } of ready) {
        if (!sender.open) continue;
        try {
          this.integrate(sender, update, decoded);
        } catch (err) {
          this.pending.drop(sender);
          sender.close(err instanceof ProtocolError ? err.code : CloseCode.InternalError);
        }
      }
    }
  }

  /** Check a complete update (size, schema, review status) and apply it. */
  private integrate(conn: Connection, update: Uint8Array, decoded: DecodedUpdate): void {
    const { doc } = this.room;
    if (update.byteLength > 1024 && this.size.wouldExceed(update.byteLength, MAX_DOCUMENT_BYTES)) {
      throw new ProtocolError(CloseCode.DocumentTooLarge, 'document would exceed its size limit');
    }
    const outside = schemaViolation(decoded, doc, RECORD_RULES);
    if (outside) throw new ProtocolError(CloseCode.SchemaViolation, outside);
    const guard = conn.identity.role !== 'editor' && setsReviewStatus(update, doc, decoded.structs);
    const blocks = this.blocks.before(conn.identity, conn, update);
    const apply = () => {
      try {
        Y.applyUpdate(doc, update, conn);
      } catch {
        throw new ProtocolError(CloseCode.MalformedMessage, 'update could not be applied');
      }
    };
    if (!guard) apply();
    else if (applyGuarded(doc.getXmlFragment(RECORD_FIELD), apply) > 0) {
      this.room.logger.warn('reverted a review-status change by a non-editor', {
        sessionId: this.room.sessionId,
        conn: conn.id,
      });
    }
    if (this.blocks.after(blocks).undone) this.room.logger.warn('undid a change to a final block', { conn: conn.id });
  }

  /** RoomPart: a leaving socket's held updates go with it. */
  leave(conn: Connection): void {
    this.pending.drop(conn);
  }
}
