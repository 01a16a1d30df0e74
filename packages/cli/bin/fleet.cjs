#!/usr/bin/env node
// The `fleet` command runs the TypeScript sources through tsx; no build step is needed.
// It re-runs Node with tsx's loader so that both require() and import() of .ts files work.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const loader = pathToFileURL(require.resolve('tsx')).href;
const main = path.join(__dirname, '..', 'src', 'main.ts');
const result = spawnSync(process.execPath, ['--import', loader, main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
