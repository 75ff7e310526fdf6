import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';

/** A loopback page serving only the bare JsSIP caller (127.0.0.1 is a secure context, so getUserMedia works). */
export interface BareJsSipPage {
  url(ws: string, domain: string, user: string): string;
  close(): Promise<void>;
}

export async function serveBareJsSipPage(): Promise<BareJsSipPage> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'bare-jssip-phone.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent'
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no bare JsSIP bundle');
  const html =
    '<!doctype html><meta charset="utf-8"><title>Bare JsSIP caller (bench baseline)</title><script src="/bare.js"></script>';
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/bare.js') {
      response.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store'
      });
      response.end(script);
    } else if (path === '/') {
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
  if (typeof address !== 'object' || !address) throw new Error('bare JsSIP page server has no address');
  const base = `http://127.0.0.1:${address.port}/`;
  return {
    url: (ws, domain, user) =>
      `${base}?ws=${encodeURIComponent(ws)}&domain=${encodeURIComponent(domain)}&user=${encodeURIComponent(user)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
