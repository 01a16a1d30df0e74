// Packages every stack offline: the core stack at the root, then each service.
// The fleet configuration and the contracts are copied into each service's `.fleet/` first, so
// they are bundled into every function (see packages/shared/src/config/loadFleetConfig.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stage = process.argv[2] ?? process.env.FLEET_STAGE ?? 'dev';
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

export const stageFleetFiles = (serviceDir) => {
  const target = path.join(serviceDir, '.fleet');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(path.join(root, 'fleet.config.yaml'), path.join(target, 'fleet.config.yaml'));
  cpSync(path.join(root, 'contracts'), path.join(target, 'contracts'), { recursive: true });
};

const stacks = [root];
for (const name of readdirSync(path.join(root, 'services')).sort()) {
  const dir = path.join(root, 'services', name);
  if (existsSync(path.join(dir, 'serverless.yml'))) stacks.push(dir);
}

const only = process.argv[3];
for (const dir of stacks) {
  const rel = path.relative(root, dir) || '.';
  if (only !== undefined && rel !== only) continue;
  if (dir !== root) stageFleetFiles(dir);
  const started = Date.now();
  execFileSync(path.join(root, 'node_modules', '.bin', 'serverless'), ['package', '--stage', stage], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    // serverless-esbuild can hang instead of failing on a broken bundle: a stuck stack fails.
    timeout: 5 * 60 * 1000,
    killSignal: 'SIGKILL',
    env: { ...process.env, TMPDIR: tmp, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
  });
  console.log(`packaged ${rel} (${stage}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
