import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type FleetConfig, loadFleetConfig } from '@fleet/shared';
import { findRepoRoot } from '../local/findRepoRoot.js';
import { OperationInputError } from './OperationInputError.js';

/** `--config`, else the working directory's fleet.config.yaml, else the repository's. */
const configFile = (config: string | undefined, cwd: string): string => {
  if (config !== undefined) return resolve(cwd, config);
  const here = resolve(cwd, 'fleet.config.yaml');
  if (existsSync(here)) return here;
  try {
    return resolve(findRepoRoot(__dirname), 'fleet.config.yaml');
  } catch (error) {
    throw new OperationInputError(`no fleet.config.yaml in ${cwd}: pass --config <file>`, { cause: error });
  }
};

/**
 * Loads the fleet configuration an operator's command acts on and checks that it names `model`.
 *
 * @throws OperationInputError naming the configured models when it does not
 * @throws ConfigError when the configuration cannot be read or is invalid
 */
export const loadOperatorConfig = (options: {
  model: string;
  config?: string;
  stage: string;
  cwd: string;
}): FleetConfig => {
  const config = loadFleetConfig({ file: configFile(options.config, options.cwd), stage: options.stage });
  if (!(options.model in config.models)) {
    const names = Object.keys(config.models);
    throw new OperationInputError(
      `unknown model "${options.model}": the configuration names ${names.length === 0 ? 'none' : names.join(', ')}`,
    );
  }
  return config;
};
