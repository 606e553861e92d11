/**
 * The bare baseline in a process of its own, as Verksted runs in its own: the socket.io relay
 * and the y-websocket relay on one port (PORT, HOST); says `READY <port>` once it listens.
 */
import { createServer } from 'node:http';
import { attachSocketRelay } from './socket-relay';
import { attachYjsRelay } from './yjs-relay';

const http = createServer((_req, res) => {
  res.writeHead(404).end();
});
const io = attachSocketRelay(http);
const wss = attachYjsRelay(http);
http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : ''}\n`);
});
const stop = () => {
  wss.close();
  void io.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
