/**
 * The emulator's LWC build compiles the switchboardClickToDial bundle that ships (its template and JS
 * through the LWC compiler), and a template the compiler rejects fails the build with the file named
 * instead of reaching the host page.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLwcRuntime } from '../../emulator/lwc/build';
import { readCachedRuntime, writeCachedRuntime } from '../../emulator/lwc/build-cache';

const SHIPPED = fileURLToPath(
  new URL('../../force-app/main/default/lwc/switchboardClickToDial/', import.meta.url)
);
// Inside the repository: the LWC module resolver looks for the project's configuration above the files.
const REPO_TMP = fileURLToPath(new URL('../../.tmp/', import.meta.url));
mkdirSync(REPO_TMP, { recursive: true });
const scratch = mkdtempSync(join(REPO_TMP, 'lwc-build-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('emulator LWC build', () => {
  it('compiles the shipped component, its template and its platform stand-ins into one deferred module', async () => {
    const { code, files } = await buildLwcRuntime();
    for (const file of ['switchboardClickToDial.html', 'channel.js', 'callView.js']) {
      assert.ok(files.includes(join(SHIPPED, file)), `${file} went into the build`);
    }
    // The class itself (rollup lists it under an id with a query, so look for its code).
    assert.match(code, /handleRetry/);
    for (const standIn of [
      'clickToDial/clickToDial.html',
      'messageService/messageService.js',
      'uiRecordApi/uiRecordApi.js'
    ]) {
      assert.ok(
        files.some((f) => f.endsWith(join('lightning', standIn))),
        `${standIn} went into the build`
      );
    }
    // The compiled template, not the source: the compiler turns the tag into a component reference.
    assert.match(code, /c-switchboard-click-to-dial/);
    assert.doesNotMatch(code, /<template lwc:if/);
    assert.match(code, /export function createRecordComponent/);
  });

  it('fails with the template named when the compiler rejects it', async () => {
    const broken = join(scratch, 'switchboardClickToDial') + sep;
    cpSync(SHIPPED, broken, { recursive: true });
    const html = join(broken, 'switchboardClickToDial.html');
    // An element repeated by for:each needs a key: without one the template does not compile.
    const source = readFileSync(html, 'utf8');
    assert.ok(source.includes('key={phone.key} '), 'the fixture edit applies');
    writeFileSync(html, source.replace('key={phone.key} ', ''));
    await assert.rejects(buildLwcRuntime(broken), (error: Error) => {
      assert.match(error.message, /switchboardClickToDial\.html/);
      return true;
    });
  });

  it('fails on a platform module the emulator has no stand-in for, rather than leaving it to the browser', async () => {
    const broken = join(scratch, 'unknownImport', 'switchboardClickToDial') + sep;
    cpSync(SHIPPED, broken, { recursive: true });
    const js = join(broken, 'switchboardClickToDial.js');
    writeFileSync(
      js,
      `import { notThere } from 'lightning/platformShowToastEventNotHere';\nvoid notThere;\n${readFileSync(js, 'utf8')}`
    );
    await assert.rejects(buildLwcRuntime(broken), /lightning\/platformShowToastEventNotHere/);
  });

  it('resolves @salesforce/label imports to the host page’s language and fails on a label the package lacks', async () => {
    const { code } = await buildLwcRuntime();
    assert.match(code, /labelValue\("Switchboard_Card_Ready"\)/);
    const broken = join(scratch, 'unknownLabel', 'switchboardClickToDial') + sep;
    cpSync(SHIPPED, broken, { recursive: true });
    const labels = join(broken, 'labels.js');
    writeFileSync(
      labels,
      `import Gone from '@salesforce/label/c.Switchboard_Card_NotThere';\nvoid Gone;\n${readFileSync(labels, 'utf8')}`
    );
    await assert.rejects(buildLwcRuntime(broken), /c\.Switchboard_Card_NotThere names no label/);
  });

  it('reuses a cached build only while every input file has the same content', () => {
    const dir = join(scratch, 'cache');
    mkdirSync(dir, { recursive: true });
    const input = join(dir, 'component.js');
    const extra = join(dir, 'build.ts');
    const cacheFile = join(dir, 'runtime.json');
    writeFileSync(input, 'export const a = 1;');
    writeFileSync(extra, '// build script');
    const runtime = { code: 'compiled', files: [`${input}?specifier=c%2Fcomponent`] };
    writeCachedRuntime(cacheFile, runtime, [extra]);
    assert.deepEqual(readCachedRuntime(cacheFile), runtime);
    writeFileSync(extra, '// build script, changed');
    assert.equal(readCachedRuntime(cacheFile), null, 'a changed build script invalidates the entry');
    writeCachedRuntime(cacheFile, runtime, [extra]);
    writeFileSync(input, 'export const a = 2;');
    assert.equal(readCachedRuntime(cacheFile), null, 'a changed component file invalidates the entry');
    writeFileSync(cacheFile, '{not json');
    assert.equal(readCachedRuntime(cacheFile), null, 'a damaged cache is ignored');
  });
});
