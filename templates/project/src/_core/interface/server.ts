import { Server, type AddressInfo } from 'node:net';

import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { DependencyContainer } from 'tsyringe';

import { DATABASE, LOGGER, resolve, SETTINGS } from '../core.module.js';
import type { App } from './app.js';
import { stampResponse } from './http-edge.js';

/** How long in-flight requests get to finish after SIGTERM/SIGINT before sockets are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  server: ServerType;
  close(): Promise<void>;
}

/** Node's HTTP server for the app, not yet listening; every response gets the edge headers. */
export function createHttpServer(app: App): ServerType {
  const server = createAdaptorServer({ fetch: app.fetch });
  server.prependListener('request', stampResponse);
  return server;
}

/**
 * Listens on the configured host and port. On SIGTERM or SIGINT it stops accepting,
 * lets in-flight requests finish, then closes the database.
 */
export function runServer(app: App, container: DependencyContainer): RunningServer {
  const { host, port } = resolve(container, SETTINGS);
  const logger = resolve(container, LOGGER);
  const server = createHttpServer(app);
  server.listen(port, host, () => {
    const { port: listening } = server.address() as AddressInfo;
    logger.info(`Listening on http://${host}:${listening}`);
  });

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= shutdown(server, container));

  server.on('error', (error) => {
    logger.fatal({ err: error }, 'The server could not start');
    process.exitCode = 1;
    void close();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'Shutting down');
      close().catch((error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exitCode = 1;
      });
    });
  }
  return { server, close };
}

async function shutdown(server: ServerType, container: DependencyContainer): Promise<void> {
  const force = setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS).unref();
  // `http.Server#close` destroys keep-alive sockets between requests at once: one whose
  // response was just written, while the client's next request sat unread, is reset and the
  // response lost though its write was committed (seen under load). Stop accepting instead,
  // close each connection after its current response, and let idle ones time out.
  server.prependListener('request', (_request, response) => {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  });
  await new Promise<void>((done) => Server.prototype.close.call(server, () => done()));
  clearTimeout(force);
  await resolve(container, DATABASE).destroy();
}
