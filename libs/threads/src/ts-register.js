/*
 * Lets a worker thread started from the TypeScript sources (jest) load them: `.ts` files are compiled with
 * swc as jest.config.js does, and `@cafeia/<lib>[/path]` resolves to libs/<lib>/src[/path] as tsconfig.json
 * says. The build (dist/) never needs this file: tsc already compiled and rewrote everything there.
 */
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..', '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const alias = /^@cafeia\/([a-z-]+)(\/.*)?$/.exec(request);
  return resolve.call(this, alias ? join(root, 'libs', alias[1], 'src', alias[2] || '') : request, parent, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
