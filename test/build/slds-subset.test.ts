import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESOURCE_DIR } from '../../scripts/build.mjs';
import {
  SLDS_CSS_SOURCE,
  SLDS_SAFELIST,
  SLDS_SUBSET_FILES,
  spriteSubset,
  usedIconNames
} from '../../scripts/slds-subset.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const subsetCss = () => readFileSync(join(RESOURCE_DIR as string, SLDS_SUBSET_FILES.css), 'utf8');
const fullCss = readFileSync(SLDS_CSS_SOURCE, 'utf8');
const hasClass = (css: string, cls: string) =>
  new RegExp(`\\.${cls.replace(/[-_]/g, (c) => `\\${c}`)}(?![\\w-])`).test(css);

function adapterSources(dir = join(ROOT, 'adapter/src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? adapterSources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []
  );
}

test('the page links the SLDS subset from the static resource, not <apex:slds/>', () => {
  const page = readFileSync(join(ROOT, 'force-app/main/default/pages/Softphone_Adapter.page'), 'utf8');
  assert.doesNotMatch(page, /<apex:slds/);
  assert.match(page, /href="\{!URLFOR\(\$Resource\.Softphone_Adapter, 'slds\/styles\/slds-subset\.css'\)\}"/);
  assert.match(
    page,
    /data-slds-assets="\{!URLFOR\(\$Resource\.Softphone_Adapter, 'slds'\)\}"/,
    'icons come from the used-only sprite'
  );
});

test('every SLDS class the adapter names is in the subset (those SLDS defines), and the subset is a small part of SLDS', () => {
  const css = subsetCss();
  const named = new Set(
    adapterSources().flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\bslds-[a-z0-9_-]*[a-z0-9]/g)].map((m) => m[0])
    )
  );
  const defined = [...named].filter((c) => hasClass(fullCss, c));
  assert.ok(defined.length > 40, `found the adapter's SLDS classes (${defined.length})`);
  assert.deepEqual(
    defined.filter((c) => !hasClass(css, c)),
    [],
    'classes missing from the subset'
  );
  assert.ok(css.length < fullCss.length / 10, `subset ${css.length} B vs ${fullCss.length} B`);
  assert.doesNotMatch(
    css,
    /url\((?!["']?(?:data:|#))/,
    'no relative url() the resource would not have (fonts, images)'
  );
});

test('the safelist is exactly the icon sizes icon.tsx builds `slds-icon_${size}` from', () => {
  const icon = readFileSync(join(ROOT, 'adapter/src/ui/icon.tsx'), 'utf8');
  const union = /size\?: ((?:'[a-z-]+'(?: \| )?)+)/.exec(icon)?.[1];
  assert.ok(union, 'icon.tsx still declares its size union');
  const sizes = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => `slds-icon_${m[1]}`);
  assert.deepEqual([...SLDS_SAFELIST].sort(), sizes.sort());
  for (const cls of SLDS_SAFELIST) assert.ok(hasClass(subsetCss(), cls), `${cls} kept`);
});

test('the sprite holds exactly the icons the adapter renders, and refuses names it cannot see', () => {
  const sprite = readFileSync(join(RESOURCE_DIR as string, SLDS_SUBSET_FILES.sprite), 'utf8');
  const ids = [...sprite.matchAll(/<symbol\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(ids, usedIconNames());
  assert.ok(ids.includes('end_call') && ids.includes('muted') && ids.includes('unmuted'), ids.join(', '));
  assert.match(sprite, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>/);

  const dir = mkdtempSync(join(tmpdir(), 'slds-subset-'));
  try {
    const file = join(dir, 'view.tsx');
    writeFileSync(
      file,
      'const a = <ButtonIcon name={held ? "play" : \'pause\'} />;\nconst b = <Icon size="small" name="call" />;\n'
    );
    assert.deepEqual(usedIconNames([file]), ['call', 'pause', 'play']);
    writeFileSync(file, 'const a = <ButtonIcon name={iconFor(state)} />;\n');
    assert.throws(() => usedIconNames([file]), /not a string literal/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => spriteSubset(['no_such_icon']), /no icon "no_such_icon"/);
});
