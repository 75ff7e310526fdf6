import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HARNESS_ENTRY = fileURLToPath(new URL('../sip/harness/sip-harness.ts', import.meta.url));

let bundle: Promise<string> | undefined;

/** The SIP provider wrapped by e2e/sip/harness, bundled once per test process. */
function harnessBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [HARNESS_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent'
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no harness bundle');
    return file.text;
  });
  return bundle;
}

export interface SipTestPage {
  /** http://127.0.0.1:<port>/ — 127.0.0.1 is a secure context, so getUserMedia works. */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveSipTestPage(): Promise<SipTestPage> {
  const script = await harnessBundle();
  const html =
    '<!doctype html><meta charset="utf-8"><title>Switchboard SIP harness</title><script src="/harness.js"></script>';
  const server: Server = createServer((request, response) => {
    if (request.url === '/harness.js') {
      response.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store'
      });
      response.end(script);
    } else if (request.url === '/' || request.url === '/index.html') {
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
  if (typeof address !== 'object' || !address) throw new Error('test page server has no address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
