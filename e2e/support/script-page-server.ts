import { createServer, type Server } from 'node:http';

/**
 * A loopback page that loads one script, for browser tests and bench baselines that need a page of
 * their own (127.0.0.1 is a secure context, so getUserMedia works there).
 */
export interface ScriptPageServer {
  /** http://127.0.0.1:<port>/ */
  readonly base: string;
  close(): Promise<void>;
}

export async function serveScriptPage(options: {
  title: string;
  /** Where the page loads the script from, e.g. `/harness.js`. */
  scriptPath: string;
  script: string;
}): Promise<ScriptPageServer> {
  const html = `<!doctype html><meta charset="utf-8"><title>${options.title}</title><script src="${options.scriptPath}"></script>`;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === options.scriptPath) {
      response.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store'
      });
      response.end(options.script);
    } else if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || !address)
    throw new Error(`${options.title}: page server has no address`);
  return {
    base: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
