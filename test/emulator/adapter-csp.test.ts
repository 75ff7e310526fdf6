/** ?cspConnectSrc= on the adapter page: the CSP header an org sends for a page with cspHeader="true". */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { fixtureOptions } from './harness';

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator(fixtureOptions);
});
after(() => emulator.close());

const page = (query: string) => fetch(`${emulator.adapterOrigin}/apex/Softphone_Adapter${query}`);

it('serves the adapter page with connect-src limited to itself and the listed trusted sites', async () => {
  const none = await page('?mode=Lightning&cspConnectSrc=');
  assert.equal(none.status, 200);
  assert.equal(none.headers.get('content-security-policy'), "connect-src 'self'");
  const listed = await page(`?cspConnectSrc=${encodeURIComponent('wss://pbx.example.com:8089')}`);
  assert.equal(
    listed.headers.get('content-security-policy'),
    "connect-src 'self' wss://pbx.example.com:8089"
  );
});

it('sends no CSP without the parameter, and refuses anything that is not a source list', async () => {
  const plain = await page('?mode=Lightning');
  assert.equal(plain.headers.get('content-security-policy'), null);
  const injected = await page(`?cspConnectSrc=${encodeURIComponent("x; script-src 'unsafe-inline'")}`);
  assert.equal(injected.status, 500);
  assert.match(await injected.text(), /cspConnectSrc= takes CSP sources only/);
  assert.equal(contentSecurityPolicy(''), null);
});
