import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { AccessStore } from './access/accessStore.ts';
import { AdmissionGate } from './collab/admissionGate.ts';
import { adminUrl, loadAdminSecret } from './access/adminSecret.ts';
import { attachCollab, type CollabDeps } from './collab/upgrade.ts';
import { PersistenceHook } from './collab/persistenceHook.ts';
import type { RoomHooks } from './collab/room.ts';
import { RoomControl } from './collab/roomControl.ts';
import { RoomRegistry } from './collab/rooms.ts';
import type { Bus } from './cluster/bus.ts';
import type { Clustering, ClusterTiming } from './cluster/clustering.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { DatabaseMonitor } from './db/monitor.ts';
import { openDatabase } from './db/open.ts';
import { createApp } from './http/app.ts';
import { capConnectionsPerAddress, slowClientServerOptions } from './http/slowClients.ts';
import { HeavyWork, type HeavyOptions } from './heavy/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { UpdateLog } from './persistence/updateLog.ts';
import { ProjectionStore, ProjectionSweeper, Projector } from './projection/index.ts';
import { SessionStore } from './sessions/sessionStore.ts';
import { AutoVersioner, VersionStore } from './versions/index.ts';

/** How often sessions stored without ever being projected (e.g. imports) are looked for. */
const PROJECTION_SWEEP_MS = 15_000;

/** A running Rapporteur server. */
export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  rooms: RoomRegistry;
  sessions: SessionStore;
  access: AccessStore;
  log: UpdateLog;
  /** Keeps speaker_blocks / agenda_items following the live documents. */
  projector: Projector;
  /** The worker threads of imports and exports. */
  heavy: HeavyWork;
  /** The HTTP app, for route tests through `app.request(...)` without a socket. */
  app: ReturnType<typeof createApp>;
  /**
   * The admin URL, only on the start that created the admin secret (the one time it is known
   * in clear); null on later starts and when ADMIN_TOKEN is set.
   */
  adminUrl: string | null;
  /** This process's part in a cluster (null on a single process). */
  cluster: Clustering | null;
  /** Flush every room, close sockets, stop listening, close the database (unless injected). */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this database instead of opening one from the config (tests); it is not closed. */
  db?: Database;
  logger?: Logger;
  /** Worker pool and heavy-request limits (tests lower them or use another worker entry). */
  heavy?: HeavyOptions;
  /** Quiet time before an automatic version (tests shorten it; default 120 s). */
  autoVersionQuietMs?: number;
  /** Socket admission limits (tests lower them). */
  collabLimits?: CollabDeps['limits'];
  /** TCP connections one address may hold (MAX_TCP_CONNECTIONS_PER_ADDRESS; tests lower it). */
  maxConnectionsPerAddress?: number;
  /** Observer frames per second a room sends before batching (tests lower it). */
  observerFramesPerSecond?: number;
  /** How long a room stays loaded after its last socket left (default ROOM_LINGER_MS). */
  roomLingerMs?: number;
  /** Clustered mode: timing of the relay and owner duties (tests shorten it). */
  clusterTiming?: ClusterTiming;
  /** Clustered mode: wrap the Redis bus (fault tests drop messages). */
  wrapClusterBus?: (bus: Bus) => Bus;
}

/** Open the database, build the app, attach the sync endpoint and listen. */
export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger();
  const opened = opts.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  // every part of the server goes through the monitor, so all of them can tell an outage
  const db = new DatabaseMonitor(opened, { logger });
  const gate = new AdmissionGate(opts.collabLimits);
  const log = new UpdateLog(db);
  const projections = new ProjectionStore(db);
  const projector = new Projector(projections, logger);
  // sessions stored without a room ever loading them (imports, older data) get projected too
  const sweeper = new ProjectionSweeper(db, log, projections, logger);
  const heavy = new HeavyWork(logger, opts.heavy);
  // a version's summary reads every block: a worker makes it, not the rooms' thread
  const autoVersions = new AutoVersioner(new VersionStore(db), logger, {
    quietMs: opts.autoVersionQuietMs,
    summarise: (state) => heavy.summariseState(state),
  });
  // A single process and a cluster differ only in the hooks registered here: in a cluster the
  // log holds only what this process's sockets sent, the relay shares every room with the other
  // processes, and projection and versions run on each room's owner alone.
  // loaded only when clustered: a single process never loads the Redis client
  const cluster = config.cluster
    ? (await import('./cluster/clustering.ts')).startClustering({
        config: config.cluster,
        db: opened, // leases reserve a connection of their own, beside the monitor
        log,
        logger,
        ownerHooks: [projector, autoVersions],
        timing: opts.clusterTiming,
        wrapBus: opts.wrapClusterBus,
      })
    : null;
  const hooks: RoomHooks[] = cluster ? cluster.hooks : [new PersistenceHook({ log, logger }), projector, autoVersions];
  const rooms = new RoomRegistry(log, logger, hooks, {
    observerFramesPerSecond: opts.observerFramesPerSecond,
    lingerMs: opts.roomLingerMs,
  });
  const control = new RoomControl(rooms, cluster?.control ?? []);
  const sessions = new SessionStore(db);
  const access = new AccessStore(db);
  const admin = await loadAdminSecret(db, config.adminToken);
  const app = createApp({
    db,
    rooms,
    control,
    sessions,
    access,
    log,
    heavy,
    admin: admin.secret,
    logger,
    gate,
    clientDir: config.clientDir,
    afterImport: (projection) => projections.write(projection, null),
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: slowClientServerOptions },
      () => resolve(s as Server),
    );
    (s as Server).once('error', reject);
  });
  capConnectionsPerAddress(server, opts.maxConnectionsPerAddress);
  const wss = attachCollab(server, { rooms, sessions, access, logger, gate });
  const { port } = server.address() as AddressInfo;
  sweeper.start(PROJECTION_SWEEP_MS, cluster ? () => cluster.sweeps() : undefined);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  const url = `http://${shownHost}:${port}`;
  let closing: Promise<void> | null = null;
  return {
    url,
    adminUrl: admin.created ? adminUrl(url, admin.created) : null,
    port,
    db,
    rooms,
    sessions,
    access,
    log,
    projector,
    heavy,
    cluster,
    app,
    close: () =>
      (closing ??= (async () => {
        server.close();
        const unsaved = await rooms.closeAll();
        if (unsaved.length) logger.error('shut down with unsaved changes', { sessions: unsaved });
        await projector.close(); // the rooms' last states, captured as they were destroyed
        await sweeper.stop();
        await autoVersions.close(); // likewise their last automatic versions (summarised in workers)
        await heavy.close();
        await cluster?.close();
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.closeAllConnections?.();
        if (opts.db) db.stop();
        else await db.close();
      })()),
  };
}
