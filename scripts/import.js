#!/usr/bin/env node
// `npm run import -- --kind attendance --file sheet.xlsx [--dry-run] [--url http://localhost:3000 --token <jwt>]`:
// builds once if needed, then runs the import CLI (apps/api/src/imports/cli/import-cli.ts).
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');
const entry = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'imports', 'cli', 'import-cli.js');
if (!existsSync(entry)) execSync('npx nest build api', { cwd: join(__dirname, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
require(entry);
