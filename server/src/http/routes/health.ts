import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import type { RoomRegistry } from '../../collab/rooms.ts';

/** `GET /health`: liveness plus a database round trip, so a dead database shows as 503. */
export function healthRoutes(deps: { db: Database; rooms: RoomRegistry }) {
  return new Hono().get('/', async (c) => {
    try {
      await deps.db.query('SELECT 1');
      return c.json({ ok: true, database: deps.db.engine, rooms: deps.rooms.size });
    } catch {
      return c.json({ ok: false, database: deps.db.engine, rooms: deps.rooms.size }, 503);
    }
  });
}
