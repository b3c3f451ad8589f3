import { Hono } from 'hono';
import type { AdmissionGate } from '../../collab/admissionGate.ts';
import type { RoomRegistry } from '../../collab/rooms.ts';
import type { DatabaseMonitor } from '../../db/monitor.ts';

/** The longest /health waits for the database before saying it did not answer. */
export const HEALTH_PROBE_TIMEOUT_MS = 1_000;

/**
 * `GET /health`: 200 when the server can do its work, 503 with the reasons when it cannot: the
 * database did not answer `SELECT 1` within HEALTH_PROBE_TIMEOUT_MS (the probe is time-boxed,
 * and concurrent checks share one), or every socket admission place is taken (new sockets are
 * refused with 429 until one frees).
 */
export function healthRoutes(deps: { db: DatabaseMonitor; rooms: RoomRegistry; gate?: AdmissionGate }) {
  return new Hono().get('/', async (c) => {
    const admissions = deps.gate?.stats(); // as the request found it, not after the probe
    const probe = await deps.db.probe(HEALTH_PROBE_TIMEOUT_MS);
    const reasons: string[] = [];
    if (!probe.ok) reasons.push(`database: ${probe.reason}`);
    if (admissions?.saturated) reasons.push(`sockets: all ${admissions.pendingLimit} admission places are taken`);
    const body = {
      ok: reasons.length === 0,
      database: deps.db.engine,
      rooms: deps.rooms.size,
      ...(admissions ? { admissions: { pending: admissions.pending, limit: admissions.pendingLimit } } : {}),
      ...(reasons.length ? { reasons } : {}),
    };
    return c.json(body, reasons.length ? 503 : 200);
  });
}
