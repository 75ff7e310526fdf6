/** The Lightning stand-in's HTML shell; the host script reads its configuration from the inline JSON. */
import type { CallCenterSettings } from './callcenter-settings';
import type { OrgChange } from './org';

export interface HostConfig {
  hostOrigin: string;
  adapterOrigin: string;
  /** Path of the adapter page on the adapter origin (from reqAdapterUrl when it is relative). */
  adapterPath: string;
  settings: CallCenterSettings;
  /** Why the call center could not be read, shown in the page instead of failing silently. */
  settingsError: string | null;
  /** The org as the page is served, so the page renders records before its event stream connects. */
  org: OrgChange;
  /** The signed-in user's language (`?lang=`), as Salesforce serves a component its labels and locale. */
  i18n: HostI18n;
}

export interface HostI18n {
  /** LanguageLocaleKey, e.g. de or en_XA (the pseudo-locale). */
  language: string;
  /** LocaleSidKey, e.g. de_DE. */
  locale: string;
  /** The locale as `@salesforce/i18n/locale` gives it (BCP 47, de-DE). */
  localeTag: string;
  /** The record-page component's labels (Switchboard_Card_*) in that language. */
  labels: Record<string, string>;
}

/** `<` is escaped so no value inside the JSON can close the script element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderHostPage(config: HostConfig): string {
  return `<!DOCTYPE html>
<html lang="${config.i18n.language.replace(/_/g, '-')}">
<head>
<meta charset="utf-8">
<title>Switchboard — Lightning emulator</title>
<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css">
<link rel="stylesheet" href="/emulator/host.css">
<script type="application/json" id="emulator-config">${jsonForScript(config)}</script>
</head>
<body>
<div id="emulator-root"></div>
<script src="/emulator/host.js"></script>
</body>
</html>
`;
}
