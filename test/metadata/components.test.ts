// What each Switchboard component says, and that the components point at each other correctly:
// a dangling reference (app → utility bar, permission set → page/class) only fails at deploy time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { metaXmlFiles } from '../../scripts/lib/metadata-check';
import { parseCallCenterMeta } from '../../scripts/lib/callcenter-xml';
import { DEFAULT_DIR, ORG_CONFIG_DEFAULT, XSD, packageDirectories } from './paths';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: true,
  ignoreAttributes: true,
  isArray: (name) =>
    [
      'tabs',
      'actionOverrides',
      'classAccesses',
      'pageAccesses',
      'applicationVisibilities',
      'lightningMessageFields',
      'flexiPageRegions',
      'itemInstances',
      'componentInstanceProperties'
    ].includes(name)
});

function read(rel: string, root: string, dir = DEFAULT_DIR): Node {
  const doc = parser.parse(readFileSync(join(dir, rel), 'utf8')) as Node;
  const node = doc[root];
  assert.ok(node && typeof node === 'object', `${rel}: no <${root}>`);
  return node as Node;
}

const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);
const exists = (rel: string): boolean => existsSync(join(DEFAULT_DIR, rel));

describe('Visualforce adapter page', () => {
  test('markup is exactly what the emulator renders (merge fields kept literally)', () => {
    // The label block is generated from the Custom Labels (test/build/labels-fresh.test.ts checks it).
    const page = readFileSync(join(DEFAULT_DIR, 'pages/Softphone_Adapter.page'), 'utf8').replace(
      /(<script type="application\/json" id="switchboard-labels">)[\s\S]*?(<\/script>)/,
      '$1…$2'
    );
    assert.equal(
      page,
      `<apex:page
    showHeader="false"
    sidebar="false"
    standardStylesheets="false"
    applyHtmlTag="false"
    applyBodyTag="false"
    docType="html-5.0"
    cspHeader="true"
    title="Switchboard Softphone"
>
    <html lang="{!SUBSTITUTE($User.LanguageLocaleKey, '_', '-')}">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Switchboard Softphone</title>
            <link
                rel="stylesheet"
                href="{!URLFOR($Resource.Softphone_Adapter, 'slds/styles/slds-subset.css')}"
            />
            <link rel="stylesheet" href="{!URLFOR($Resource.Softphone_Adapter, 'softphone.css')}" />
            <!-- Open CTI for Lightning must be loaded by the adapter page itself, by relative path on Visualforce. -->
            <script src="/support/api/66.0/lightning/opencti_min.js"></script>
        </head>
        <body class="slds-scope">
            <div
                id="softphone-root"
                data-slds-assets="{!URLFOR($Resource.Softphone_Adapter, 'slds')}"
                data-org-id="{!$Organization.Id}"
                data-user-id="{!$User.Id}"
                data-language="{!$User.LanguageLocaleKey}"
                data-locale="{!$User.LocaleSidKey}"
            ></div>
            <script type="application/json" id="switchboard-labels">…</script>
            <script src="{!URLFOR($Resource.Softphone_Adapter, 'softphone.js')}"></script>
        </body>
    </html>
</apex:page>
`
    );
  });

  test('page metadata', () => {
    const meta = read('pages/Softphone_Adapter.page-meta.xml', 'ApexPage');
    assert.equal(meta.apiVersion, '66.0');
    assert.equal(meta.label, 'Softphone Adapter');
    assert.equal(meta.availableInTouch, 'false');
    assert.equal(meta.confirmationTokenRequired, 'false');
  });

  test('the static resource is a private zip', () => {
    const meta = read('staticresources/Softphone_Adapter.resource-meta.xml', 'StaticResource');
    assert.equal(meta.cacheControl, 'Private');
    assert.equal(meta.contentType, 'application/zip');
  });

  test('the static resource description names every file in the bundle', () => {
    const meta = read('staticresources/Softphone_Adapter.resource-meta.xml', 'StaticResource');
    const files = readdirSync(join(DEFAULT_DIR, 'staticresources/Softphone_Adapter'));
    assert.ok(files.length >= 5, files.join(', '));
    // Whole words only: "softphone.js" must not count as named because "softphone.js.map" is.
    const named = (f: string): boolean =>
      new RegExp(`(^|[\\s(,])${f.replace(/\./g, '\\.')}(?=[\\s),]|\\.(?:\\s|$)|$)`).test(
        String(meta.description)
      );
    assert.deepEqual(
      files.filter((f) => !named(f)),
      []
    );
  });
});

describe('utility bar and app', () => {
  test('the utility bar holds the Open CTI softphone with its decorator properties', () => {
    const page = read('flexipages/Switchboard_UtilityBar.flexipage-meta.xml', 'FlexiPage');
    assert.equal(page.type, 'UtilityBar');
    assert.deepEqual(page.template, { name: 'one:utilityBarTemplateDesktop' });
    const regions = list(page.flexiPageRegions);
    assert.deepEqual(
      regions.map((r) => [r.name, r.type]),
      [
        ['utilityItems', 'Region'],
        ['backgroundComponents', 'Background']
      ]
    );
    const instances = list(regions[0]?.itemInstances).map((i) => i.componentInstance as Node);
    assert.equal(instances.length, 1);
    const softphone = instances[0] as Node;
    assert.equal(softphone.componentName, 'opencti:softPhone');
    assert.equal(softphone.identifier, 'opencti_softPhone');
    const props = list(softphone.componentInstanceProperties);
    assert.ok(props.every((p) => p.type === 'decorator'));
    assert.deepEqual(Object.fromEntries(props.map((p) => [p.name, p.value])), {
      eager: 'true',
      height: '480',
      icon: 'call',
      label: 'Phone',
      scrollable: 'true',
      width: '340'
    });
  });

  test('the softphone utility size matches the call center', () => {
    const cc = parseCallCenterMeta(
      readFileSync(join(ORG_CONFIG_DEFAULT, 'callCenters/Switchboard.callCenter-meta.xml'), 'utf8')
    );
    const general = Object.fromEntries(
      (cc.sections.find((s) => s.name === 'reqGeneralInfo')?.items ?? []).map((i) => [i.name, i.value])
    );
    const page = read('flexipages/Switchboard_UtilityBar.flexipage-meta.xml', 'FlexiPage');
    const props = list(
      (list(list(page.flexiPageRegions)[0]?.itemInstances)[0]?.componentInstance as Node)
        .componentInstanceProperties
    );
    const prop = (n: string): unknown => props.find((p) => p.name === n)?.value;
    assert.equal(prop('height'), general.reqSoftphoneHeight);
    assert.equal(prop('width'), general.reqSoftphoneWidth);
  });

  test('the app is a standard-navigation Lightning app using that utility bar', () => {
    const app = read('applications/Switchboard.app-meta.xml', 'CustomApplication');
    assert.equal(app.label, 'Switchboard');
    assert.equal(app.navType, 'Standard');
    assert.equal(app.uiType, 'Lightning');
    assert.equal(app.formFactors, 'Large');
    assert.deepEqual(app.tabs, ['standard-home', 'standard-Contact', 'standard-Lead', 'standard-Account']);
    assert.equal(app.utilityBar, 'Switchboard_UtilityBar');
    assert.ok(
      exists(`flexipages/${String(app.utilityBar)}.flexipage-meta.xml`),
      'utility bar flexipage missing'
    );
  });

  test('record page overrides in the app point at existing flexipages', () => {
    const app = read('applications/Switchboard.app-meta.xml', 'CustomApplication');
    for (const o of list(app.actionOverrides)) {
      assert.equal(o.type, 'Flexipage');
      assert.ok(exists(`flexipages/${String(o.content)}.flexipage-meta.xml`), `${String(o.content)} missing`);
    }
  });
});

describe('permission set', () => {
  const ps = read('permissionsets/Switchboard_User.permissionset-meta.xml', 'PermissionSet');

  test('grants the app and the adapter page', () => {
    assert.equal(ps.label, 'Switchboard User');
    assert.equal(ps.hasActivationRequired, 'false');
    assert.deepEqual(ps.applicationVisibilities, [{ application: 'Switchboard', visible: 'true' }]);
    assert.ok(list(ps.pageAccesses).some((p) => p.apexPage === 'Softphone_Adapter' && p.enabled === 'true'));
  });

  test('every referenced app, page and class exists in force-app', () => {
    for (const a of list(ps.applicationVisibilities))
      assert.ok(exists(`applications/${String(a.application)}.app-meta.xml`));
    for (const p of list(ps.pageAccesses))
      assert.ok(exists(`pages/${String(p.apexPage)}.page`), `page ${String(p.apexPage)}`);
    for (const c of list(ps.classAccesses)) {
      assert.ok(exists(`classes/${String(c.apexClass)}.cls`), `class ${String(c.apexClass)}`);
      assert.ok(!/Test$/.test(String(c.apexClass)), 'test classes need no access');
    }
  });
});

describe('message channel', () => {
  test('is exposed and documents every field of the channel contract', () => {
    const mc = read('messageChannels/Switchboard_Call.messageChannel-meta.xml', 'LightningMessageChannel');
    assert.equal(mc.masterLabel, 'Switchboard Call');
    assert.equal(mc.isExposed, 'true');
    const fields = list(mc.lightningMessageFields);
    assert.deepEqual(
      fields.map((f) => f.fieldName),
      [
        'source',
        'version',
        'type',
        'callId',
        'recordId',
        'direction',
        'state',
        'number',
        'startedAt',
        'connectedAt',
        'endedAt',
        'taskId',
        'error',
        'ready',
        'provider'
      ]
    );
    for (const f of fields)
      assert.ok(String(f.description ?? '').length > 0, `${String(f.fieldName)} has no description`);
    assert.match(String(mc.description), /Visualforce/);
  });
});

describe('telephony endpoints (org-config)', () => {
  const cc = parseCallCenterMeta(
    readFileSync(join(ORG_CONFIG_DEFAULT, 'callCenters/Switchboard.callCenter-meta.xml'), 'utf8')
  );
  const ws = new URL(
    cc.sections.find((s) => s.name === 'switchboard')?.items.find((i) => i.name === 'webSocketUrl')?.value ??
      ''
  );

  test('the CSP trusted site allows the call center WebSocket origin for the Visualforce page only', () => {
    const csp = read(
      'cspTrustedSites/Switchboard_Telephony.cspTrustedSite-meta.xml',
      'CspTrustedSite',
      ORG_CONFIG_DEFAULT
    );
    assert.equal(csp.endpointUrl, `${ws.protocol}//${ws.host}`);
    // The socket is opened by the adapter page, whose CSP (cspHeader="true") lists VisualForce/All sites.
    assert.equal(csp.context, 'VisualForce');
    assert.equal(csp.isActive, 'true');
    assert.equal(csp.isApplicableToConnectSrc, 'true');
    // The microphone is asked for by the page's own origin, never by the PBX host: granting it here grants nothing.
    assert.equal(csp.canAccessMicrophone, 'false');
    assert.equal(csp.canAccessCamera, 'false');
  });

  test('no CORS allowed origin ships anywhere: the softphone needs none', () => {
    for (const dir of packageDirectories())
      assert.ok(!existsSync(join(dir, 'main/default/corsWhitelistOrigins')), dir);
  });
});

test('every -meta.xml whose type has a <description> element fills it in', () => {
  const xsd = readFileSync(XSD, 'utf8');
  const typeHasDescription = (type: string): boolean => {
    const start = xsd.indexOf(`<xsd:complexType name="${type}">`);
    const end = xsd.indexOf('</xsd:complexType>', start);
    return start >= 0 && /<xsd:element name="description"/.test(xsd.slice(start, end));
  };
  const missing: string[] = [];
  for (const file of packageDirectories().flatMap((d) => metaXmlFiles(d))) {
    const doc = parser.parse(readFileSync(file, 'utf8')) as Node;
    const root = Object.keys(doc)[0] ?? '';
    if (!typeHasDescription(root)) continue;
    const description = (doc[root] as Node).description;
    if (typeof description !== 'string' || description.trim() === '') missing.push(basename(file));
  }
  assert.deepEqual(missing, []);
});
