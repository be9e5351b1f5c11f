import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** The loopback port clients connect to; it stays the same across `cut` and `restore`. */
  readonly port: number;
  /** The database goes away: open connections are reset and new ones refused. */
  cut(): Promise<void>;
  /** The database comes back on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback in front of `target`, which a test cuts and restores to take a
 * server away without touching it (the machine's database may be shared).
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const track = (socket: Socket, peer: () => Socket) => {
    sockets.add(socket);
    // A failure on one side is passed on the only way TCP can: by closing the other.
    socket.on('error', () => peer().destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      peer().destroy();
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        track(client, () => upstream);
        track(upstream, () => client);
        client.pipe(upstream).pipe(client);
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
    for (const socket of sockets) socket.destroy();
    await closed;
    server = undefined;
  };

  await listen();
  return {
    get port() {
      return port;
    },
    cut: stop,
    restore: listen,
    close: stop,
  };
}
