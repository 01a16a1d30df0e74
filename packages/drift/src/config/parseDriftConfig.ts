import { ConfigError, formatZodIssues } from '@fleet/shared';
import { parse as parseYaml } from 'yaml';
import { DriftConfig } from './DriftConfig.js';

/**
 * Parses and validates drift settings from YAML or JSON text; empty text gives the defaults.
 *
 * @throws ConfigError starting with `file` and naming each bad field, for example
 *   `drift.yaml: features.tenure.test: Invalid option: expected one of ...`
 */
export const parseDriftConfig = (text: string, file: string): DriftConfig => {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError(file, `not valid YAML or JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = DriftConfig.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(file, formatZodIssues(result.error));
  return result.data;
};
