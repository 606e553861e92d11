/**
 * The server the chaos run kills: the same process as `npm start` minus the Next.js pages,
 * which the run does not use and which take long to start. Configured by the environment.
 */
import { loadConfig } from '../config';
import { createVerkstedServer } from '../app';

const server = await createVerkstedServer({ config: loadConfig(), withNext: false });
process.stdout.write(`READY ${server.port}\n`);
const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
