/**
 * Renders the real Visualforce adapter page the way the org would for the parts the emulator knows
 * (`<apex:page>`, `<apex:slds/>`, static resource and SLDS asset URLs, `{!$Organization.Id}` and
 * `{!$User.Id}`) and refuses everything else,
 * so a page the org would render differently never passes here silently.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { jsEncode, labelsForLanguage, TRANSLATED_LANGUAGES } from '../../scripts/lib/custom-labels';
import { PSEUDO_LANGUAGE } from '../../scripts/lib/pseudo-locale';

export class PageRenderError extends Error {}

export interface RenderOptions {
  /** The `.page` file (read on every request so edits show up on reload). */
  pagePath: string;
  /** The static resource folder, for the cache-busting timestamp in resource URLs. */
  staticResourceDir: string;
  resourceName?: string;
  /** `{!$User.Id}`: the user the page is rendered for; EMULATOR_USER_ID when not given. */
  userId?: string;
  /** `{!$User.LanguageLocaleKey}` (en_US when not given). */
  language?: string;
  /** `{!$User.LocaleSidKey}` (en_US when not given). */
  locale?: string;
  /** `$Label.<name>` → its value in the user's language (default: the package's labels and translations); a name not here fails as a deploy would. */
  labels?: ReadonlyMap<string, string>;
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

/** The locale Salesforce would give a new user of each language (`LocaleSidKey`), unless `?locale=` says otherwise. */
const DEFAULT_LOCALE: Readonly<Record<string, string>> = {
  en_US: 'en_US',
  zh_CN: 'zh_CN',
  zh_TW: 'zh_TW',
  da: 'da_DK',
  nl_NL: 'nl_NL',
  fi: 'fi_FI',
  fr: 'fr_FR',
  de: 'de_DE',
  it: 'it_IT',
  ja: 'ja_JP',
  ko: 'ko_KR',
  no: 'no_NO',
  pt_BR: 'pt_BR',
  ru: 'ru_RU',
  es: 'es_ES',
  es_MX: 'es_MX',
  sv: 'sv_SE',
  th: 'th_TH',
  [PSEUDO_LANGUAGE]: 'en_US'
};

/**
 * The languages the emulator can render the page in: English, every translation the package ships, and
 * the emulator-only pseudo-locale (accented, longer English; see scripts/lib/pseudo-locale.ts).
 */
export const EMULATOR_LANGUAGES: readonly string[] = ['en_US', ...TRANSLATED_LANGUAGES, PSEUDO_LANGUAGE];

/**
 * The language and locale a request for the adapter page is rendered in: its `lang` and `locale` query
 * parameters (the host page passes its own through), English (United States) by default. Anything that
 * is not a language the package ships is refused rather than rendered.
 */
export function languageFromQuery(query: string): { language: string; locale: string } {
  const params = new URLSearchParams(query);
  const language = params.get('lang') || 'en_US';
  if (!EMULATOR_LANGUAGES.includes(language))
    throw new PageRenderError(
      `?lang= must be one of ${EMULATOR_LANGUAGES.join(', ')}: ${JSON.stringify(language.slice(0, 20))}`
    );
  const locale = params.get('locale') || DEFAULT_LOCALE[language] || 'en_US';
  if (!/^[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})*$/.test(locale))
    throw new PageRenderError(
      `?locale= must be a Salesforce locale key such as de_DE: ${JSON.stringify(locale.slice(0, 20))}`
    );
  return { language, locale };
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

const LANGUAGE_KEY = /^[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})*$/;

/**
 * The user's language and locale (`$User.LanguageLocaleKey`, `$User.LocaleSidKey`, the one SUBSTITUTE the
 * page uses to turn `zh_CN` into a `lang` value) and `{!JSENCODE($Label.X)}`: what Salesforce renders for
 * a user with that language, the master value when a label has no translation.
 */
function renderLanguageFields(html: string, options: RenderOptions): string {
  const language = options.language ?? 'en_US';
  const locale = options.locale ?? 'en_US';
  if (!LANGUAGE_KEY.test(language) || !LANGUAGE_KEY.test(locale))
    throw new PageRenderError(`Not a Salesforce language/locale key: ${JSON.stringify([language, locale])}`);
  const labels = options.labels ?? labelsForLanguage(language);
  return html
    .replace(/\{!\s*\$User\.LanguageLocaleKey\s*\}/g, language)
    .replace(/\{!\s*\$User\.LocaleSidKey\s*\}/g, locale)
    .replace(
      /\{!\s*SUBSTITUTE\(\s*\$User\.LanguageLocaleKey\s*,\s*'_'\s*,\s*'-'\s*\)\s*\}/g,
      language.replace(/_/g, '-')
    )
    .replace(/\{!\s*JSENCODE\(\s*\$Label\.(\w+)\s*\)\s*\}/g, (_match, name: string) => {
      const value = labels.get(name);
      // Salesforce refuses to save a page naming a label that does not exist.
      if (value === undefined) throw new PageRenderError(`$Label.${name} does not exist`);
      return jsEncode(value);
    });
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
  html = renderLanguageFields(html, options);

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
