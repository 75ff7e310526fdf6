// The SLDS the softphone actually uses, built from the installed @salesforce-ux/design-system into the
// static resource (scripts/build.mjs calls this). `<apex:slds/>` makes every cold start fetch and parse a
// ~940 KB stylesheet for a panel that uses ~70 classes; the adapter page links this subset instead.
//  - CSS: PurgeCSS over the full SLDS stylesheet, keeping the selectors whose class/element names occur
//    in the adapter's sources and the Visualforce page (plus the few classes built from a variable).
//  - Icons: a sprite with only the utility symbols the adapter's <Icon>/<ButtonIcon> name.
// Fonts: SLDS 2.264 (the version we build from) uses the system font stack (--slds-g-font-family-base:
// system-ui, …) and declares no @font-face, so there is nothing to ship; the build fails if the subset
// ever references a relative url(…) that the static resource would not have.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PurgeCSS } from 'purgecss';

const root = fileURLToPath(new URL('..', import.meta.url));
const SLDS = join(root, 'node_modules/@salesforce-ux/design-system/assets');
export const SLDS_CSS_SOURCE = join(SLDS, 'styles/salesforce-lightning-design-system.min.css');
export const SLDS_SPRITE_SOURCE = join(SLDS, 'icons/utility-sprite/svg/symbols.svg');
const ADAPTER_SRC = join(root, 'adapter/src');
const PAGE = join(root, 'force-app/main/default/pages/Softphone_Adapter.page');

/** Where the subset lives in the static resource: the page passes `slds` as the icon assets base, so icon.tsx's path is unchanged. */
export const SLDS_SUBSET_FILES = {
  css: 'slds/styles/slds-subset.css',
  sprite: 'slds/icons/utility-sprite/svg/symbols.svg'
};

/**
 * Classes the sources build from a variable (so no extractor can see them whole), each with where it comes
 * from. test/build/slds-subset.test.ts checks these against the sources.
 */
export const SLDS_SAFELIST = [
  // icon.tsx: `slds-icon_${size}` for size 'xx-small' | 'x-small' | 'small'
  'slds-icon_xx-small',
  'slds-icon_x-small',
  'slds-icon_small'
];

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Every utility icon name the adapter renders: the string literals in each <Icon …name=…> / <ButtonIcon …name=…>. */
export function usedIconNames(files = sourceFiles(ADAPTER_SRC)) {
  const names = new Set();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<(?:Button)?Icon\b[^>]*?\bname=(\{[^}]*\}|"[^"]*")/g)) {
      const literals = [...m[1].matchAll(/['"]([a-z0-9_]+)['"]/g)].map((l) => l[1]);
      if (literals.length === 0)
        throw new Error(
          `${file}: an icon name that is not a string literal (${m[0]}); the sprite subset cannot see it`
        );
      for (const name of literals) names.add(name);
    }
  }
  return [...names].sort();
}

/** A sprite holding only `names`, in the source sprite's own markup. */
export function spriteSubset(names, source = readFileSync(SLDS_SPRITE_SOURCE, 'utf8')) {
  const open = /^<svg\b[^>]*>/.exec(source);
  if (!open) throw new Error('SLDS utility sprite: no <svg> root');
  const symbols = names.map((name) => {
    const m = new RegExp(`<symbol\\b[^>]*\\bid="${name}"[^>]*>[\\s\\S]*?</symbol>`).exec(source);
    if (!m) throw new Error(`SLDS utility sprite has no icon "${name}"`);
    return m[0];
  });
  return `${open[0]}${symbols.join('')}</svg>\n`;
}

export async function buildSldsSubset() {
  const content = [...sourceFiles(ADAPTER_SRC), PAGE];
  const [result] = await new PurgeCSS().purge({
    content,
    css: [SLDS_CSS_SOURCE],
    safelist: { standard: SLDS_SAFELIST },
    // Unused custom properties, keyframes and font faces go too; the ones kept rules use stay.
    variables: true,
    keyframes: true,
    fontFace: true
  });
  if (!result) throw new Error('PurgeCSS returned nothing');
  const relative = [...result.css.matchAll(/url\((?!["']?(?:data:|#))([^)]*)\)/g)].map((m) => m[1]);
  if (relative.length > 0)
    throw new Error(
      `the SLDS subset references files the static resource does not ship: ${relative.join(', ')}`
    );
  const icons = usedIconNames();
  return { css: `${result.css.trim()}\n`, sprite: spriteSubset(icons), icons };
}
