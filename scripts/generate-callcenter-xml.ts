// Writes setup/callcenter.xml (the Setup › Call Centers › Import file) from the CallCenter metadata in
// org-config/ (per-org, never packaged: unlocked-package installs import this file instead).
//   npm run generate:callcenter            regenerate
//   npm run generate:callcenter -- --check exit 1 if the committed file is stale or invalid
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderCallCenterXml, validateCallCenterImport } from './lib/callcenter-xml';

export { renderCallCenterXml, validateCallCenterImport } from './lib/callcenter-xml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CALL_CENTER_META = join(
  ROOT,
  'org-config/main/default/callCenters/Switchboard.callCenter-meta.xml'
);
export const CALL_CENTER_IMPORT = join(ROOT, 'setup/callcenter.xml');

/** The call center's internal name is its metadata file name. */
export function internalNameOf(metaPath: string): string {
  return basename(metaPath).replace(/\.callCenter-meta\.xml$/, '');
}

export function renderFromFile(metaPath: string = CALL_CENTER_META): string {
  return renderCallCenterXml(readFileSync(metaPath, 'utf8'), internalNameOf(metaPath));
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const fresh = renderFromFile();
  const problems = validateCallCenterImport(fresh);
  if (problems.length > 0) {
    console.error(`callcenter.xml would be rejected by Setup Import:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  const out = relative(process.cwd(), CALL_CENTER_IMPORT);
  if (check) {
    const current = existsSync(CALL_CENTER_IMPORT) ? readFileSync(CALL_CENTER_IMPORT, 'utf8') : null;
    if (current === fresh) {
      console.log(`${out} is up to date`);
      return 0;
    }
    console.error(`${out} is ${current === null ? 'missing' : 'stale'}; run npm run generate:callcenter`);
    return 1;
  }
  mkdirSync(dirname(CALL_CENTER_IMPORT), { recursive: true });
  writeFileSync(CALL_CENTER_IMPORT, fresh);
  console.log(`wrote ${out}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exit(main(process.argv.slice(2)));
