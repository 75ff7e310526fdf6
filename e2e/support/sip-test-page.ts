import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serveScriptPage } from './script-page-server';

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
  const page = await serveScriptPage({
    title: 'Switchboard SIP harness',
    scriptPath: '/harness.js',
    script: await harnessBundle()
  });
  return { url: page.base, close: () => page.close() };
}
