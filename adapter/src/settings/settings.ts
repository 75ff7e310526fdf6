import { isSupportedCountry } from 'libphonenumber-js/min';
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

export const DEFAULT_DISPOSITIONS = [
  'Completed',
  'Left voicemail',
  'No answer',
  'Busy',
  'Wrong number',
  'Callback requested'
];

const PLACEHOLDER_HOST = 'pbx.example.com';

export function parseSettings(raw: CallCenterSettings): SwitchboardSettings {
  const problems: string[] = [];
  const get = (item: string): string => (raw[`/${SETTINGS_SECTION}/${item}`] ?? '').trim();
  const where = (item: string) => `Call center setting "${item}" (section "${SETTINGS_SECTION}")`;

  const providerRaw = get('provider').toLowerCase();
  let provider: ProviderKind = 'demo';
  if (providerRaw === 'sip') provider = 'sip';
  else if (providerRaw !== '' && providerRaw !== 'demo')
    problems.push(`${where('provider')} is "${providerRaw}"; use demo or sip. Using demo.`);

  const webSocketUrl = get('webSocketUrl');
  const sipDomain = get('sipDomain');
  if (provider === 'sip') {
    if (!/^wss?:\/\/[^\s/]+/i.test(webSocketUrl)) {
      problems.push(
        `${where('webSocketUrl')} must be a wss:// URL of your PBX's WebSocket endpoint. Using the demo provider.`
      );
      provider = 'demo';
    } else if (webSocketUrl.includes(PLACEHOLDER_HOST)) {
      problems.push(
        `${where('webSocketUrl')} still points at the placeholder ${PLACEHOLDER_HOST}. Using the demo provider.`
      );
      provider = 'demo';
    } else if (!sipDomain) {
      problems.push(`${where('sipDomain')} is empty. Using the demo provider.`);
      provider = 'demo';
    }
  }
  // Kept (a lab PBX without TLS may need it), but never silently: from Lightning's https:// page the browser
  // blocks ws:// as mixed content, and SIP would cross the network in clear. Loopback is exempt from both:
  // browsers treat 127.0.0.0/8, ::1 and localhost as potentially trustworthy (Mixed Content spec).
  if (provider === 'sip' && /^ws:\/\//i.test(webSocketUrl) && !isLoopbackUrl(webSocketUrl)) {
    problems.push(
      `${where('webSocketUrl')} is an unencrypted ws:// URL: browsers block it from a https:// Salesforce page (mixed content), and SIP would travel unencrypted. Use wss://.`
    );
  }

  const iceServers = get('iceServers')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const url of iceServers) {
    if (!/^(stuns?|turns?):/i.test(url))
      problems.push(`${where('iceServers')} has "${url}", which is not a stun: or turn: URL.`);
  }

  const expiresRaw = get('registerExpires');
  let registerExpires = 600;
  if (expiresRaw) {
    const n = Number(expiresRaw);
    if (Number.isInteger(n) && n >= 60 && n <= 86_400) registerExpires = n;
    else
      problems.push(
        `${where('registerExpires')} is "${expiresRaw}"; use whole seconds from 60 to 86400. Using 600.`
      );
  }

  let defaultCountry = get('defaultCountry').toUpperCase() || 'US';
  if (defaultCountry === 'UK') {
    // The usual slip: UK is not an ISO 3166 code, and libphonenumber would read every number as invalid.
    problems.push(
      `${where('defaultCountry')} is "UK", which is not an ISO country code: use GB for the United Kingdom. Using US.`
    );
    defaultCountry = 'US';
  } else if (!/^[A-Z]{2}$/.test(defaultCountry) || !isSupportedCountry(defaultCountry)) {
    problems.push(
      `${where('defaultCountry')} is "${defaultCountry}"; use a two-letter ISO country code such as US or GB. Using US.`
    );
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
    problems.push(`${where('allowRememberPassword')} is "${rememberRaw}"; use true or false. Using true.`);

  return {
    provider,
    webSocketUrl,
    sipDomain,
    iceServers: iceServers.filter((url) => /^(stuns?|turns?):/i.test(url)),
    registerExpires,
    defaultCountry,
    dispositions: uniqueDispositions.length > 0 ? uniqueDispositions : DEFAULT_DISPOSITIONS,
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
