#!/usr/bin/env node
// `npm run demo [-- --force]`: builds once if needed, then imports the demo year one (demo/) into DATA_DIR
// (apps/api/src/imports/demo/demo-cli.ts). The files are regenerated with `npm run demo:generate`.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');
const entry = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'imports', 'demo', 'demo-cli.js');
if (!existsSync(entry)) execSync('npx nest build api', { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'ignore', 'inherit'] });
require(entry);
