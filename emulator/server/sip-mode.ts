/** URLs for running the emulator against a SIP server: the agent's host page (call center switched to SIP) and the customer phone. */
export interface SipModeUrls {
  agentUrl: string;
  customerUrl: string;
}

/** The customer registers as Ada Lovelace's number in the seed data, so calls both ways screen-pop her. */
export const CUSTOMER_USER = '+14155550132';

export function sipModeUrls(hostUrl: string, webSocketUrl: string, domain = '127.0.0.1'): SipModeUrls {
  const settings = {
    '/switchboard/provider': 'sip',
    '/switchboard/webSocketUrl': webSocketUrl,
    '/switchboard/sipDomain': domain,
    '/switchboard/iceServers': ''
  };
  const base = hostUrl.replace(/\/$/, '');
  return {
    agentUrl: `${base}/?settings=${encodeURIComponent(JSON.stringify(settings))}`,
    customerUrl: `${base}/customer?ws=${encodeURIComponent(webSocketUrl)}&domain=${encodeURIComponent(domain)}&user=${encodeURIComponent(CUSTOMER_USER)}&agent=agent`
  };
}
