import { join } from 'node:path';
import { build } from 'esbuild';
import { serveScriptPage } from '../../e2e/support/script-page-server';

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
  const page = await serveScriptPage({
    title: 'Bare JsSIP caller (bench baseline)',
    scriptPath: '/bare.js',
    script
  });
  return {
    url: (ws, domain, user) =>
      `${page.base}?ws=${encodeURIComponent(ws)}&domain=${encodeURIComponent(domain)}&user=${encodeURIComponent(user)}`,
    close: () => page.close()
  };
}
