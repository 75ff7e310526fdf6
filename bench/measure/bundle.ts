import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { makeRow, upTo } from '../lib/report';
import { BUNDLE_ALIASES } from '../../scripts/build.mjs';
import { SLDS_CSS_SOURCE, SLDS_SUBSET_FILES } from '../../scripts/slds-subset.mjs';
import type { BenchRow } from '../lib/types';

export const ROOT = join(import.meta.dirname, '..', '..');
export const RESOURCE_DIR = join(ROOT, 'force-app/main/default/staticresources/Softphone_Adapter');

/** Entry points of scripts/build.mjs: the main bundle, and the SIP bundle loaded only in SIP mode (when it exists). */
export const ENTRIES: Record<string, string> = {
  softphone: 'adapter/src/main.ts',
  'softphone-sip': 'adapter/src/telephony/sip/entry.ts'
};

function presentEntries(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ENTRIES).filter(
      ([name, src]) => existsSync(join(ROOT, src)) && existsSync(join(RESOURCE_DIR, `${name}.js`))
    )
  );
}

/** The same options as scripts/build.mjs, minus output and source map; `minify` is the variable. */
function adapterBuild(minify: boolean): BuildOptions & { write: false; metafile: true } {
  return {
    absWorkingDir: ROOT,
    entryPoints: presentEntries(),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'firefox115', 'safari16'],
    minify,
    legalComments: 'eof',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: BUNDLE_ALIASES,
    outdir: join(ROOT, '.tmp/bench-bundle'),
    write: false,
    metafile: true,
    logLevel: 'silent'
  };
}

/** Files of the static resource as paths relative to it (the SLDS subset is in subfolders). */
function resourceFiles(dir = RESOURCE_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? resourceFiles(join(dir, e.name)) : [relative(RESOURCE_DIR, join(dir, e.name))]
  );
}

const KB = 1024;
const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/** Bytes in the minified output per package (or `adapter/…` folder), biggest first. */
function contributors(meta: Metafile, outputName: string): Array<{ module: string; kb: number }> {
  const totals = new Map<string, number>();
  for (const [outPath, output] of Object.entries(meta.outputs)) {
    if (!outPath.endsWith(`/${outputName}.js`)) continue;
    for (const [path, info] of Object.entries(output.inputs)) {
      const nm = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/(metadata[^/]*|build|es6|core))?/);
      const key = nm
        ? `${nm[1]}${nm[2]?.startsWith('metadata') ? ` (${nm[2]})` : ''}`
        : path.split('/').slice(0, 3).join('/');
      totals.set(key, (totals.get(key) ?? 0) + info.bytesInOutput);
    }
  }
  return [...totals]
    .map(([module, bytes]) => ({ module, kb: Math.round((bytes / KB) * 10) / 10 }))
    .sort((a, b) => b.kb - a.kb);
}

export async function measureBundle(): Promise<{ rows: BenchRow[]; details: Record<string, unknown> }> {
  const raw = await build(adapterBuild(false));
  const minified = await build(adapterBuild(true));
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  let gzipAll = 0;
  const names = Object.keys(presentEntries());
  for (const name of names) {
    const committed = readFileSync(join(RESOURCE_DIR, `${name}.js`));
    const rawJs = raw.outputFiles.find((f) => f.path.endsWith(`/${name}.js`));
    if (!rawJs) throw new Error(`esbuild produced no unminified ${name}.js`);
    const gz = gzip(committed);
    gzipAll += gz;
    const main = name === 'softphone';
    const label = main ? 'adapter bundle softphone.js' : `SIP bundle ${name}.js (SIP mode only)`;
    rows.push(
      makeRow(`bundle.${name}.raw`, 'bundle', `${label}, unminified (esbuild in memory)`, 'KB', [
        rawJs.contents.length / KB
      ]),
      makeRow(`bundle.${name}.min`, 'bundle', `${label}, minified (committed)`, 'KB', [
        committed.length / KB
      ]),
      makeRow(
        `bundle.${name}.gzip`,
        'bundle',
        `${label}, gzip -9`,
        'KB',
        [gz / KB],
        main ? upTo(90, 'KB') : null
      )
    );
    details[`contributors:${name}.js`] = contributors(minified.metafile, name).slice(0, 12);
  }
  if (names.length > 1) {
    rows.push(
      makeRow(
        'bundle.sipModeGzip',
        'bundle',
        'SIP mode download (all bundles), gzip -9',
        'KB',
        [gzipAll / KB],
        upTo(90, 'KB'),
        'the 90 KB budget applied to what a SIP agent downloads'
      )
    );
  }
  const files = resourceFiles().map((name) => ({
    name,
    bytes: statSync(join(RESOURCE_DIR, name)).size,
    gzip: gzip(readFileSync(join(RESOURCE_DIR, name)))
  }));
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const maps = files.filter((f) => f.name.endsWith('.map')).reduce((sum, f) => sum + f.bytes, 0);
  rows.push(
    makeRow(
      'bundle.resource',
      'bundle',
      'static resource total (all files)',
      'KB',
      [total / KB],
      null,
      `${files.map((f) => `${f.name} ${(f.bytes / KB).toFixed(1)} KB`).join(', ')}; gzip ${(totalGzip / KB).toFixed(1)} KB; source maps are ${(maps / KB).toFixed(1)} KB of it`
    )
  );
  const slds = files.find((f) => f.name === SLDS_SUBSET_FILES.css);
  if (slds) {
    const full = readFileSync(SLDS_CSS_SOURCE);
    rows.push(
      makeRow(
        'bundle.sldsSubsetGzip',
        'bundle',
        'SLDS subset slds-subset.css (in place of <apex:slds/>), gzip -9',
        'KB',
        [slds.gzip / KB],
        null,
        `${(slds.bytes / KB).toFixed(1)} KB raw; the full SLDS stylesheet is ${(full.length / KB).toFixed(0)} KB raw, ${(gzip(full) / KB).toFixed(1)} KB gzip`
      )
    );
  }
  details['files'] = files;
  return { rows, details };
}
