// The CallCenter metadata and the Setup Import file derived from it: in sync, valid, and complete.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  GENERAL_SECTION,
  REQUIRED_GENERAL_ITEMS,
  parseCallCenterImport,
  parseCallCenterMeta,
  validateCallCenterImport
} from '../../scripts/lib/callcenter-xml';
import {
  CALL_CENTER_IMPORT,
  CALL_CENTER_META,
  internalNameOf,
  renderCallCenterXml
} from '../../scripts/generate-callcenter-xml';
import { ROOT } from './paths';

const metaXml = readFileSync(CALL_CENTER_META, 'utf8');
const meta = parseCallCenterMeta(metaXml);
const committed = readFileSync(CALL_CENTER_IMPORT, 'utf8');

describe('CallCenter metadata', () => {
  test('customSettings is exactly the reqGeneralInfo items as name → value JSON', () => {
    const general = meta.sections.find((s) => s.name === GENERAL_SECTION);
    assert.ok(general, 'no reqGeneralInfo section');
    assert.ok(meta.customSettings, 'no customSettings');
    const settings = JSON.parse(meta.customSettings) as unknown;
    assert.deepEqual(settings, Object.fromEntries(general.items.map((i) => [i.name, i.value])));
    assert.deepEqual(
      Object.keys(settings as object),
      general.items.map((i) => i.name),
      'same order as the items'
    );
  });

  test('adapterUrl, reqAdapterUrl and the Visualforce page agree', () => {
    const general = meta.sections.find((s) => s.name === GENERAL_SECTION);
    const item = general?.items.find((i) => i.name === 'reqAdapterUrl');
    assert.equal(meta.adapterUrl, '/apex/Softphone_Adapter');
    assert.equal(item?.value, meta.adapterUrl);
    const pages = readdirSync(join(ROOT, 'force-app/main/default/pages'));
    assert.ok(pages.includes('Softphone_Adapter.page'));
  });

  test('Lightning softphone settings', () => {
    const general = meta.sections.find((s) => s.name === GENERAL_SECTION);
    const values = Object.fromEntries((general?.items ?? []).map((i) => [i.name, i.value]));
    assert.deepEqual(values, {
      reqAdapterUrl: '/apex/Softphone_Adapter',
      reqUseApi: 'true',
      reqSoftphoneHeight: '480',
      reqSoftphoneWidth: '340',
      reqSalesforceCompatibilityMode: 'Lightning'
    });
    assert.equal(meta.displayName, 'Switchboard');
    assert.equal(internalNameOf(CALL_CENTER_META), 'Switchboard');
  });

  test('the switchboard section holds the settings the adapter reads as /switchboard/<name>', () => {
    const section = meta.sections.find((s) => s.name === 'switchboard');
    assert.ok(section, 'no switchboard section');
    assert.equal(section.label, 'Switchboard Telephony');
    assert.deepEqual(Object.fromEntries(section.items.map((i) => [i.name, i.value])), {
      provider: 'demo',
      webSocketUrl: 'wss://pbx.example.com:8089/ws',
      sipDomain: 'pbx.example.com',
      iceServers: 'stun:pbx.example.com:3478',
      registerExpires: '600',
      defaultCountry: 'US',
      dispositions: 'Completed,Left voicemail,No answer,Busy,Wrong number,Callback requested',
      allowRememberPassword: 'true'
    });
    for (const i of section.items) {
      assert.match(i.name, /^[A-Za-z0-9]{1,40}$/);
      assert.ok(!i.name.startsWith('req'), `${i.name} uses the reserved req prefix`);
      assert.ok(i.label.length > 0);
    }
  });
});

describe('setup/callcenter.xml', () => {
  test('is rendered from the per-org call center in org-config, not from the package', () => {
    assert.match(
      CALL_CENTER_META,
      /[\\/]org-config[\\/]main[\\/]default[\\/]callCenters[\\/]Switchboard\.callCenter-meta\.xml$/
    );
    assert.match(
      committed,
      /Generated from org-config\/main\/default\/callCenters\/Switchboard\.callCenter-meta\.xml/
    );
  });

  test('is committed exactly as a fresh render of the metadata', () => {
    assert.equal(
      committed,
      renderCallCenterXml(metaXml, 'Switchboard'),
      'stale: run npm run generate:callcenter'
    );
  });

  test('passes the import validator', () => {
    assert.deepEqual(validateCallCenterImport(committed), []);
  });

  test('sections and items have contiguous sortOrders from 0, names ≤40 alphanumeric', () => {
    const sections = parseCallCenterImport(committed);
    assert.deepEqual(
      sections.map((s) => s.sortOrder),
      sections.map((_, i) => String(i))
    );
    for (const s of sections) {
      assert.match(s.name, /^[A-Za-z0-9]{1,40}$/);
      assert.deepEqual(
        s.items.map((i) => i.sortOrder),
        s.items.map((_, i) => String(i)),
        `section ${s.name}`
      );
      for (const i of s.items) assert.match(i.name, /^[A-Za-z0-9]{1,40}$/);
    }
  });

  test('reqGeneralInfo comes first and carries every required item, internal and display name first', () => {
    const [general, ...rest] = parseCallCenterImport(committed);
    assert.equal(general?.name, GENERAL_SECTION);
    const names = general.items.map((i) => i.name);
    for (const r of REQUIRED_GENERAL_ITEMS) assert.ok(names.includes(r), `${r} missing`);
    assert.deepEqual(general.items.slice(0, 2), [
      { sortOrder: '0', name: 'reqInternalName', label: meta.internalNameLabel, value: 'Switchboard' },
      { sortOrder: '1', name: 'reqDisplayName', label: meta.displayNameLabel, value: meta.displayName }
    ]);
    assert.deepEqual(
      rest.map((s) => s.name),
      ['switchboard']
    );
  });

  test('values survive XML escaping', () => {
    const tricky = metaXml.replace('<value>US</value>', '<value>A &amp; B &lt;c&gt; "d"</value>');
    const out = renderCallCenterXml(tricky, 'Switchboard');
    const item = parseCallCenterImport(out)
      .flatMap((s) => s.items)
      .find((i) => i.name === 'defaultCountry');
    assert.equal(item?.value, 'A & B <c> "d"');
  });
});

describe('callcenter.xml validator rejects broken input', () => {
  const fixture = (name: string): string =>
    readFileSync(join(ROOT, 'test/fixtures/callcenter-broken', name), 'utf8');

  test('a gap in item sortOrder', () => {
    const problems = validateCallCenterImport(fixture('gap-in-sort-order.xml'));
    assert.ok(
      problems.some((p) => /reqGeneralInfo items: sortOrders must be contiguous from 0/.test(p)),
      problems.join('\n')
    );
  });

  test('a gap in section sortOrder', () => {
    const problems = validateCallCenterImport(fixture('section-gap.xml'));
    assert.ok(
      problems.some((p) => /^sections: sortOrders must be contiguous/.test(p)),
      problems.join('\n')
    );
  });

  test('a missing required item', () => {
    const problems = validateCallCenterImport(fixture('missing-req-item.xml'));
    assert.deepEqual(problems, ['reqGeneralInfo: required item reqUseApi is missing']);
  });

  test('reserved req prefix, non-alphanumeric and over-long names', () => {
    const problems = validateCallCenterImport(fixture('bad-names.xml'));
    assert.ok(
      problems.some((p) => /"reqProvider" starts with "req"/.test(p)),
      problems.join('\n')
    );
    assert.ok(
      problems.some((p) => /"web_socket_url" must be 1-40 letters or digits/.test(p)),
      problems.join('\n')
    );
    assert.ok(
      problems.some((p) => /"aVeryLongSettingNameThatGoesPastFortyChars" must be 1-40/.test(p)),
      problems.join('\n')
    );
  });

  test('a wrong root element', () => {
    assert.deepEqual(validateCallCenterImport('<CallCenter/>'), ['root element must be <callCenter>']);
  });

  test('the renderer refuses metadata without reqGeneralInfo', () => {
    const noGeneral = metaXml.replace(/<sections>[\s\S]*?<name>reqGeneralInfo<\/name>\s*<\/sections>/, '');
    assert.throws(() => renderCallCenterXml(noGeneral, 'Switchboard'), /no reqGeneralInfo section/);
  });
});
