import { isSupportedCountry } from 'libphonenumber-js/min';
import { t } from '../i18n/labels';
import type { CallCenterSettings } from '../opencti/types';
import type { ProviderKind } from '../telephony/provider';

/**
 * What the adapter reads from the call center (`getCallCenterSettings`): the `switchboard`
 * section of Switchboard.callCenter-meta.xml. Every value arrives as a string keyed by
 * `/section/item`. Bad values never stop the softphone: each falls back to its default and
 * adds a problem an admin can act on.
 */
export interface SwitchboardSettings {
  provider: ProviderKind;
  webSocketUrl: string;
  sipDomain: string;
  iceServers: string[];
  registerExpires: number;
  defaultCountry: string;
  dispositions: string[];
  /** Whether agents may keep their SIP password in this browser ("Remember on this device"). */
  allowRememberPassword: boolean;
  /** Human-readable configuration problems, shown to the agent and logged. */
  problems: string[];
}

export const SETTINGS_SECTION = 'switchboard';

/**
 * The call results offered when the admin lists none, in the agent's language (they are what the Task's
 * Call Result says). The machine's defaults for connected and failed calls name the same labels.
 */
export function defaultDispositions(): string[] {
  return [
    t('Switchboard_Disposition_Completed'),
    t('Switchboard_Disposition_LeftVoicemail'),
    t('Switchboard_Disposition_NoAnswer'),
    t('Switchboard_Disposition_Busy'),
    t('Switchboard_Disposition_WrongNumber'),
    t('Switchboard_Disposition_CallbackRequested')
  ];
}

const PLACEHOLDER_HOST = 'pbx.example.com';

export function parseSettings(raw: CallCenterSettings): SwitchboardSettings {
  const problems: string[] = [];
  const get = (item: string): string => (raw[`/${SETTINGS_SECTION}/${item}`] ?? '').trim();

  const providerRaw = get('provider').toLowerCase();
  let provider: ProviderKind = 'demo';
  if (providerRaw === 'sip') provider = 'sip';
  else if (providerRaw !== '' && providerRaw !== 'demo')
    problems.push(t('Switchboard_Settings_Provider', { value: providerRaw }));

  const webSocketUrl = get('webSocketUrl');
  const sipDomain = get('sipDomain');
  if (provider === 'sip') {
    if (!/^wss?:\/\/[^\s/]+/i.test(webSocketUrl)) {
      problems.push(t('Switchboard_Settings_WebSocketUrl'));
      provider = 'demo';
    } else if (webSocketUrl.includes(PLACEHOLDER_HOST)) {
      problems.push(t('Switchboard_Settings_WebSocketPlaceholder', { host: PLACEHOLDER_HOST }));
      provider = 'demo';
    } else if (!sipDomain) {
      problems.push(t('Switchboard_Settings_SipDomainEmpty'));
      provider = 'demo';
    }
  }
  // Kept (a lab PBX without TLS may need it), but never silently: from Lightning's https:// page the browser
  // blocks ws:// as mixed content, and SIP would cross the network in clear. Loopback is exempt from both:
  // browsers treat 127.0.0.0/8, ::1 and localhost as potentially trustworthy (Mixed Content spec).
  if (provider === 'sip' && /^ws:\/\//i.test(webSocketUrl) && !isLoopbackUrl(webSocketUrl)) {
    problems.push(t('Switchboard_Settings_WebSocketUnencrypted'));
  }

  const iceServers = get('iceServers')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const url of iceServers) {
    if (!/^(stuns?|turns?):/i.test(url)) problems.push(t('Switchboard_Settings_IceServer', { url }));
  }

  const expiresRaw = get('registerExpires');
  let registerExpires = 600;
  if (expiresRaw) {
    const n = Number(expiresRaw);
    if (Number.isInteger(n) && n >= 60 && n <= 86_400) registerExpires = n;
    else problems.push(t('Switchboard_Settings_RegisterExpires', { value: expiresRaw }));
  }

  let defaultCountry = get('defaultCountry').toUpperCase() || 'US';
  if (defaultCountry === 'UK') {
    // The usual slip: UK is not an ISO 3166 code, and libphonenumber would read every number as invalid.
    problems.push(t('Switchboard_Settings_CountryUk'));
    defaultCountry = 'US';
  } else if (!/^[A-Z]{2}$/.test(defaultCountry) || !isSupportedCountry(defaultCountry)) {
    problems.push(t('Switchboard_Settings_CountryInvalid', { value: defaultCountry }));
    defaultCountry = 'US';
  }

  const dispositions = get('dispositions')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 255);
  const uniqueDispositions = [...new Set(dispositions)];

  // Admins who cannot accept a plaintext password in the browser's storage turn this off.
  const rememberRaw = get('allowRememberPassword').toLowerCase();
  let allowRememberPassword = true;
  if (rememberRaw === 'false') allowRememberPassword = false;
  else if (rememberRaw !== '' && rememberRaw !== 'true')
    problems.push(t('Switchboard_Settings_AllowRemember', { value: rememberRaw }));

  return {
    provider,
    webSocketUrl,
    sipDomain,
    iceServers: iceServers.filter((url) => /^(stuns?|turns?):/i.test(url)),
    registerExpires,
    defaultCountry,
    dispositions: uniqueDispositions.length > 0 ? uniqueDispositions : defaultDispositions(),
    allowRememberPassword,
    problems
  };
}

function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return (
      host === 'localhost' ||
      host.endsWith('.localhost') ||
      host === '[::1]' ||
      /^127(?:\.\d{1,3}){3}$/.test(host)
    );
  } catch {
    return false;
  }
}
