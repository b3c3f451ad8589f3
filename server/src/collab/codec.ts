/**
 * Pure codec for the collaboration socket (protocol described in shared/protocol/messages.ts).
 * Decoding validates structure completely, so a malformed frame is rejected before anything
 * touches the room: a garbage update is never half-applied to a shared document.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode, type CloseCodeId, MessageType, writePersisted } from '@rapporteur/shared/protocol';

/** y-protocols sync sub-types (y-protocols/sync.js). */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

/** A decoded client frame. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | ({ type: 'sync-step2'; update: Uint8Array } & DecodedUpdate)
  | ({ type: 'sync-update'; update: Uint8Array } & DecodedUpdate)
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

/** A frame the server refuses, with the close code it earns. */
export class ProtocolError extends Error {
  constructor(
    readonly code: CloseCodeId,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

function readBytes(decoder: decoding.Decoder): Uint8Array {
  const len = decoding.readVarUint(decoder);
  if (len > decoder.arr.length - decoder.pos)
    throw new ProtocolError(CloseCode.MalformedMessage, 'length past end of frame');
  return decoding.readUint8Array(decoder, len);
}

/** The structs of a decoded update (kept, so later checks need not decode it again). */
export type DecodedStructs = ReturnType<typeof Y.decodeUpdate>['structs'];

/** A decoded update: its structs and its delete set (the room checks both before applying). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

function validUpdate(update: Uint8Array): { update: Uint8Array } & DecodedUpdate {
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    return { update, structs, ds };
  } catch {
    throw new ProtocolError(CloseCode.MalformedMessage, 'update does not decode');
  }
}

function validStateVector(sv: Uint8Array): Uint8Array {
  try {
    Y.decodeStateVector(sv);
  } catch {
    throw new ProtocolError(CloseCode.MalformedMessage, 'state vector does not decode');
  }
  return sv;
}

/** Decode one client frame, throwing ProtocolError for anything malformed or unknown. */
export function readClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let msg: ClientMessage;
    switch (type) {
      case MessageType.Sync: {
        const syncType = decoding.readVarUint(decoder);
        const body = readBytes(decoder);
        if (syncType === SyncType.Step1) msg = { type: 'sync-step1', stateVector: validStateVector(body) };
        else if (syncType === SyncType.Step2) msg = { type: 'sync-step2', ...validUpdate(body) };
        else if (syncType === SyncType.Update) msg = { type: 'sync-update', ...validUpdate(body) };
        else throw new ProtocolError(CloseCode.UnknownMessageType, `unknown sync message type ${syncType}`);
        break;
      }
      case MessageType.Awareness:
        msg = { type: 'awareness', update: readBytes(decoder) };
        break;
      case MessageType.QueryAwareness:
        return { type: 'query-awareness' };
      case MessageType.Auth:
        // clients have nothing to say in the auth channel; tolerate and ignore it
        return { type: 'auth' };
      default:
        throw new ProtocolError(CloseCode.UnknownMessageType, `unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder))
      throw new ProtocolError(CloseCode.MalformedMessage, 'trailing bytes after message');
    return msg;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(CloseCode.MalformedMessage, 'frame does not decode');
  }
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: "here is my state vector, send me what I lack". */
export function writeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Step1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

/** Sync step 2: the update answering a peer's state vector. */
export function writeSyncStep2(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Step2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** A live document update. */
export function writeUpdate(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Update);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An awareness update. */
export function writeAwareness(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/** The persisted state vector (only to clients that asked for it). */
export function writePersistedFrame(stateVector: Uint8Array): Uint8Array {
  return frame((e) => writePersisted(e, stateVector));
}
