/**
 * The emulator's stand-in for a user's Language setting: a select of Salesforce's 18 fully supported
 * languages and the pseudo-locale. Choosing one reloads the page with `?lang=`, as a user who changes
 * language sees Lightning reload; the server renders the record-page component's labels and the adapter
 * page in it (the host passes `lang` and `locale` on to the adapter frame).
 */
import { h } from './dom';

/** Each language in its own name (a picker's convention), keyed by Salesforce's LanguageLocaleKey. */
export const EMULATOR_LANGUAGE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['en_US', 'English'],
  ['zh_CN', '中文（简体）'],
  ['zh_TW', '中文（繁體）'],
  ['da', 'Dansk'],
  ['nl_NL', 'Nederlands'],
  ['fi', 'Suomi'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['it', 'Italiano'],
  ['ja', '日本語'],
  ['ko', '한국어'],
  ['no', 'Norsk'],
  ['pt_BR', 'Português (Brasil)'],
  ['ru', 'Русский'],
  ['es', 'Español'],
  ['es_MX', 'Español (México)'],
  ['sv', 'Svenska'],
  ['th', 'ไทย'],
  ['en_XA', 'Pseudo-locale (en_XA)']
];

/** The page's URL in another language: `lang` set, a `locale` that belonged to the old language dropped. */
export function urlForLanguage(href: string, language: string): string {
  const url = new URL(href);
  url.searchParams.set('lang', language);
  url.searchParams.delete('locale');
  return url.toString();
}

export function languageSwitch(current: string, go: (href: string) => void): HTMLElement {
  const select = h('select', {
    class: 'slds-select',
    dataId: 'language-switch',
    attrs: { 'aria-label': 'Language' }
  });
  for (const [key, name] of EMULATOR_LANGUAGE_NAMES) {
    const option = h('option', { attrs: { value: key, lang: key.replace(/_/g, '-') } }, name);
    option.selected = key === current;
    select.appendChild(option);
  }
  select.addEventListener('change', () => go(urlForLanguage(location.href, select.value)));
  return h('div', { class: 'slds-select_container emu-language' }, select);
}
