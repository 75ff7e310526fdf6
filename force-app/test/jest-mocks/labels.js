// A setup file (jest.config.js), not a module mock. sfdx-lwc-jest turns `import X from '@salesforce/label/c.Name'` into the string 'c.Name' unless a module by
// that name resolves. This registers every Custom Label in the package under its import name with its
// English master value, so component tests read (and assert) the text a user sees, and a label that does
// not exist stays 'c.Name', which those assertions catch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

// jest runs this as CommonJS (import.meta is not available), so __dirname locates the file
const LABELS_FILE = join(__dirname, '../../main/default/labels/CustomLabels.labels-meta.xml');

const parsed = new XMLParser({
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'labels'
}).parse(readFileSync(LABELS_FILE, 'utf8'));

for (const { fullName, value } of parsed.CustomLabels.labels) {
    jest.doMock(`@salesforce/label/c.${fullName}`, () => ({ __esModule: true, default: value }), {
        virtual: true
    });
}
