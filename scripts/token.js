#!/usr/bin/env node
// `npm run token -- --role council`: builds once if needed, then prints a token for the configured secret.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { join } = require('node:path');
const entry = join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'token.js');
if (!existsSync(entry)) execSync('npx nest build api', { cwd: join(__dirname, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
require(entry);
