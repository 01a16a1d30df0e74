import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * Packages every stack offline (the same script as `pnpm package`) and returns the generated
 * templates by stack folder.
 */
export const packageAllStacks = (stage = 'dev'): Map<string, Template> => {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'package-all.mjs'), stage], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const templates = new Map<string, Template>();
  for (const dir of stackDirs()) {
    const file = path.join(dir, '.serverless', 'cloudformation-template-update-stack.json');
    templates.set(path.relative(repoRoot, dir) || '.', JSON.parse(readFileSync(file, 'utf8')) as Template);
  }
  return templates;
};
