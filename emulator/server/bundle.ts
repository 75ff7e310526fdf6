/**
 * Builds the browser code (client library, host page script) in memory with esbuild at server start.
 * The host page script includes the compiled switchboardClickToDial LWC: emulator/lwc/build.ts compiles it
 * with the LWC compiler first, and esbuild takes that output in place of emulator/lwc/runtime.ts.
 */
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { loadLwcRuntime } from '../lwc/build';

const emulatorDir = fileURLToPath(new URL('..', import.meta.url));
const LWC_RUNTIME = /[\\/]emulator[\\/]lwc[\\/]runtime\.ts$/;

export interface Bundles {
  /** The emulator's opencti_min.js. */
  client: string;
  /** The Lightning stand-in's script, the compiled LWC runtime included. */
  host: string;
  /** The customer phone (a bare JsSIP phone for SIP mode). */
  customer: string;
}

/** Serves the compiled LWC runtime wherever the host page imports emulator/lwc/runtime.ts. */
function lwcRuntimePlugin(runtime: Promise<string>): Plugin {
  return {
    name: 'switchboard-lwc-runtime',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: LWC_RUNTIME }, async () => ({
        contents: await runtime,
        loader: 'js',
        resolveDir: emulatorDir
      }));
    }
  };
}

/** The LWC engine reads NODE_ENV: "production" compiles its dev-mode checks out, as Lightning runs it. */
const LWC_OPTIONS = { define: { 'process.env.NODE_ENV': '"production"' }, minifySyntax: true };

async function bundle(
  entry: string,
  extra: { plugins?: Plugin[]; define?: Record<string, string>; minifySyntax?: boolean } = {}
): Promise<string> {
  const result = await build({
    entryPoints: [`${emulatorDir}${entry}`],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'inline',
    logLevel: 'silent',
    ...extra
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

export async function buildBundles(): Promise<Bundles> {
  const runtime = loadLwcRuntime().then((r) => r.code);
  // Awaited through the host build's onLoad; this keeps a failure from also surfacing as unhandled.
  runtime.catch(() => undefined);
  const [client, host, customer] = await Promise.all([
    bundle('client/opencti-client.ts'),
    bundle('host/main.ts', { plugins: [lwcRuntimePlugin(runtime)], ...LWC_OPTIONS }),
    bundle('customer/main.ts')
  ]);
  return { client, host, customer };
}
