// ESLint 9 flat config. ESM because package.json has "type": "module".
//   LWC:        @salesforce/eslint-config-lwc/recommended (as `sf project generate` and lwc-recipes set it up)
//   TypeScript: typescript-eslint recommended (no type information needed) for the adapter, emulator,
//               scripts and the node:test / Playwright suites.
import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lwcRecommended from '@salesforce/eslint-config-lwc/recommended.js';

export default defineConfig([
    globalIgnores([
        '**/node_modules/**',
        // built from adapter/ by scripts/build.mjs; not source
        'force-app/main/default/staticresources/**',
        '.tmp/**',
        'coverage/**'
    ]),

    // Tooling at the root (this file, jest.config.js, jest-sa11y-setup.js): plain ESM for Node
    {
        files: ['*.js', '*.mjs'],
        extends: [js.configs.recommended],
        languageOptions: { globals: { ...globals.node } }
    },

    // Lightning web components
    {
        files: ['force-app/main/default/lwc/**/*.js'],
        extends: [lwcRecommended]
    },
    // LWC jest tests: wire adapters are driven by hand (emit/error), node globals (require) are fine
    {
        files: ['force-app/main/default/lwc/**/__tests__/**/*.js'],
        rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
        languageOptions: { globals: { ...globals.node, ...globals.jest } }
    },
    // The emulator's stand-ins for lightning/* base components and platform modules (compiled by the LWC
    // compiler with the component), and the platform rules they share with the jest mocks
    {
        files: ['emulator/lwc/**/*.js', 'force-app/test/lightning-stand-ins/**/*.js'],
        extends: [lwcRecommended]
    },
    // Jest stand-ins for lightning/* and @salesforce/* modules
    {
        files: ['force-app/test/jest-mocks/**/*.js'],
        extends: [js.configs.recommended],
        languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.jest } }
    },

    // TypeScript (and the .mjs build/test scripts, checked with the same rules)
    {
        files: [
            'adapter/**/*.{ts,tsx}',
            'emulator/**/*.ts',
            'scripts/**/*.{ts,mjs}',
            'test/**/*.ts',
            'e2e/**/*.ts'
        ],
        extends: [js.configs.recommended, tseslint.configs.recommended],
        languageOptions: {
            globals: { ...globals.node, ...globals.browser }
        },
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/consistent-type-imports': 'error',
            '@typescript-eslint/no-unused-vars': [
                'error',
                {
                    argsIgnorePattern: '^_',
                    varsIgnorePattern: '^_',
                    caughtErrorsIgnorePattern: '^_',
                    destructuredArrayIgnorePattern: '^_'
                }
            ]
        }
    }
]);
