import { createServer } from 'node:net';

/** A startup failure the operator can fix, told in one sentence: printed without a stack trace. */
export class StartupError extends Error {}

/** Whether a server could listen on `port` at `host` now (nothing else holds it). */
export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
      .once('error', () => done(false))
      .once('listening', () => server.close(() => done(true)))
      .listen(port, host);
  });
}

export function portTaken(port: number, host: string): StartupError {
  return new StartupError(
    `Port ${port} on ${host} is taken, so the API cannot listen. Stop the other process, or set PORT to a ` +
      `free port (e.g. PORT=3001 npm start).`,
  );
}
