import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors/ConfigError.js';
import { formatZodIssues } from '../errors/formatZodIssues.js';
import { type FleetConfig, FleetConfigSchema } from './fleetConfigSchema.js';

/** A validated configuration together with where it came from. */
export type LoadedFleetConfig = FleetConfig & { stage: string; file: string; baseDir: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges a stage override into the base: objects merge, everything else replaces. */
const merge = (base: unknown, override: unknown): unknown => {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
};

/**
 * Parses the fleet configuration text and applies the overrides under `stages.<stage>`.
 *
 * @throws ConfigError naming the file and the bad field
 */
export const parseFleetConfig = (text: string, options: { file: string; stage: string }): LoadedFleetConfig => {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError(options.file, `not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  if (!isPlainObject(raw)) throw new ConfigError(options.file, 'expected a mapping at the top level');
  const { stages, ...base } = raw;
  if (stages !== undefined && !isPlainObject(stages)) {
    throw new ConfigError(options.file, 'stages: expected a mapping of stage name to overrides');
  }
  const merged = stages?.[options.stage] === undefined ? base : merge(base, stages[options.stage]);
  const result = FleetConfigSchema.safeParse(merged);
  if (!result.success) {
    const where = stages?.[options.stage] === undefined ? '' : ` (stage "${options.stage}")`;
    throw new ConfigError(options.file, `${formatZodIssues(result.error)}${where}`);
  }
  return { ...result.data, stage: options.stage, file: options.file, baseDir: path.dirname(options.file) };
};

/**
 * Reads and validates the configuration file.
 *
 * @throws ConfigError when the file is missing, unreadable or invalid
 */
export const loadFleetConfig = (options: { file: string; stage: string }): LoadedFleetConfig => {
  let text: string;
  try {
    text = readFileSync(options.file, 'utf8');
  } catch (error) {
    throw new ConfigError(options.file, `cannot read configuration: ${(error as NodeJS.ErrnoException).code}`, {
      cause: error,
    });
  }
  return parseFleetConfig(text, options);
};

let cached: LoadedFleetConfig | undefined;

/**
 * The configuration of this function, loaded once per cold start.
 *
 * Reads `FLEET_CONFIG_FILE` (the packaged copy sits at `.fleet/fleet.config.yaml` inside the
 * function) and `FLEET_STAGE`.
 */
export const getFleetConfig = (env: NodeJS.ProcessEnv = process.env): LoadedFleetConfig => {
  if (cached === undefined) {
    const root = env.LAMBDA_TASK_ROOT ?? process.cwd();
    const file = env.FLEET_CONFIG_FILE ?? path.join(root, '.fleet', 'fleet.config.yaml');
    cached = loadFleetConfig({ file: path.resolve(root, file), stage: env.FLEET_STAGE ?? 'dev' });
  }
  return cached;
};

/** Forgets the cached configuration (tests and the local cloud reload it). */
export const resetFleetConfig = (): void => {
  cached = undefined;
};
