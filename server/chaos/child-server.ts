/**
 * The child's side of `serverProcess` (./server-process.ts): the same server as `npm start`
 * minus the Next.js pages, which the runs that start and kill whole processes do not use and
 * which take long to start. Configured by the environment; says `READY <port>` on stdout once it
 * listens (what `serverProcess` waits for) and closes cleanly on SIGTERM or SIGINT.
 */
import { createVerkstedServer, type VerkstedServer } from '../app';
import { loadConfig } from '../config';

export async function startChildServer(): Promise<VerkstedServer> {
  const server = await createVerkstedServer({ config: loadConfig(), withNext: false });
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`READY ${server.port}\n`);
  return server;
}
