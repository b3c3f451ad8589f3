/**
 * Clustered mode put together: the Redis bus, the relay, the leases and the owner duties, and
 * the hooks through which they attach to this process's rooms and routes. server.ts registers
 * these hooks instead of the single-process ones; nothing else differs.
 */
import type { ClusterConfig } from '../config.ts';
import { PersistenceHook } from '../collab/persistenceHook.ts';
import type { Room, RoomHooks } from '../collab/room.ts';
import type { ControlHooks } from '../collab/roomControl.ts';
import { REMOTE_ORIGIN } from '../collab/types.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../persistence/updateLog.ts';
import { type Bus, RedisBus } from './bus.ts';
import { Leases } from './lease.ts';
import { Ownership, type OwnershipOptions } from './ownership.ts';
import { Relay } from './relay.ts';
import { relayedRoom } from './relayedRoom.ts';
import type { RoomLinkTiming } from './roomLink.ts';

/** Timing of the cluster's background work (tests shorten it). */
export interface ClusterTiming extends Partial<RoomLinkTiming> {
  ownerTickMs?: number;
  gapFillAfterMs?: number;
  compactEveryMs?: number;
  compactAfterRows?: number;
}

export interface ClusteringOptions {
  config: ClusterConfig;
  db: Database;
  log: UpdateLog;
  logger: Logger;
  /** Room hooks that must run once per room across the cluster (projection, automatic versions). */
  ownerHooks: readonly RoomHooks[];
  timing?: ClusterTiming;
  /** Wrap the Redis bus (fault tests drop messages with it). */
  wrapBus?: (bus: Bus) => Bus;
}

/** This process's part in a cluster. */
export interface Clustering {
  /** Room hooks, in order: persistence (only what our sockets sent), relay, owner duties. */
  hooks: RoomHooks[];
  /** Route hooks: session state, revocations and finalise reach every process. */
  control: ControlHooks[];
  relay: Relay;
  ownership: Ownership;
  bus: Bus;
  /** Whether this process should run the projection sweep now (one process in the cluster does). */
  sweeps(): Promise<boolean>;
  close(): Promise<void>;
}

/** Join the cluster: connect to Redis, set up leases on the database. */
export function startClustering(opts: ClusteringOptions): Clustering {
  const { config, logger, timing = {} } = opts;
  const redis = new RedisBus(config.redisUrl, config.processId, logger);
  const bus = opts.wrapBus ? opts.wrapBus(redis) : redis;
  const relay = new Relay(bus, logger, timing);
  const leases: Leases = new Leases({ db: opts.db, logger, onLost: (names) => ownership.lost(names) });
  const ownershipOptions: OwnershipOptions = {
    leases,
    relay,
    log: opts.log,
    logger,
    processId: config.processId,
    ownerHooks: opts.ownerHooks,
    tickMs: timing.ownerTickMs,
    gapFillAfterMs: timing.gapFillAfterMs,
    compactEveryMs: timing.compactEveryMs,
    compactAfterRows: timing.compactAfterRows,
  };
  const ownership = new Ownership(ownershipOptions);
  const persistence = new PersistenceHook({
    log: opts.log,
    logger,
    notStored: new Set([REMOTE_ORIGIN]),
    onCommitted: (room, update) => relay.onCommitted(room, update),
    compact: false,
  });
  const relayHooks: RoomHooks = {
    onLoad: (room) => relay.onLoad(relayedRoom(room)),
    onUpdate: (room, update, origin) => relay.onUpdate(room, update, origin),
    onDestroy: (room) => relay.onDestroy(room),
  };
  const control: ControlHooks = {
    onRoomState: (sessionId, state) => relay.publishRoomState(sessionId, state),
    onRevoke: (sessionId, hashes) => relay.publishRevoke(sessionId, hashes),
    finalise: (room: Room) => relay.finalise(room.sessionId),
  };
  return {
    hooks: [persistence, relayHooks, ownership],
    control: [control],
    relay,
    ownership,
    bus,
    sweeps: () => leases.tryAcquire('projection-sweep'),
    close: async () => {
      ownership.close();
      relay.close();
      await leases.close();
      await bus.close();
    },
  };
}
