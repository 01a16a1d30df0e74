import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Finds the fleet repository root: the nearest folder at or above `from` holding
 * `pnpm-workspace.yaml` and `fleet.config.yaml`.
 *
 * @throws Error naming the starting folder when no such folder exists
 */
export const findRepoRoot = (from: string): string => {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml')) && existsSync(path.join(dir, 'fleet.config.yaml')))
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no fleet repository (pnpm-workspace.yaml and fleet.config.yaml) at or above ${from}`);
    }
    dir = parent;
  }
};
