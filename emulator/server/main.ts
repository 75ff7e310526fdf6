/** `npm start`: run the emulator until Ctrl+C. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 8640);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT ?? ''}"`);
  process.exit(2);
}

const emulator = await startEmulator({ port, quiet: true });
console.log(`Switchboard Lightning emulator: ${emulator.hostUrl}`);
console.log('Open it in Chrome and click "Phone" in the utility bar (bottom left) to open the softphone; Ctrl+C to stop.');
// Say up front what will not work, instead of leaving a blank panel to puzzle over.
for (const file of ['pages/Softphone_Adapter.page', 'staticresources/Softphone_Adapter', 'callCenters/Switchboard.callCenter-meta.xml']) {
  if (!existsSync(`${root}force-app/main/default/${file}`)) console.warn(`warning: force-app/main/default/${file} does not exist yet`);
}

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await emulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
