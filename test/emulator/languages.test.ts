/**
 * The emulator speaks every language: the host page carries the record-page component's labels and locale
 * for `?lang=`, the adapter page renders `$Label` in it, the pseudo-locale works on both, and a language
 * the package does not ship is refused.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, readCustomLabels } from '../../scripts/lib/custom-labels';
import { PSEUDO_END, PSEUDO_START } from '../../scripts/lib/pseudo-locale';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { cardLabels, emulatorLabels } from '../../emulator/server/emulator-labels';
import { urlForLanguage } from '../../emulator/host/views/language-switch';
import { fixtureOptions } from './harness';

interface HostI18nConfig {
  language: string;
  locale: string;
  localeTag: string;
  labels: Record<string, string>;
}

function hostConfigOf(html: string): { i18n: HostI18nConfig } {
  const json = /<script type="application\/json" id="emulator-config">(.*?)<\/script>/s.exec(html)?.[1];
  assert.ok(json, 'the host page has its config');
  return JSON.parse(json) as { i18n: HostI18nConfig };
}

describe('emulator labels', () => {
  it('gives the pseudo-locale every label accented and bracketed, and English where there is no translation', () => {
    const english = emulatorLabels('en_US');
    const pseudo = emulatorLabels('en_XA');
    assert.equal(pseudo.size, english.size);
    for (const [name, value] of pseudo) {
      assert.ok(value.startsWith(PSEUDO_START) && value.endsWith(PSEUDO_END), `${name}: ${value}`);
    }
    // A language with no translation file yet (or an untranslated label) reads the master value.
    const lacking = emulatorLabels('th');
    for (const label of readCustomLabels()) assert.ok(lacking.get(label.fullName), label.fullName);
  });

  it('hands the LWC only its own labels', () => {
    const names = Object.keys(cardLabels('de'));
    assert.ok(names.length > 10);
    assert.ok(
      names.every((n) => n.startsWith('Switchboard_Card_')),
      names.join(', ')
    );
  });

  it('switches language by reloading with ?lang= and drops the old language’s locale', () => {
    assert.equal(
      urlForLanguage('http://localhost:1/?user=005000000000002AAA&lang=de&locale=de_CH', 'ja'),
      'http://localhost:1/?user=005000000000002AAA&lang=ja'
    );
  });
});

describe('emulator pages in a language', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({
      ...fixtureOptions,
      // The real page: its label block is what $Label renders into.
      pagePath: join(ROOT, 'force-app/main/default/pages/Softphone_Adapter.page')
    });
  });
  after(async () => {
    await emulator.close();
  });

  const get = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  };

  it('puts the LWC labels, language and locale of ?lang= in the host page', async () => {
    const de = await get(`${emulator.hostUrl}?lang=de`);
    assert.equal(de.status, 200);
    assert.match(de.body, /<html lang="de">/);
    const { i18n } = hostConfigOf(de.body);
    assert.deepEqual([i18n.language, i18n.locale, i18n.localeTag], ['de', 'de_DE', 'de-DE']);
    assert.deepEqual(i18n.labels, cardLabels('de'));

    const english = hostConfigOf((await get(emulator.hostUrl)).body).i18n;
    assert.deepEqual([english.language, english.localeTag], ['en_US', 'en-US']);
    assert.equal(english.labels.Switchboard_Card_Ready, 'Ready');
  });

  it('renders the pseudo-locale on the host page and the adapter page', async () => {
    const host = hostConfigOf((await get(`${emulator.hostUrl}?lang=en_XA`)).body).i18n;
    assert.match(host.labels.Switchboard_Card_Ready ?? '', /^⟦Ŕëáðý.*⟧$/);
    const page = await get(`${emulator.adapterOrigin}/apex/Softphone_Adapter?lang=en_XA`);
    assert.equal(page.status, 200);
    assert.match(page.body, /"Switchboard_Status_Ready": "⟦Ŕëáðý/);
    assert.match(page.body, /data-language="en_XA"/);
  });

  it('refuses a language the package does not ship, on both pages', async () => {
    const host = await get(`${emulator.hostUrl}?lang=xx`);
    assert.equal(host.status, 400);
    assert.match(host.body, /\?lang= must be one of/);
    assert.equal((await get(`${emulator.adapterOrigin}/apex/Softphone_Adapter?lang=xx`)).status, 500);
  });
});
