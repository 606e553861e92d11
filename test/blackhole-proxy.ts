import net, { type AddressInfo } from 'node:net';

/**
 * A TCP relay on a loopback port in front of a test server, whose "network" can be cut
 * silently: `cut()` drops every byte in both directions without closing anything (a phone
 * walking out of Wi-Fi range sends no FIN), and refuses new connections until `heal()`.
 * So a test sees what the heartbeat sees, with no hook into the client library.
 */
export async function blackholeProxy(targetPort: number) {
  let down = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.on('data', (chunk) => !down && upstream.write(chunk));
    upstream.on('data', (chunk) => !down && client.write(chunk));
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    /** From now on nothing gets through, and nobody is told. */
    cut() {
      down = true;
    },
    /** New connections get through again (the old ones stay as dead as a real network left them). */
    heal() {
      down = false;
    },
    async close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
