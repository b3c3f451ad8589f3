import { type Config, parseConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

const logger = createLogger();
let config: Config;
try {
  config = parseConfig(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const server = await startServer(config, { logger });
if (server.adminUrl) {
  // the only time the secret exists in clear: it is stored hashed (issue 13, item 9)
  logger.info(`Admin URL (shown this once, keep it private): ${server.adminUrl}`);
} else if (config.adminToken) {
  logger.info('Admin: open this address with ?admin=<ADMIN_TOKEN>');
} else {
  logger.info(
    'Admin: open the admin URL printed at the first start (lost it? stop the server and run `pnpm rapporteur admin-url --new`)',
  );
}
logger.info(`Rapporteur is running at ${server.url}`, {
  database: server.db.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'postgres (DATABASE_URL)',
});

// Ctrl+C / SIGTERM: store pending writes, close sockets, then exit 0. A second signal forces it,
// but only one sent after a pause: one Ctrl+C arrives several times within milliseconds (from
// the terminal to the whole process group, and forwarded again by pnpm and npx), and that must
// still be a clean stop (issue 13, item 12).
const FORCE_AFTER_MS = 1_000;
let stoppingSince: number | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince >= FORCE_AFTER_MS) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    logger.info(`${signal}: flushing pending writes and shutting down`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        logger.error('shutdown failed', { err });
        process.exit(1);
      },
    );
  });
}
