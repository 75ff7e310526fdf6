// Every -meta.xml in every package directory (force-app and org-config) validates against the Metadata API 66.0 schema (checked in, derived
// from the WSDL), which catches unknown elements, missing required ones and WSDL sequence order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues, metaXmlFiles, validateAgainstXsd } from '../../scripts/lib/metadata-check';
import { ROOT_TYPES } from '../../scripts/extract-metadata-xsd';
import { ROOT, XSD, packageDirectories } from './paths';

test('every -meta.xml in every package directory is valid against schemas/metadata-66.0.xsd', async () => {
  const files = packageDirectories().flatMap((d) => metaXmlFiles(d));
  assert.ok(
    files.some((f) => f.includes('/org-config/')),
    'org-config is checked too'
  );
  assert.ok(files.length >= 9, `only ${files.length} -meta.xml files found`);
  const issues = await validateAgainstXsd(files, XSD, ROOT);
  assert.deepEqual(issues, [], `\n${formatIssues(issues)}`);
});

test('the checked-in schema declares a root element per type and carries its licence', () => {
  const xsd = readFileSync(XSD, 'utf8');
  for (const t of ROOT_TYPES)
    assert.ok(xsd.includes(`<xsd:element name="${t}" type="tns:${t}"/>`), `no global element ${t}`);
  assert.match(xsd, /Metadata API WSDL version 66\.0/);
  assert.match(xsd, /BSD 3-Clause/);
  const licence = join(ROOT, 'schemas/LICENSE-forcedotcom-wsdl.txt');
  assert.ok(existsSync(licence));
  assert.match(readFileSync(licence, 'utf8'), /Salesforce\.com/);
});
