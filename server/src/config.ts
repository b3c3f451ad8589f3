import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Configuration, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  /** Folder for the embedded PGlite database (ignored when databaseUrl is set). */
  dataDir: string;
  /** A Postgres server to use instead of the embedded database. */
  databaseUrl: string | undefined;
  /** Folder of the built client served at `/`. */
  clientDir: string;
  /** Admin secret for creating and listing sessions; unset: the one stored at first start. */
  adminToken: string | undefined;
  /** Clustered mode (REDIS_URL set): live sessions shared with other processes through Redis. */
  cluster: ClusterConfig | undefined;
}

/** What a process needs to share its rooms with the others of a cluster. */
export interface ClusterConfig {
  /** The Redis server that carries the fan-out between processes. */
  redisUrl: string;
  /**
   * This process's name in the cluster, fixed for its lifetime: PROCESS_ID when given (a
   * deployment names its processes), otherwise host, pid and a random suffix, so a restarted
   * process is never taken for its dead predecessor.
   */
  processId: string;
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CLIENT_DIR: z.string().optional(),
  ADMIN_TOKEN: z
    .string()
    .min(16, 'ADMIN_TOKEN must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PROCESS_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'PROCESS_ID must be 1-64 letters, digits or . _ : -')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** Relative paths resolve against the repository root, wherever the process was started. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Parse the environment; throws one readable error listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>, root = REPO_ROOT): Config {
  const result = Env.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = result.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new Error(
      'invalid configuration:\n  REDIS_URL: clustered mode needs DATABASE_URL (a Postgres server shared by every ' +
        'process); the embedded database (PGlite) belongs to one process and cannot be shared',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(root, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    clientDir: path.resolve(root, e.CLIENT_DIR ?? 'client/dist'),
    adminToken: e.ADMIN_TOKEN,
    cluster: e.REDIS_URL ? { redisUrl: e.REDIS_URL, processId: e.PROCESS_ID ?? defaultProcessId() } : undefined,
  };
}

function defaultProcessId(): string {
  const host =
    os
      .hostname()
      .replace(/[^A-Za-z0-9.-]/g, '')
      .slice(0, 40) || 'host';
  return `${host}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
