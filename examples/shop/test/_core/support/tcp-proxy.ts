import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The loopback port clients connect to; it stays the same across `cut` and `restore`. */
  readonly port: number;
  /** The database goes away: open connections are reset and new ones refused. */
  cut(): Promise<void>;
  /**
   * The database stops answering without refusing, as behind a dropped route: bytes sent on
   * open connections go unanswered and new connections are accepted but never served.
   */
  stall(): void;
  /** The database comes back on the same port; stalled connections flow again. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of `target`, which a test cuts, stalls and restores to take
 * a server away without touching it (the machine's database may be shared).
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  /** Each client socket and the upstream socket it is forwarded to. */
  const pairs = new Map<Socket, Socket>();
  /** Clients accepted while stalled, never forwarded. */
  const held = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let stalled = false;

  const track = (socket: Socket, peer: () => Socket) => {
    // A failure on one side is passed on the only way TCP can: by closing the other.
    socket.on('error', () => peer().destroy());
    socket.on('close', () => {
      pairs.delete(socket);
      peer().destroy();
    });
  };

  const forward = (client: Socket, upstream: Socket) => {
    client.pipe(upstream).pipe(client);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        if (stalled) {
          held.add(client);
          client.on('error', () => client.destroy());
          client.on('close', () => held.delete(client));
          return;
        }
        const upstream = connect(target.port, target.host);
        pairs.set(client, upstream);
        track(client, () => upstream);
        track(upstream, () => client);
        forward(client, upstream);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });

  const stop = async () => {
    const closed = new Promise<void>((resolve) =>
      server ? server.close(() => resolve()) : resolve(),
    );
    for (const [client, upstream] of pairs) {
      client.destroy();
      upstream.destroy();
    }
    for (const client of held) client.destroy();
    await closed;
    server = undefined;
  };

  await listen();
  return {
    get port() {
      return port;
    },
    cut: stop,
    stall() {
      stalled = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream).pause();
        upstream.unpipe(client).pause();
      }
    },
    async restore() {
      if (stalled) {
        stalled = false;
        for (const [client, upstream] of pairs) forward(client, upstream);
        for (const client of held) client.destroy();
      }
      if (!server) await listen();
    },
    close: stop,
  };
}
