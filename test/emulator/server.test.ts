/** The emulator server without a browser: page rendering, routing by origin, file-serving safety. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAdapterPage, PageRenderError } from '../../emulator/server/adapter-page';
import { flattenCallCenter } from '../../emulator/server/callcenter-settings';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { FIXTURES, fixtureOptions } from './harness';

const resourceDir = `${FIXTURES}staticresources/Softphone_Adapter`;

/** Raw GET so `..` segments reach the server as typed (fetch would normalise them away). */
function rawGet(
  port: number,
  host: string,
  path: string
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host: `${host}:${port}` }, timeout: 3000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body })
        );
      }
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

function pageWith(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'emu-page-'));
  const path = join(dir, 'Softphone_Adapter.page');
  writeFileSync(path, `<apex:page showHeader="false" docType="html-5.0">\n${body}\n</apex:page>\n`);
  return path;
}

describe('adapter page rendering', () => {
  it('renders the merge fields the org would, and nothing of the apex: wrapper', () => {
    const html = renderAdapterPage({
      pagePath: `${FIXTURES}Softphone_Adapter.page`,
      staticResourceDir: resourceDir
    });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /apex:|\{!/);
    assert.match(
      html,
      /<link rel="stylesheet" href="\/slds\/styles\/salesforce-lightning-design-system\.min\.css"\/>/
    );
    assert.match(html, /href="\/resource\/\d+\/Softphone_Adapter\/softphone\.css"/);
    assert.match(html, /src="\/resource\/\d+\/Softphone_Adapter\/softphone\.js"/);
    assert.match(html, /data-slds-assets="\/slds"/);
    assert.match(html, /<script src="\/support\/api\/66\.0\/lightning\/opencti_min\.js"><\/script>/);
  });

  it('refuses a merge field it cannot render, naming it', () => {
    const path = pageWith('<html><body>{!$Label.Greeting}</body></html>');
    assert.throws(
      () => renderAdapterPage({ pagePath: path, staticResourceDir: resourceDir }),
      (err: unknown) => {
        assert.ok(err instanceof PageRenderError);
        assert.match(err.message, /\{!\$Label\.Greeting\}/);
        return true;
      }
    );
  });

  it('refuses leftover apex: tags and controllers', () => {
    assert.throws(
      () =>
        renderAdapterPage({
          pagePath: pageWith('<apex:includeLightning />'),
          staticResourceDir: resourceDir
        }),
      /<apex:includeLightning/
    );
    const dir = mkdtempSync(join(tmpdir(), 'emu-page-'));
    const withController = join(dir, 'Softphone_Adapter.page');
    writeFileSync(withController, '<apex:page controller="SoftphoneController"><html></html></apex:page>');
    assert.throws(
      () => renderAdapterPage({ pagePath: withController, staticResourceDir: resourceDir }),
      /controller/
    );
  });
});

describe('call center settings', () => {
  it('flattens the metadata file like getCallCenterSettings', () => {
    const xml = readFileSync(`${FIXTURES}Switchboard.callCenter-meta.xml`, 'utf8');
    const s = flattenCallCenter(xml, 'Switchboard');
    assert.equal(s['/reqGeneralInfo/reqInternalName'], 'Switchboard');
    assert.equal(s['/reqGeneralInfo/reqDisplayName'], 'Switchboard Softphone');
    assert.equal(s['/label'], 'Switchboard Softphone');
    assert.equal(s['/displayNameLabel'], 'Display Name');
    assert.equal(s['/internalNameLabel'], 'Internal Name');
    assert.equal(s['/reqGeneralInfo/reqAdapterUrl'], '/apex/Softphone_Adapter');
    assert.equal(s['/reqGeneralInfo/reqAdapterUrl/label'], 'CTI Adapter URL');
    assert.equal(s['/reqGeneralInfo/reqAdapterUrl/sortOrder'], '2.0');
    assert.equal(s['/reqGeneralInfo/reqSoftphoneHeight'], '480');
    assert.equal(s['/switchboard/provider'], 'demo');
    assert.equal(s['/switchboard/provider/sortOrder'], '0.0');
    assert.equal(s['/switchboard/label'], 'Switchboard');
    assert.equal(s['/switchboard/sortOrder'], '1.0');
    assert.ok(Object.values(s).every((v) => typeof v === 'string'));
  });
});

describe('emulator server', () => {
  let emulator: RunningEmulator;
  let secretDir: string;

  before(async () => {
    // A secret file next to the static resource folder: traversal attempts aim at it.
    secretDir = mkdtempSync(join(tmpdir(), 'emu-root-'));
    mkdirSync(join(secretDir, 'Softphone_Adapter'));
    writeFileSync(join(secretDir, 'Softphone_Adapter', 'softphone.js'), 'ok();');
    writeFileSync(join(secretDir, 'secret.txt'), 'TOP-SECRET');
    emulator = await startEmulator({
      ...fixtureOptions,
      staticResourceDir: join(secretDir, 'Softphone_Adapter')
    });
  });
  after(async () => {
    await emulator.close();
  });

  it('serves the host on localhost and the adapter on 127.0.0.1 only', async () => {
    const { port } = emulator;
    const host = await rawGet(port, 'localhost', '/');
    assert.equal(host.status, 200);
    assert.match(host.body, /Switchboard — Lightning emulator/);
    assert.equal((await rawGet(port, '127.0.0.1', '/')).status, 404);
    assert.equal((await rawGet(port, 'localhost', '/apex/Softphone_Adapter')).status, 404);
    const client = await rawGet(port, '127.0.0.1', '/support/api/66.0/lightning/opencti_min.js');
    assert.equal(client.status, 200);
    assert.match(client.type, /javascript/);
    const js = await rawGet(port, '127.0.0.1', '/resource/1/Softphone_Adapter/softphone.js');
    assert.equal(js.body, 'ok();');
    assert.equal((await rawGet(port, 'example.com', '/')).status, 404);
    assert.equal((await rawGet(port, '127.0.0.1', '/resource/1/Other/softphone.js')).status, 404);
  });

  it('answers 500 with the reason when the page cannot be rendered faithfully', async () => {
    const broken = await startEmulator({
      ...fixtureOptions,
      pagePath: pageWith('<p>{!$User.FirstName}</p>')
    });
    try {
      const res = await rawGet(broken.port, '127.0.0.1', '/apex/Softphone_Adapter?mode=Lightning');
      assert.equal(res.status, 500);
      assert.match(res.body, /\{!\$User\.FirstName\}/);
    } finally {
      await broken.close();
    }
  });

  it('never serves files outside the allowed folders', async () => {
    const { port } = emulator;
    const attempts = [
      '/resource/1/Softphone_Adapter/../secret.txt',
      '/resource/1/Softphone_Adapter/%2e%2e/secret.txt',
      '/resource/1/Softphone_Adapter/%2e%2e%2fsecret.txt',
      '/resource/1/Softphone_Adapter/..%5csecret.txt',
      '/resource/1/Softphone_Adapter//etc/passwd',
      '/resource/1/Softphone_Adapter/%00secret.txt',
      '/slds/../../../package.json',
      '/slds/%2e%2e/%2e%2e/%2e%2e/package.json'
    ];
    for (const path of attempts) {
      for (const host of ['127.0.0.1', 'localhost']) {
        const res = await rawGet(port, host, path);
        assert.notEqual(res.status, 200, `${host}${path} must not be served`);
        assert.doesNotMatch(res.body, /TOP-SECRET|"name": "switchboard"/);
      }
    }
    const css = await rawGet(port, 'localhost', '/slds/styles/salesforce-lightning-design-system.min.css');
    assert.equal(css.status, 200);
    assert.match(css.type, /text\/css/);
  });
});
