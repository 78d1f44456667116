/** Unit tests beside their code (*.spec.ts) and end-to-end suites in test/ (*.e2e-spec.ts). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const libs = ['domain', 'event-store', 'territories', 'projections', 'personal-data', 'database', 'messaging', 'audit', 'config', 'observability', 'france-map'];
const moduleNameMapper = {};
for (const lib of libs) {
  moduleNameMapper[`^@cafeia/${lib}$`] = `<rootDir>/libs/${lib}/src`;
  moduleNameMapper[`^@cafeia/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/scale/'],
  testTimeout: 30000,
};
