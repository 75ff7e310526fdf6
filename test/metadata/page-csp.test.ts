// The adapter page opts into Visualforce's CSP header (cspHeader="true": the platform then sends
// a Content-Security-Policy built from Trusted URLs with context VisualForce or All) and is
// written so that policy cannot break it: scripts and styles only from same-origin relative
// paths, nothing inline, no external host. The emulator does not enforce the header; this
// test is what keeps the markup compatible with it. See docs/reliability.md.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DIR, ORG_CONFIG_DEFAULT } from './paths';

const page = readFileSync(join(DEFAULT_DIR, 'pages/Softphone_Adapter.page'), 'utf8');
const openTag = /<apex:page\b[^>]*>/.exec(page)?.[0] ?? '';

/** Same-origin relative URL: a root-relative path (not protocol-relative) or a Visualforce URLFOR merge field. */
function sameOriginRelative(url: string): boolean {
  if (/^\{!\s*URLFOR\(\s*\$(Resource|Asset)\.\w+\s*,\s*'[^']*'\s*\)\s*\}$/.test(url)) return true;
  return url.startsWith('/') && !url.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

describe('adapter page CSP', () => {
  test('<apex:page> opts into the platform CSP header', () => {
    assert.match(openTag, /\scspHeader="true"/);
  });

  test('every script is external, same-origin and relative; none is inline', () => {
    // A data block (type application/json) is never executed, so script-src does not apply to it (HTML,
    // "data block"); the one the page has holds only JSENCODE'd labels, nothing a browser would run.
    const all = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    const data = all.filter(([, attrs = '']) => /\btype="application\/json"/.test(attrs));
    assert.deepEqual(
      data.map(([, attrs = '']) => /\bid="([^"]*)"/.exec(attrs)?.[1]),
      ['switchboard-labels']
    );
    const entries = JSON.parse(data[0]?.[2] ?? '{}') as Record<string, string>;
    for (const [name, value] of Object.entries(entries))
      assert.equal(
        value,
        `{!JSENCODE($Label.${name})}`,
        `label block entry ${name} is not a JSENCODE'd label`
      );
    const scripts = all.filter((script) => !data.includes(script));
    assert.ok(scripts.length >= 2, 'Open CTI and the bundle');
    for (const [, attrs = '', body = ''] of scripts) {
      const src = /\bsrc="([^"]*)"/.exec(attrs)?.[1];
      assert.ok(src, `inline script: ${attrs}`);
      assert.equal(body.trim(), '', `script with a body: ${src}`);
      assert.ok(sameOriginRelative(src), `script from elsewhere: ${src}`);
    }
    assert.deepEqual(
      scripts.map(([, attrs = '']) => /\bsrc="([^"]*)"/.exec(attrs)?.[1]),
      ['/support/api/66.0/lightning/opencti_min.js', "{!URLFOR($Resource.Softphone_Adapter, 'softphone.js')}"]
    );
  });

  test('stylesheets and other URLs are same-origin relative; no inline handlers, styles or javascript: URLs', () => {
    for (const [, url = ''] of page.matchAll(/\b(?:href|src|data-slds-assets)="([^"]*)"/gi))
      assert.ok(sameOriginRelative(url), `external URL: ${url}`);
    assert.doesNotMatch(page, /\son[a-z]+\s*=/i, 'inline event handler');
    assert.doesNotMatch(page, /<style\b/i, 'inline <style> (style-src may exclude unsafe-inline)');
    assert.doesNotMatch(page, /\sstyle\s*=/i, 'inline style attribute');
    assert.doesNotMatch(page, /javascript:/i);
    assert.doesNotMatch(page, /https?:\/\//i, 'an absolute URL to some host');
  });

  test('the one external endpoint (the PBX WebSocket) is a Trusted URL the VF CSP includes', () => {
    // Per-org (org-config): each org trusts its own PBX host.
    const dir = join(ORG_CONFIG_DEFAULT, 'cspTrustedSites');
    const sites = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const telephony = sites.find((s) => s.includes('<endpointUrl>wss://'));
    assert.ok(telephony, 'a wss:// trusted site');
    // "All" covers Visualforce; "LEX" alone would leave the PBX out of the page's connect-src.
    assert.match(telephony, /<context>(All|VisualForce)<\/context>/);
    assert.match(telephony, /<isApplicableToConnectSrc>true<\/isApplicableToConnectSrc>/);
    assert.match(telephony, /<isActive>true<\/isActive>/);
  });
});
