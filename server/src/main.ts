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

// Ctrl+C / SIGTERM: store pending writes, close sockets, then exit. A second signal forces it.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
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
