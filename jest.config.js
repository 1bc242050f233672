// One Jest run for the whole workspace. NestJS 12 is ESM-only while nestjs-pino
// is a CommonJS package that require()s it: Jest on Node 20 cannot require ESM, so tests run as
// CommonJS and swc transpiles our TypeScript and the ESM-only packages (DESIGN.md §5). Production runs
// the same code as native ESM.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const ESM_PACKAGES = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  '@sec-ant',
  'content-disposition',
  'p-limit',
  'yocto-queue',
];

const mapper = (root) => ({
  '^@dondoc/(workflow|contracts|persistence|directive-parser|api-client)$': `${root}/libs/$1/src/index.ts`,
  '^@dondoc/(api|worker)$': `${root}/apps/$1/src/index.ts`,
  '^(\\.{1,2}/.*)\\.js$': '$1',
});

const common = (root) => ({
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: mapper(root),
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
});

const RUN_SLOW_FAULTS = process.env.FAULTS_SLOW === '1' || process.argv.some((a) => /(^|[=,])faults-slow($|,)/.test(a));

export default {
  projects: [
    {
      ...common('<rootDir>/../..'),
      displayName: 'workflow',
      rootDir: 'libs/workflow',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...common('<rootDir>/../..'),
      displayName: 'contracts',
      rootDir: 'libs/contracts',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...common('<rootDir>/../..'),
      displayName: 'persistence',
      rootDir: 'libs/persistence',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...common('<rootDir>/../..'),
      displayName: 'directive-parser',
      rootDir: 'libs/directive-parser',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...common('<rootDir>/../..'),
      displayName: 'worker',
      rootDir: 'apps/worker',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...common('<rootDir>/../..'),
      displayName: 'api',
      rootDir: 'apps/api',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    // The board's pure modules (board model, transition rules, formatters) in Node: no DOM needed.
    {
      ...common('<rootDir>/../..'),
      displayName: 'web',
      rootDir: 'apps/web',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      ...common('<rootDir>/..'),
      displayName: 'e2e',
      rootDir: 'test',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      testTimeout: 60000,
    },
    {
      ...common('<rootDir>/..'),
      displayName: 'faults',
      rootDir: 'test',
      testMatch: ['<rootDir>/faults/**/*.fault-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/faults/slow/'],
    },
    // Fault tests over ~60 s: only when asked for by name (`--selectProjects faults-slow`, or
    // FAULTS_SLOW=1), so a plain `npm test` skips them.
    ...(RUN_SLOW_FAULTS
      ? [
          {
            ...common('<rootDir>/..'),
            displayName: 'faults-slow',
            rootDir: 'test',
            testMatch: ['<rootDir>/faults/slow/**/*.fault-spec.ts'],
          },
        ]
      : []),
    {
      ...common('<rootDir>/..'),
      displayName: 'security',
      rootDir: 'test',
      testMatch: ['<rootDir>/security/**/*.security-spec.ts'],
    },
    {
      ...common('<rootDir>/..'),
      displayName: 'browser',
      rootDir: 'test',
      testMatch: ['<rootDir>/browser/**/*.browser-spec.ts'],
    },
  ],
  // Per-project testTimeout is ignored by Jest 30; the e2e suites need more than the 5 s default.
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  globalTeardown: '<rootDir>/test/setup/global-teardown.js',
};
