#!/usr/bin/env node
// Builds the adapter into the Softphone_Adapter static resource (a folder SFDX zips on deploy).
// The output is committed so a fresh clone deploys with plain `sf project deploy start`;
// `node scripts/build.mjs --check` rebuilds into a temp folder and fails if the committed copy differs.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSldsSubset, SLDS_SUBSET_FILES } from './slds-subset.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const RESOURCE_DIR = join(root, 'force-app/main/default/staticresources/Softphone_Adapter');
const FILES = [
  'softphone.js',
  'softphone.js.map',
  'softphone-sip.js',
  'softphone-sip.js.map',
  'softphone.css',
  SLDS_SUBSET_FILES.css,
  SLDS_SUBSET_FILES.sprite
];

/** Files under the resource folder, as paths relative to it (the SLDS subset sits in subfolders). */
function resourceFiles(dir = RESOURCE_DIR) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? resourceFiles(join(dir, e.name)) : [relative(RESOURCE_DIR, join(dir, e.name))]
  );
}

/** Packages replaced in the bundles, each for a reason given in its shim (bench/measure/bundle.ts builds with these too). */
export const BUNDLE_ALIASES = { debug: './scripts/shims/debug-off.cjs' };

/** Builds into memory; paths in the source map are relative to the real resource folder either way. */
export async function buildAdapter({ write }) {
  const common = { absWorkingDir: root, outdir: RESOURCE_DIR, write, logLevel: 'warning' };
  if (write) mkdirSync(RESOURCE_DIR, { recursive: true });
  const js = await build({
    ...common,
    absWorkingDir: root,
    // The SIP line is its own file: loaded only after a SIP login, so the demo line never pays for JsSIP.
    entryPoints: { softphone: 'adapter/src/main.ts', 'softphone-sip': 'adapter/src/telephony/sip/entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'firefox115', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    sourcesContent: true,
    legalComments: 'eof',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: BUNDLE_ALIASES
  });
  const css = await build({
    ...common,
    entryPoints: { softphone: 'adapter/src/ui/softphone.css' },
    bundle: true,
    minify: true
  });
  // The SLDS the softphone uses, in place of <apex:slds/> (scripts/slds-subset.mjs).
  const slds = await buildSldsSubset();
  const sldsFiles = [
    { path: join(RESOURCE_DIR, SLDS_SUBSET_FILES.css), contents: Buffer.from(slds.css) },
    { path: join(RESOURCE_DIR, SLDS_SUBSET_FILES.sprite), contents: Buffer.from(slds.sprite) }
  ];
  if (write) {
    for (const f of sldsFiles) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.contents);
    }
  }
  return [...(js.outputFiles ?? []), ...(css.outputFiles ?? []), ...sldsFiles];
}

/** Differences between a fresh build and the committed resource, as readable lines. */
export async function checkAdapter() {
  const fresh = new Map(
    (await buildAdapter({ write: false })).map((o) => [
      relative(RESOURCE_DIR, o.path),
      Buffer.from(o.contents)
    ])
  );
  const problems = [];
  for (const f of FILES) {
    const committed = join(RESOURCE_DIR, f);
    const built = fresh.get(f);
    if (!built) problems.push(`${f} is not produced by the build`);
    else if (!existsSync(committed)) problems.push(`${f} is missing from the static resource`);
    else if (!readFileSync(committed).equals(built)) problems.push(`${f} differs from a fresh build`);
  }
  const extra = existsSync(RESOURCE_DIR) ? resourceFiles().filter((f) => !FILES.includes(f)) : [];
  for (const f of extra) problems.push(`${f} is in the static resource but not produced by the build`);
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const problems = await checkAdapter();
    if (problems.length) {
      console.error(`Static resource is stale — run npm run build:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log('Static resource matches a fresh build.');
  } else {
    await buildAdapter({ write: true });
    const sizes = FILES.map(
      (f) => `${f} ${(readFileSync(join(RESOURCE_DIR, f)).length / 1024).toFixed(1)} KB`
    );
    console.log(`Built Softphone_Adapter: ${sizes.join(', ')}`);
  }
}
