/**
 * Renders the real Visualforce adapter page the way the org would for the parts the emulator knows
 * (`<apex:page>`, `<apex:slds/>`, static resource and SLDS asset URLs, `{!$Organization.Id}` and
 * `{!$User.Id}`) and refuses everything else,
 * so a page the org would render differently never passes here silently.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export class PageRenderError extends Error {}

export interface RenderOptions {
  /** The `.page` file (read on every request so edits show up on reload). */
  pagePath: string;
  /** The static resource folder, for the cache-busting timestamp in resource URLs. */
  staticResourceDir: string;
  resourceName?: string;
  /** `{!$User.Id}`: the user the page is rendered for; EMULATOR_USER_ID when not given. */
  userId?: string;
}

/** The emulator's org and its default user (`{!$Organization.Id}`, `{!$User.Id}`). */
export const EMULATOR_ORG_ID = '00D000000000001AAA';
export const EMULATOR_USER_ID = '005000000000001AAA';
const USER_ID = /^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

/**
 * The user a request for the adapter page is signed in as: its `user` query parameter (the host page
 * passes its own `?user=` through), or the default user. Anything that is not a User id is refused
 * rather than rendered into the page.
 */
export function userIdFromQuery(query: string): string {
  const user = new URLSearchParams(query).get('user');
  if (user === null || user === '') return EMULATOR_USER_ID;
  if (!USER_ID.test(user))
    throw new PageRenderError(
      `?user= must be a User id (005…, 15 or 18 characters): ${JSON.stringify(user.slice(0, 40))}`
    );
  return user;
}

/** Attributes that make Visualforce run server code the emulator cannot run. */
const SERVER_SIDE_ATTRIBUTES = /\b(controller|standardController|extensions|action)\s*=/i;

/**
 * The resource's version in its URLs, as Salesforce puts the upload time in `/resource/<timestamp>/…`:
 * one value for the whole resource (its newest file), so a rebuild changes every URL at once and the
 * browser may cache what it fetched under the old ones (the server sends cache headers, as an org does).
 */
function resourceVersion(dir: string): number {
  let newest = 0;
  const walk = (d: string, depth: number) => {
    if (depth > 8) return;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else newest = Math.max(newest, Math.floor(statSync(path).mtimeMs));
    }
  };
  walk(dir, 0);
  return newest;
}

export function renderAdapterPage(options: RenderOptions): string {
  const resourceName = options.resourceName ?? 'Softphone_Adapter';
  let source: string;
  try {
    source = readFileSync(options.pagePath, 'utf8');
  } catch {
    throw new PageRenderError(`Visualforce page not found: ${options.pagePath}`);
  }

  const open = /<apex:page\b[^>]*>/.exec(source);
  if (!open) throw new PageRenderError('The page has no <apex:page> element.');
  if (SERVER_SIDE_ATTRIBUTES.test(open[0])) {
    throw new PageRenderError(
      `<apex:page> uses a controller/action, which the emulator cannot run: ${open[0]}`
    );
  }
  let html = source.replace(open[0], '').replace(/<\/apex:page\s*>/, '');

  html = html.replace(
    /<apex:slds\s*\/>/g,
    '<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css"/>'
  );
  const resourcePattern = new RegExp(
    `\\{!\\s*URLFOR\\(\\s*\\$Resource\\.${resourceName}\\s*,\\s*(['"])([^'"]*)\\1\\s*\\)\\s*\\}`,
    'g'
  );
  const version = resourceVersion(options.staticResourceDir);
  html = html.replace(
    resourcePattern,
    (_match, _quote: string, file: string) => `/resource/${version}/${resourceName}/${file}`
  );
  // $Asset.SLDS 'assets' (or a path below it) maps onto the locally installed SLDS assets.
  html = html.replace(
    /\{!\s*URLFOR\(\s*\$Asset\.SLDS\s*,\s*(['"])assets(\/[^'"]*)?\1\s*\)\s*\}/g,
    (_match, _quote: string, rest: string | undefined) => `/slds${rest ?? ''}`
  );

  // Global merge fields the page hands to the bundle (which org and user its stored items belong to).
  const userId = options.userId ?? EMULATOR_USER_ID;
  if (!USER_ID.test(userId))
    throw new PageRenderError(`Not a User id: ${JSON.stringify(userId.slice(0, 40))}`);
  html = html
    .replace(/\{!\s*\$Organization\.Id\s*\}/g, EMULATOR_ORG_ID)
    .replace(/\{!\s*\$User\.Id\s*\}/g, userId);

  const leftovers = [...html.matchAll(/\{![^}]*\}|<apex:[\w-]+[^>]*>/g)].map((m) => m[0]);
  if (leftovers.length > 0) {
    throw new PageRenderError(
      `The emulator cannot render these Visualforce constructs (the org would): ${leftovers.join(', ')}`
    );
  }
  // docType="html-5.0" makes Visualforce emit the HTML5 doctype; without it the browser is in quirks mode.
  if (!/^\s*<!doctype/i.test(html)) html = `<!DOCTYPE html>\n${html.trimStart()}`;
  return html;
}
