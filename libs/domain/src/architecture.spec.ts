/**
 * Keeps the domain pure: no framework, driver, broker, file system or crypto import, and no clock or
 * randomness in production code. This spec reads files itself, so it is the one file it does not scan.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = __dirname;
const forbiddenModules = ['@nestjs/', '@eventstore/', 'kafkajs', 'class-validator', 'better-sqlite3', 'pg', 'kysely', 'fs', 'crypto'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && path !== __filename ? [path] : [];
  });

/** every module specifier in `import … from`, `export … from`, `import '…'`, `import(…)` and `require(…)` */
const importedModules = (source: string): string[] => {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1]);
};

const isForbidden = (specifier: string): boolean => {
  const module = specifier.replace(/^node:/, '');
  return forbiddenModules.some((forbidden) => (forbidden.endsWith('/') ? module.startsWith(forbidden) : module === forbidden || module.startsWith(`${forbidden}/`)));
};

const files = sourceFiles(root);
const offences = (check: (source: string) => string[]) =>
  files.flatMap((file) => check(readFileSync(file, 'utf8')).map((what) => `${relative(root, file)}: ${what}`));

describe('the domain library stays pure', () => {
  it('scans the whole library', () => {
    expect(files.map((file) => relative(root, file))).toEqual(expect.arrayContaining(['index.ts', 'cafes/cafe.decider.ts', 'events.ts']));
  });

  it('imports no framework, driver, broker, file system or crypto module', () => {
    expect(offences((source) => importedModules(source).filter(isForbidden))).toEqual([]);
  });

  it('reads no clock and draws no random value outside specs', () => {
    const impure = /new Date\(\s*\)|Date\.now\(|Math\.random\(|randomUUID\(/g;
    const productionOffences = offences((source) => [...source.matchAll(impure)].map((match) => match[0])).filter((line) => !line.includes('.spec.ts:'));
    expect(productionOffences).toEqual([]);
  });

  // the scanner itself must be able to fail (the samples are built with `q` so that this file does not read,
  // to a plain grep, as importing what it forbids)
  const q = (module: string) => `'${module}'`;
  it.each([
    [`import { Injectable } from ${q('@nestjs/common')};`, true],
    [`import { Kafka } from ${q('kafkajs')};`, true],
    [`import type { Pool } from ${q('pg')};`, true],
    ["const fs = require('fs');", true],
    ["import { createHash } from 'node:crypto';", true],
    ["import { readFile } from 'fs/promises';", true],
    [`export * from ${q('@eventstore/db-client')};`, true],
    ["await import('better-sqlite3');", true],
    ["import 'class-validator';", true],
    ["import { fold } from './decider';", false],
    ["import { x } from 'pgx-like-but-not-pg';", false],
    ["import { y } from './crypto-free';", false],
  ])('flags %p: %p', (line, flagged) => {
    expect(importedModules(line).some(isForbidden)).toBe(flagged);
  });
});
