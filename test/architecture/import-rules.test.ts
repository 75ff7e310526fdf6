import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterSources, importsOf, importViolations, sizeViolations } from './adapter-rules';

const sources = adapterSources();

test('the adapter sources are found and their imports read (type-only, re-exports and dynamic ones too)', () => {
  assert.ok(sources.length > 40, `only ${sources.length} files found under adapter/src`);
  assert.ok(sources.some((s) => s.file === 'call/machine.ts'));
  const probe = {
    file: 'x/y.ts',
    text: "import type { A } from './a';\nexport { B } from '../b';\nconst c = await import('./c');\nimport d from 'd';"
  };
  assert.deepEqual(importsOf(probe).sort(), ['../b', './a', './c', 'd']);
});

test('every adapter import keeps the layering: call, ui, telephony and opencti import only what they may', () => {
  assert.deepEqual(importViolations(sources), []);
});

test('a planted import of each forbidden kind is caught, with the file and the rule', () => {
  const planted = [
    { file: 'call/machine.ts', text: "import type { EndCause } from '../telephony/provider';" },
    { file: 'call/types.ts', text: "import type { SaveLogValue } from '../opencti/types';" },
    { file: 'ui/actions.ts', text: "import type { DemoControls } from '../telephony/demo/demo-provider';" },
    { file: 'ui/app.tsx', text: "export { findOpenCti } from '../opencti/port';" },
    { file: 'telephony/devices.ts', text: "import type { DeviceOption } from '../ui/actions';" },
    { file: 'telephony/sip/calls.ts', text: "import { Softphone } from '../../app/softphone';" },
    { file: 'opencti/port.ts', text: "const m = import('../call/machine');" },
    // Allowed: the machine's vocabulary is everyone's; the app layer may use anything.
    { file: 'telephony/provider.ts', text: "import type { EndCause } from '../call/types';" },
    { file: 'app/line.ts', text: "import { DemoProvider } from '../telephony/demo/demo-provider';" }
  ];
  const found = importViolations(planted);
  assert.equal(found.length, 7, found.join('\n'));
  assert.match(
    found[0] ?? '',
    /^call\/machine\.ts imports '\.\.\/telephony\/provider': call\/ must not import from telephony\/$/
  );
  assert.ok(found.some((p) => p.startsWith('telephony/sip/calls.ts') && p.endsWith('from app/')));
  assert.ok(found.some((p) => p.startsWith('opencti/port.ts') && p.endsWith('from call/')));
});

test("no adapter file is over 350 lines, except the machine's one transition table (500)", () => {
  assert.deepEqual(sizeViolations(sources), []);
  const long = (n: number) => 'x\n'.repeat(n);
  assert.deepEqual(
    sizeViolations([
      { file: 'app/softphone.ts', text: long(350) },
      { file: 'call/machine.ts', text: long(500) }
    ]),
    []
  );
  assert.equal(
    sizeViolations([
      { file: 'app/softphone.ts', text: long(351) },
      { file: 'call/machine.ts', text: long(501) }
    ]).length,
    2
  );
});
