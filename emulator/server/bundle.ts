/** Builds the browser code (client library, host page script) in memory with esbuild at server start. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const emulatorDir = fileURLToPath(new URL('..', import.meta.url));

export interface Bundles {
  /** The emulator's opencti_min.js. */
  client: string;
  /** The Lightning stand-in's script. */
  host: string;
  /** The customer phone (a bare JsSIP phone for SIP mode). */
  customer: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [`${emulatorDir}${entry}`],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'inline',
    logLevel: 'silent'
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

export async function buildBundles(): Promise<Bundles> {
  const [client, host, customer] = await Promise.all([bundle('client/opencti-client.ts'), bundle('host/main.ts'), bundle('customer/main.ts')]);
  return { client, host, customer };
}
