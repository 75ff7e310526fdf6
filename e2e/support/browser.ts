import { chromium, type Browser } from 'playwright-core';
import { requireBinary } from './managed-process';

/**
 * Chromium flags for WebRTC tests on loopback (see docs/telephony.md):
 * fake mic + auto-granted permission, loopback ICE candidates allowed (mandatory inside an
 * `unshare -n` namespace), no mDNS candidates, and every host name except localhost/127.0.0.1
 * unresolvable so nothing can leave the machine.
 */
export const CHROMIUM_FLAGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'
];

export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? requireBinary('chromium', 'chromium');
}

export function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraFlags],
    timeout: 20_000
  });
}
