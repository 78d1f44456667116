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
// every folder of libs/ is a library @cafeia/<name> (tsconfig.json lists the same aliases for the compiler)
const libs = require('node:fs').readdirSync(require('node:path').join(__dirname, 'libs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
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
