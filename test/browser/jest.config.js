/**
 * The browser specs (`*.browser-spec.ts`), their own jest run: the main config leaves them out so the main run
 * stays fast. Run with `NODE_OPTIONS=--experimental-vm-modules` (see README.md): `import()` stays a real
 * dynamic import (swc's `ignoreDynamic`) so that ESM-only packages (openid-client 6) load in CommonJS specs;
 * jest only runs such an import with Node's VM modules.
 */
const { join } = require('node:path');
const base = require('../../jest.config.js');

const [swc, swcOptions] = base.transform['^.+\\.(t|j)s$'];
module.exports = {
  ...base,
  rootDir: join(__dirname, '..', '..'),
  transform: { '^.+\\.(t|j)s$': [swc, { ...swcOptions, module: { ...swcOptions.module, ignoreDynamic: true } }] },
  testMatch: ['<rootDir>/test/**/*.browser-spec.ts'],
  // one Chromium at a time: the machine has 2 cores and the browser uses both
  maxWorkers: 1,
  testTimeout: 60000,
};
