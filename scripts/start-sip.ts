/**
 * `npm run start:sip`: a real WebRTC call on this machine. Starts Kamailio on loopback (no auth,
 * memory-only registrar), the emulator with the call center switched to SIP, and prints two pages:
 * the agent (log in as "agent", any password) and the customer phone (registers as "customer").
 */
import { startKamailio } from '../e2e/support/kamailio';
import { startEmulator } from '../emulator/server/server';
import { CUSTOMER_USER, sipModeUrls } from '../emulator/server/sip-mode';

const kamailio = await startKamailio();
const emulator = await startEmulator({ port: Number(process.env.PORT ?? 8640), quiet: true });
const urls = sipModeUrls(emulator.hostUrl, kamailio.webSocketUrl);

console.log(
  `Kamailio: SIP udp 127.0.0.1:${kamailio.sipPort}, WebSocket ${kamailio.webSocketUrl} (loopback only)`
);
console.log(`Agent softphone:  ${urls.agentUrl}`);
console.log(
  '                  log in as SIP user "agent" (any password), then click a phone number or wait for a call'
);
console.log(`Customer phone:   ${urls.customerUrl}`);
console.log(
  `                  registers as ${CUSTOMER_USER} — Ada Lovelace's number in the emulator, so click her Phone to call it`
);
console.log('Ctrl+C stops both.');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await emulator.close().catch(() => undefined);
  await kamailio.stop().catch(() => undefined);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
