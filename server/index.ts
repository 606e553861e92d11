import { ConfigError, loadConfig } from './config';
import { createVerkstedServer } from './app';

/** Entry point: `npm start` (after a build) and `npm run dev`. */
async function main() {
  const config = loadConfig();
  const server = await createVerkstedServer({ config, withNext: true });
  const { log, services } = server;
  const base = config.publicUrl ?? server.url;
  log.info({ url: base, db: services.database.kind, dataDir: config.dataDir }, 'Verksted is running');
  console.log(`\n  Verksted kjører på ${base}  (database: ${services.database.kind})`);
  if (await services.auth.needsSetup()) console.log(`  Første gang? Opprett kontoen din: ${base}/oppsett`);
  console.log('');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
