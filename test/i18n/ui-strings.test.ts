// No UI string bypasses the Custom Labels: the softphone's JSX and the record card's template hold no
// words of their own, and every label name the code reads exists.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, readCustomLabels } from '../../scripts/lib/custom-labels';
import {
  filesUnder,
  formatFindings,
  jsxLiterals,
  lwcTemplateLiterals,
  unknownLabelCalls,
  unknownLabelImports
} from '../../scripts/lib/i18n-checks';

const ADAPTER = join(ROOT, 'adapter/src');
const LWC = join(ROOT, 'force-app/main/default/lwc');
const FIXTURE = join(ROOT, 'test/fixtures/i18n/ui');
const readFileText = (file: string): string => readFileSync(file, 'utf8');
const labelNames = new Set(readCustomLabels().map((l) => l.fullName));

describe('the package', () => {
  test('the softphone JSX has no text or user-facing attribute of its own', () => {
    const findings = filesUnder(ADAPTER, '.tsx').flatMap((file) => jsxLiterals(file));
    assert.deepEqual(findings, [], `UI text outside the labels:\n${formatFindings(findings)}`);
  });

  test('the LWC templates have no text or user-facing attribute of their own', () => {
    const findings = filesUnder(LWC, '.html').flatMap((file) => lwcTemplateLiterals(file));
    assert.deepEqual(findings, [], `UI text outside the labels:\n${formatFindings(findings)}`);
  });

  test("every label t('…') reads in adapter/src exists", () => {
    const files = [...filesUnder(ADAPTER, '.ts'), ...filesUnder(ADAPTER, '.tsx')];
    const findings = unknownLabelCalls(files, labelNames, ROOT);
    assert.deepEqual(findings, [], `t() of a label that does not exist:\n${formatFindings(findings)}`);
  });

  test('every @salesforce/label import in the LWC exists', () => {
    const files = filesUnder(LWC, '.js');
    const findings = unknownLabelImports(files, labelNames, ROOT);
    assert.deepEqual(findings, [], `imports of labels that do not exist:\n${formatFindings(findings)}`);
    assert.ok(
      files.some((f) => /@salesforce\/label\/c\./.test(readFileText(f))),
      'the LWC imports its labels'
    );
  });
});

describe('the checks find UI text that bypasses the labels (test/fixtures/i18n/ui)', () => {
  test('JSX text, attributes, conditional strings and template literals; symbols and digits pass', () => {
    const file = join(FIXTURE, 'panel.tsx.fixture');
    assert.deepEqual(
      jsxLiterals(file).map((f) => `${f.line}: ${f.text}`),
      ['6: Phone panel', '7: Calls today', '8: Busy', '9: Hold']
    );
  });

  test('template text and literal attributes, not expressions, comments or punctuation', () => {
    const file = join(FIXTURE, 'card.html');
    assert.deepEqual(
      lwcTemplateLiterals(file).map((f) => `${f.line}: ${f.text}`),
      ['3: title="Calls"', '6: No phone number', '10: label="Retry"']
    );
  });

  test("t('…') and @salesforce/label imports of labels that do not exist", () => {
    const names = new Set(['Switchboard_Fixture_Hold']);
    assert.deepEqual(
      unknownLabelCalls([join(FIXTURE, 'panel.tsx.fixture')], names, FIXTURE).map((f) => f.text),
      ['Switchboard_Fixture_Missing']
    );
    assert.deepEqual(
      unknownLabelImports([join(FIXTURE, 'card.js.fixture')], names, FIXTURE).map(
        (f) => `${f.file}:${f.line}: ${f.text}`
      ),
      ['card.js.fixture:2: Switchboard_Fixture_Gone']
    );
  });
});
