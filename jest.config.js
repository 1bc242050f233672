// One Jest run for the whole workspace: ESM (NestJS 12 is ESM-only), swc with decorator metadata.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: false },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@dondoc/(workflow|contracts|persistence|directive-parser)$': '<rootDir>/../../libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  projects: [
    { ...common, displayName: 'workflow', rootDir: 'libs/workflow', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'contracts', rootDir: 'libs/contracts', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'persistence', rootDir: 'libs/persistence', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      rootDir: 'apps/api',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      rootDir: 'test',
      moduleNameMapper: {
        '^@dondoc/(workflow|contracts|persistence|directive-parser)$': '<rootDir>/../libs/$1/src/index.ts',
        '^@dondoc/api$': '<rootDir>/../apps/api/src/index.ts',
        '^(\\.{1,2}/.*)\\.js$': '$1',
      },
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      testTimeout: 60000,
    },
  ],
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
};
