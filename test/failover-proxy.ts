import net, { type AddressInfo } from 'node:net';

/**
 * A load balancer's entrance, reduced to TCP: each connection goes to the first backend in
 * `backends` that accepts it, the preferred one first. A test gives each process an entrance of
 * its own, so clients are spread over the processes deterministically, and a client whose
 * process dies reconnects through the same entrance and lands on another, as it would behind
 * nginx with `proxy_next_upstream`. No stickiness: every connection is placed afresh.
 */
export async function failoverProxy(backends: readonly number[]) {
  const pairs = new Set<[net.Socket, net.Socket]>();
  /** Which backend each connection that is open now went to. */
  const placed = new Map<net.Socket, number>();

  const server = net.createServer((client) => {
    client.pause();
    const attempt = (i: number) => {
      if (i >= backends.length) return void client.destroy();
      const upstream = net.connect(backends[i]!, '127.0.0.1');
      upstream.once('error', () => attempt(i + 1));
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        const pair: [net.Socket, net.Socket] = [client, upstream];
        pairs.add(pair);
        placed.set(client, backends[i]!);
        const close = () => {
          pairs.delete(pair);
          placed.delete(client);
          client.destroy();
          upstream.destroy();
        };
        client.on('close', close).on('error', close);
        upstream.on('close', close).on('error', close);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    client.on('error', () => client.destroy());
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    /** The backends of the connections open now. */
    backendsInUse: () => new Set(placed.values()),
    async close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
