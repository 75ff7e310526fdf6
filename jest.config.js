// sfdx-lwc-jest runs jest with this file when it exists. The package is "type": "module", so this is ESM;
// jest 29 loads it with require(esm) or import(), either way reading the default export.
import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;
const mocks = '<rootDir>/force-app/test/jest-mocks';

export default {
    ...jestConfig,
    moduleNameMapper: {
        '^@salesforce/apex$': `${mocks}/apex`,
        '^lightning/messageService$': `${mocks}/lightning/messageService`,
        '^lightning/navigation$': `${mocks}/lightning/navigation`,
        '^lightning/uiRecordApi$': `${mocks}/lightning/uiRecordApi`,
        // The emulator's lightning-click-to-dial (one stand-in for both; disabled here: no softphone)
        '^lightning/clickToDial$': '<rootDir>/emulator/lwc/modules/lightning/clickToDial/clickToDial'
    },
    setupFilesAfterEnv: [
        ...(jestConfig.setupFilesAfterEnv ?? []),
        '<rootDir>/jest-sa11y-setup.js',
        // @salesforce/label/c.* imports read the labels' English values (not sfdx-lwc-jest's 'c.Name')
        `${mocks}/labels.js`
    ],
    // Only LWC tests: test/ and e2e/ hold node:test suites (*.test.ts) that jest must not run.
    testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.js'],
    testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/test/', '<rootDir>/e2e/'],
    // Built bundles in static resources are not modules for jest's haste map.
    modulePathIgnorePatterns: ['<rootDir>/force-app/main/default/staticresources/', '<rootDir>/.tmp/'],
    testTimeout: 10000
};
