/**
 * `pnpm --silent rapporteur <command>`: the command-line side of Rapporteur.
 *   parse FILE   print the structure of a plain-text record as JSON (FILE may be - for stdin)
 *   admin-url --new   replace the admin secret and print the new admin URL (server stopped)
 * Only the result goes to stdout, so the output can be piped into other tools; messages go to
 * stderr. pnpm runs this in server/, so FILE is resolved against INIT_CWD, the directory the
 * user ran pnpm from.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseText } from '@rapporteur/shared/record';
import { adminUrl, resetAdminSecret } from './access/adminSecret.ts';
import { parseConfig } from './config.ts';
import { openDatabase } from './db/open.ts';

/** Where the CLI writes and reads; injected in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The directory relative paths are resolved against. */
  cwd: string;
  readStdin(): Promise<string>;
  /** The environment the server's configuration is read from (admin-url); default process.env. */
  env?: Record<string, string | undefined>;
}

const USAGE = `usage: rapporteur parse FILE | admin-url --new
  parse FILE        print the parsed record (title, sections, speaker blocks) as JSON; FILE - reads stdin
  admin-url --new   replace the admin secret (the old admin URL stops working) and print the new
                    admin URL; run it with the server stopped, with the server's environment`;

/** The stored secret is only a hash, so a lost admin URL is replaced, never recovered. */
async function newAdminUrl(io: CliIo): Promise<number> {
  const config = parseConfig(io.env ?? process.env);
  if (config.adminToken) {
    io.err('ADMIN_TOKEN is set: the admin URL is this address with ?admin=<ADMIN_TOKEN>\n');
    return 1;
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const secret = await resetAdminSecret(db);
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    io.out(`${adminUrl(`http://${host}:${config.port}`, secret)}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Run the CLI with `args` (without node and script); resolves to the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.err : io.out)(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === 'admin-url') {
    if (rest.length !== 1 || rest[0] !== '--new') {
      io.err(`admin-url needs --new (the old URL cannot be shown: only its hash is stored)\n${USAGE}\n`);
      return 2;
    }
    return newAdminUrl(io);
  }
  if (command !== 'parse') {
    io.err(`unknown command: ${command}\n${USAGE}\n`);
    return 2;
  }
  if (rest.length !== 1) {
    io.err(`parse needs exactly one FILE\n${USAGE}\n`);
    return 2;
  }
  const file = rest[0]!;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    io.err(`cannot read ${file}: ${reason}\n`);
    return 1;
  }
  io.out(`${JSON.stringify(parseText(text), null, 2)}\n`);
  return 0;
}

/** The real process's streams and directory. */
function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.env.INIT_CWD || process.cwd(),
    readStdin: () => readStream(process.stdin),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`rapporteur: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
