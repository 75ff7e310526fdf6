/**
 * The user's language as Salesforce serves it to a component: each `@salesforce/label/c.*` import and
 * `@salesforce/i18n/locale` (emulator/lwc/build.ts points both here). Salesforce bakes them into the
 * component's module for the user's language; the emulator's server puts them in the host page's config
 * for `?lang=` (emulator/server/host-page.ts), so one compiled runtime serves every language. The runtime
 * is evaluated on the first record page, after the page and its config exist.
 */
function hostI18n() {
  // eslint-disable-next-line @lwc/lwc/no-document-query -- the platform's side, not a component's: it reads the page
  const element = document.getElementById('emulator-config');
  try {
    const i18n = JSON.parse(element?.textContent ?? '{}').i18n;
    return i18n && typeof i18n === 'object' ? i18n : {};
  } catch {
    return {};
  }
}

const i18n = hostI18n();

/** A label's value; the build has checked the label exists, so the name shows only without a host page. */
export function labelValue(name) {
  const value = i18n.labels?.[name];
  return typeof value === 'string' ? value : `c.${name}`;
}

export const locale = typeof i18n.localeTag === 'string' ? i18n.localeTag : 'en-US';
