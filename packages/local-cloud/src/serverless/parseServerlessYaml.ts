import { readFileSync } from 'node:fs';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { cloudFormationTags } from './cloudFormationTags.js';
import { ServerlessConfigError } from './ServerlessConfigError.js';

/** A parsed `serverless.yml`: its data and a way to find the line of any value in it. */
export type ParsedServerlessYaml = {
  file: string;
  value: Record<string, unknown>;
  /** The 1-based line where the value at `path` starts, when the path exists. */
  lineOf: (path: (string | number)[]) => number | undefined;
};

/**
 * Reads a `serverless.yml` (or any YAML file it includes) with CloudFormation's short-form tags.
 *
 * @throws ServerlessConfigError naming the file and line when the file is missing or not valid YAML.
 */
export const parseServerlessYaml = (file: string): ParsedServerlessYaml => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ServerlessConfigError(file, 'cannot be read', { cause: error });
  }
  const lineCounter = new LineCounter();
  const document: Document.Parsed = parseDocument(text, { customTags: cloudFormationTags, merge: true, lineCounter });
  const [firstError] = document.errors;
  if (firstError) {
    const line = firstError.linePos?.[0].line;
    throw new ServerlessConfigError(file, `not valid YAML: ${firstError.message.split('\n')[0]}`, { line });
  }
  const value = document.toJS({ maxAliasCount: 1000 }) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServerlessConfigError(file, 'expected a mapping at the top level');
  }
  return {
    file,
    value: value as Record<string, unknown>,
    lineOf: (path) => {
      const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range === undefined ? undefined : lineCounter.linePos(node.range[0]).line;
    },
  };
};
