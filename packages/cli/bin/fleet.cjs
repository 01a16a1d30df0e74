#!/usr/bin/env node
// The `fleet` command runs the TypeScript sources; no build step is needed.
// Commands that load no TypeScript at run time (`validate`) run from a bundle of the sources
// that esbuild builds on first use and rebuilds when a source changes (cachedBundle.cjs): that
// spares the half second tsx spends compiling on every run. Every other command (`demo` loads
// Lambda handlers written in TypeScript), and any failure to bundle, re-runs Node with tsx's
// loader in a child process (SIGINT and SIGTERM passed on, its exit code returned) so that both
// require() and import() of .ts files work. FLEET_NO_BUNDLE=1 forces tsx.
const fs = require('node:fs');
const path = require('node:path');

/** Commands safe to run from the bundle: they never load a .ts file at run time. */
const BUNDLED_COMMANDS = new Set(['validate']);

/** Runs the command from the cached bundle; false when it cannot (then tsx runs it). */
const runBundled = () => {
  if (!BUNDLED_COMMANDS.has(process.argv[2]) || process.env.FLEET_NO_BUNDLE) return false;
  const { cachedBundle } = require('./cachedBundle.cjs');
  // Other commands' modules stay out of the bundle, which only ever runs bundled commands.
  const commandsDir = 'packages/cli/src/commands';
  const others = fs
    .readdirSync(path.join(__dirname, '..', 'src', 'commands'))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !BUNDLED_COMMANDS.has(file.slice(0, -3)))
    .map((file) => `${commandsDir}/${file}`);
  const bundle = cachedBundle('cli', 'packages/cli/src/main.ts', others);
  if (bundle === null) return false;
  require(bundle);
  return true;
};

/** Signals passed on to the command, so that stopping `fleet` stops it too (and `fleet local` its servers). */
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM'];

const runWithTsx = () => {
  const { spawn } = require('node:child_process');
  const { constants } = require('node:os');
  const { pathToFileURL } = require('node:url');
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const main = path.join(__dirname, '..', 'src', 'main.ts');
  const child = spawn(process.execPath, ['--import', loader, main, ...process.argv.slice(2)], { stdio: 'inherit' });
  // A handler replaces Node's default (exit at once), so this process outlives the child and
  // reports its exit code. A terminal's Ctrl-C reaches both processes: the command takes a
  // repeated signal as the same request to stop.
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`fleet: cannot start node: ${error.message}\n`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    for (const forwarded of FORWARDED_SIGNALS) process.off(forwarded, forward);
    process.exitCode = code ?? (signal === null ? 1 : 128 + (constants.signals[signal] ?? 0));
  });
};

if (!runBundled()) runWithTsx();
