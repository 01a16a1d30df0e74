import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors/ConfigError.js';
import { formatZodIssues } from '../errors/formatZodIssues.js';
import { DatasetContract } from './datasetContract.js';

/** A validated contract with the name of its file and the SHA-256 of its text. */
export type LoadedContract = { contract: DatasetContract; file: string; hash: string };

/**
 * Parses and validates a contract from YAML or JSON text.
 *
 * @throws ConfigError naming the file and the bad field
 */
export const parseContract = (text: string, file: string): LoadedContract => {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError(file, `not valid YAML or JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = DatasetContract.safeParse(raw);
  if (!result.success) throw new ConfigError(file, formatZodIssues(result.error));
  return { contract: result.data, file, hash: createHash('sha256').update(text).digest('hex') };
};

/**
 * Reads a contract file from disk and validates it.
 *
 * @throws ConfigError when the file is missing, unreadable or invalid
 */
export const loadContract = (file: string): LoadedContract => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, `cannot read contract: ${(error as NodeJS.ErrnoException).code ?? error}`, {
      cause: error,
    });
  }
  return parseContract(text, file);
};
