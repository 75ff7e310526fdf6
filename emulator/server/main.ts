/** `npm start`: run the emulator until Ctrl+C. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CALL_CENTER_SOURCE } from './callcenter-settings';
import { startEmulator } from './server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 8640);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT ?? ''}"`);
  process.exit(2);
}

const emulator = await startEmulator({ port, quiet: true });
console.log(`Switchboard Lightning emulator: ${emulator.hostUrl}`);
console.log(
  'Open it in Chrome and click "Phone" in the utility bar (bottom left) to open the softphone; Ctrl+C to stop.'
);
// Say up front what will not work, instead of leaving a blank panel to puzzle over.
for (const file of [
  'force-app/main/default/pages/Softphone_Adapter.page',
  'force-app/main/default/staticresources/Softphone_Adapter',
  CALL_CENTER_SOURCE
]) {
  if (!existsSync(`${root}${file}`)) console.warn(`warning: ${file} does not exist yet`);
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
