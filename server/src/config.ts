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
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(root, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    clientDir: path.resolve(root, e.CLIENT_DIR ?? 'client/dist'),
    adminToken: e.ADMIN_TOKEN,
  };
}
