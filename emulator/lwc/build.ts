/**
 * Compiles the switchboardClickToDial bundle that ships (template, JS, CSS if it has any) with the LWC
 * compiler (@lwc/rollup-plugin) together with @lwc/engine-dom, synthetic shadow and the platform-module
 * stand-ins in emulator/lwc, into one ES module held in memory. emulator/server/bundle.ts feeds it to
 * esbuild in place of emulator/lwc/runtime.ts, so the host page gets it with its own script.
 */
import lwc from '@lwc/rollup-plugin';
import { rollup, type Plugin } from 'rollup';
import { fileURLToPath } from 'node:url';
import { LABELS_FILE, readCustomLabels } from '../../scripts/lib/custom-labels';
import { readCachedRuntime, writeCachedRuntime } from './build-cache';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const COMPONENT_DIR = fileURLToPath(
  new URL('../../force-app/main/default/lwc/switchboardClickToDial/', import.meta.url)
);

/** Module specifiers the component imports that are not `lightning/*` stand-ins under modules/. */
function aliases(componentDir: string): Record<string, string> {
  return {
    'c/switchboardClickToDial': `${componentDir}switchboardClickToDial.js`,
    '@salesforce/apex': here('./salesforce/apex.js'),
    '@salesforce/apex/SwitchboardCallLogController.getRecentCalls': here('./salesforce/getRecentCalls.js'),
    '@salesforce/messageChannel/Switchboard_Call__c': here('./salesforce/switchboardCallChannel.js'),
    '@salesforce/i18n/locale': here('./salesforce/locale.js')
  };
}

const LABEL_IMPORT = '@salesforce/label/c.';
const LABEL_MODULE = '\0salesforce-label:';

/**
 * `import X from '@salesforce/label/c.Name'`: a module whose default is the label in the user's language
 * (salesforce/i18n.js reads it from the host page). A name the package has no label for fails the build,
 * as Salesforce refuses to save a component that imports one.
 */
function salesforceLabels(): Plugin {
  let names: Set<string> | null = null;
  return {
    name: 'switchboard-salesforce-labels',
    resolveId(source) {
      if (!source.startsWith(LABEL_IMPORT)) return null;
      const name = source.slice(LABEL_IMPORT.length);
      names ??= new Set(readCustomLabels().map((l) => l.fullName));
      if (!names.has(name))
        throw new Error(`LWC build: ${source} names no label in ${LABELS_FILE} (the org would refuse it)`);
      return `${LABEL_MODULE}${name}`;
    },
    load(id) {
      if (!id.startsWith(LABEL_MODULE)) return null;
      const name = id.slice(LABEL_MODULE.length);
      const i18n = JSON.stringify(here('./salesforce/i18n.js'));
      return `import { labelValue } from ${i18n};\nexport default labelValue(${JSON.stringify(name)});\n`;
    }
  };
}

const RUNTIME_GLOBAL = 'switchboardLwcRuntime';

/**
 * The runtime as an ES module that runs the compiled code on the first record page, not when the host
 * page loads, so pages without the component (and the bench's page load → ready rows) pay only for
 * downloading it, not for the engine's start-up or synthetic shadow's DOM patches.
 */
function deferred(iife: string): string {
  return `let runtime = null;
function load() {
${iife}
return ${RUNTIME_GLOBAL};
}
export function createRecordComponent(host, props) {
  runtime = runtime || load();
  return runtime.createRecordComponent(host, props);
}
`;
}

export interface LwcRuntime {
  /** ES module source exporting createRecordComponent (see emulator/lwc/runtime.ts), evaluated on first use. */
  code: string;
  /** Every source file that went into it. */
  files: string[];
}

/** The compiler's messages do not always name the file; rollup's error carries it as `id`. */
function withFile(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(`LWC build failed: ${String(error)}`);
  const id = (error as Error & { id?: string }).id?.split('?')[0];
  return id && !error.message.includes(id)
    ? new Error(`LWC build failed in ${id}: ${error.message}`, { cause: error })
    : error;
}

const CACHE_FILE = fileURLToPath(new URL('../../.tmp/lwc-runtime.json', import.meta.url));

/** The shipped component's runtime: from the disk cache when no input changed, else compiled (and cached). */
export async function loadLwcRuntime(): Promise<LwcRuntime> {
  const cached = readCachedRuntime(CACHE_FILE);
  if (cached) return cached;
  const runtime = await buildLwcRuntime();
  try {
    // The labels file decides which label imports resolve; their values come from the host page at run time.
    writeCachedRuntime(CACHE_FILE, runtime, [here('./build.ts'), here('./build-cache.ts'), LABELS_FILE]);
  } catch (error) {
    // A read-only checkout still runs the emulator; it just compiles at every start.
    console.warn(`LWC build: not cached (${error instanceof Error ? error.message : String(error)})`);
  }
  return runtime;
}

/**
 * Compiles without the cache. `componentDir` (ending in a separator) is for tests that compile a
 * changed copy of the bundle.
 */
export async function buildLwcRuntime(componentDir = COMPONENT_DIR): Promise<LwcRuntime> {
  const build = await rollup({
    input: here('./entry.js'),
    plugins: [
      salesforceLabels(),
      lwc({
        rootDir: here('./'),
        modules: [
          ...Object.entries(aliases(componentDir)).map(([name, path]) => ({ name, path })),
          { dir: here('./modules') }
        ]
      })
    ],
    onwarn(warning) {
      // An import nothing resolves would be left for the browser to fail on: stop here instead.
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`LWC build: ${warning.message}`);
      console.warn(`LWC build: ${warning.message}`);
    }
  }).catch((error: unknown) => {
    throw withFile(error);
  });
  try {
    const { output } = await build.generate({ format: 'iife', name: RUNTIME_GLOBAL });
    const [chunk] = output;
    if (!chunk || chunk.type !== 'chunk') throw new Error('rollup produced no LWC runtime chunk');
    return { code: deferred(chunk.code), files: build.watchFiles };
  } finally {
    await build.close();
  }
}
