import http from 'node:http';

/**
 * A stand-in HTTP server for the seconds before the app listens: `/healthz` says the process is
 * alive and `/readyz` answers 503 with what startup is waiting for, so an orchestrator (and the
 * operator) can see a Redis that does not answer instead of a closed port.
 */
export async function startStartupProbe(options: {
  port: number;
  host: string;
  waitingFor: () => Record<string, unknown>;
}): Promise<{ close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const [status, body] =
      path === '/healthz'
        ? [200, { ok: true }]
        : path === '/readyz'
          ? [503, { ready: false, starting: true, ...options.waitingFor() }]
          : [503, { error: { code: 'starting', message: 'The server is starting' } }];
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
