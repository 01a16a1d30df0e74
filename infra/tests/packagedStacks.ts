import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** A CloudFormation template as the tests read it. */
export type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

/** Every stack of the fleet: the core stack at the root and each service with a serverless.yml. */
export const stackDirs = (): string[] => [
  repoRoot,
  ...readdirSync(path.join(repoRoot, 'services'))
    .map((name) => path.join(repoRoot, 'services', name))
    .filter((dir) => existsSync(path.join(dir, 'serverless.yml')))
    .sort(),
];

const LOCK_DIR = path.join(repoRoot, '.tmp', 'infra-package.lock');
const LOCK_STALE_MS = 15 * 60_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `work` while holding a lock shared by every jest worker (a directory created atomically),
 * so two test files never package the same stack at once: `serverless package` empties and
 * rewrites a stack's `.serverless/` and `.fleet/` folders.
 */
const withPackageLock = <T>(work: () => T): T => {
  mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run is taken over once it is older than any packaging could take.
      if (Date.now() - statSync(LOCK_DIR).mtimeMs > LOCK_STALE_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for ${LOCK_DIR}`);
      sleep(250);
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
};

/** Marks a stack as packaged by this jest run (the workers share the parent's pid) for a stage. */
const runMark = (stage: string) => `${process.ppid}:${stage}`;
const markFile = (dir: string) => path.join(dir, '.serverless', '.packaged-by');
const packagedInThisRun = (dir: string, stage: string) =>
  existsSync(markFile(dir)) && readFileSync(markFile(dir), 'utf8') === runMark(stage);

const readTemplate = (dir: string): Template =>
  JSON.parse(
    readFileSync(path.join(dir, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8'),
  ) as Template;

/**
 * Packages the given stacks offline (the same script as `pnpm package`), each at most once per
 * jest run and never two at a time, and returns their templates by stack folder (`.` for the core
 * stack, `services/<name>` for a service).
 */
export const packageStacks = (stage = 'dev', dirs: string[] = stackDirs()): Map<string, Template> =>
  withPackageLock(() => {
    const templates = new Map<string, Template>();
    for (const dir of dirs) {
      const rel = path.relative(repoRoot, dir) || '.';
      if (!packagedInThisRun(dir, stage)) {
        execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'package-all.mjs'), stage, rel], {
          cwd: repoRoot,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        writeFileSync(markFile(dir), runMark(stage));
      }
      templates.set(rel, readTemplate(dir));
    }
    return templates;
  });

/** Packages every stack (see {@link packageStacks}) and returns the templates by stack folder. */
export const packageAllStacks = (stage = 'dev'): Map<string, Template> => packageStacks(stage);

/** Packages one service's stack (see {@link packageStacks}) and returns its template. */
export const packageServiceStack = (service: string, stage = 'dev'): Template =>
  packageStacks(stage, [path.join(repoRoot, 'services', service)]).get(`services/${service}`) as Template;
