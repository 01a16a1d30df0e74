import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { adaptServiceStack } from './adaptServiceStack.js';
import {
  type LoadFleetShape,
  type LoadModel,
  loadContractYaml,
  loadFleetConfigYaml,
  loadModels,
} from './loadFleetConfig.js';

/** A written load fleet: its root (for `startFleetCloud`'s `rootDir`), its models, and how to remove it. */
export type LoadRoot = { dir: string; configFile: string; models: LoadModel[]; remove: () => void };

/** What a service folder holds besides its `serverless.yml`, linked into the copy. */
const LINKED_IN_SERVICE = ['src', 'package.json', 'node_modules', 'tsconfig.json'];

/**
 * Writes the generated fleet under `dir` (emptied first) as the local cloud reads a repository:
 * `fleet.config.yaml`, `contracts/ds-NN.yaml` (copies of `contracts/churn.yaml`), the core stack
 * and `serverless.common.yml` linked from `repoRoot`, and per service a `serverless.yml` adapted
 * by `adaptServiceStack` next to links to the service's sources, so the handlers loaded are the
 * repository's own.
 */
export const writeLoadRoot = (repoRoot: string, dir: string, shape: LoadFleetShape): LoadRoot => {
  const models = loadModels(shape);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'contracts'), { recursive: true });
  const configFile = path.join(dir, 'fleet.config.yaml');
  writeFileSync(configFile, loadFleetConfigYaml(shape));
  const churnContract = readFileSync(path.join(repoRoot, 'contracts/churn.yaml'), 'utf8');
  for (const model of models) {
    writeFileSync(path.join(dir, model.contract), loadContractYaml(churnContract, model, shape.minRows));
  }
  for (const file of ['serverless.yml', 'serverless.common.yml']) {
    symlinkSync(path.join(repoRoot, file), path.join(dir, file));
  }
  const servicesDir = path.join(repoRoot, 'services');
  for (const service of readdirSync(servicesDir)) {
    const source = path.join(servicesDir, service);
    if (!existsSync(path.join(source, 'serverless.yml'))) continue;
    const target = path.join(dir, 'services', service);
    mkdirSync(target, { recursive: true });
    const stack = readFileSync(path.join(source, 'serverless.yml'), 'utf8');
    writeFileSync(path.join(target, 'serverless.yml'), adaptServiceStack(service, stack, models));
    for (const entry of LINKED_IN_SERVICE) {
      if (existsSync(path.join(source, entry))) symlinkSync(path.join(source, entry), path.join(target, entry));
    }
  }
  return { dir, configFile, models, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
