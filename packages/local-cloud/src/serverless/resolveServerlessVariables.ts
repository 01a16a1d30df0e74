import path from 'node:path';
import { isPlainObject } from '../isPlainObject.js';
import { parseServerlessYaml } from './parseServerlessYaml.js';
import { ServerlessConfigError } from './ServerlessConfigError.js';

/** What the variables of a `serverless.yml` resolve against locally. */
export type VariableContext = {
  /** `${sls:stage}`, `${opt:stage}`, `${self:provider.stage}` when the file sets it from them. */
  stage: string;
  /** `${opt:region}`, `${aws:region}`. */
  region: string;
  /** `${aws:accountId}`. */
  accountId: string;
  /** `${env:NAME}`. */
  env: Record<string, string | undefined>;
  /** Other `${opt:name}` values (CLI options). */
  options?: Record<string, string>;
};

// Sources the Serverless Framework resolves. Anything else (e.g. `${AWS::Region}` inside
// `Fn::Sub`) is CloudFormation's and stays as written.
const SOURCE = /^\s*(sls:|opt:|self:|env:|aws:|cf(\([^)]*\))?:|ssm:|s3:|param:|file\(|strToBool\(|git:)/;

/** Splits `a, b, 'c, d'` at top-level commas, leaving quoted literals whole. */
const splitFallbacks = (content: string): string[] => {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const char of content) {
    if (quote) {
      if (char === quote) quote = undefined;
      current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (char === ',') {
      parts.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current.trim());
  return parts;
};

/**
 * Resolves the Serverless Framework variables of a parsed `serverless.yml` locally, without the
 * framework: `${sls:stage}`, `${opt:stage, 'dev'}` (and other options), `${self:path}`,
 * `${file(./other.yml):path}` (YAML or JSON, relative to the file that names it), `${env:NAME}`,
 * `${aws:region}`, `${aws:accountId}`, `${strToBool(...)}`, nested variables and fallbacks.
 *
 * Sources that need AWS (`cf`, `ssm`, `s3`, `param`) or git resolve only through a fallback.
 * CloudFormation intrinsic functions and `${AWS::...}` placeholders are left for the caller.
 *
 * @throws ServerlessConfigError naming the file and the variable when one cannot be resolved.
 */
export const resolveServerlessVariables = (
  config: Record<string, unknown>,
  file: string,
  context: VariableContext,
): Record<string, unknown> => {
  const fileCache = new Map<string, unknown>();
  const resolving: string[] = [];

  const loadFile = (relative: string, fromDir: string): unknown => {
    const absolute = path.resolve(fromDir, relative);
    // YAML is a superset of JSON, so one parser reads both kinds of included file.
    if (!fileCache.has(absolute)) fileCache.set(absolute, parseServerlessYaml(absolute).value);
    return fileCache.get(absolute);
  };

  let where: string[] = [];
  const fail = (message: string): never => {
    throw new ServerlessConfigError(file, where.length > 0 ? `${where.join('.')}: ${message}` : message);
  };

  /**
   * Follows a dotted address into a value; a step that is itself a variable (e.g.
   * `custom: ${file(common.yml):custom}`) is resolved before stepping into it.
   */
  const readPath = (root: unknown, address: string, fromDir: string): unknown => {
    let current: unknown = root;
    for (const segment of address === '' ? [] : address.split('.')) {
      if (typeof current === 'string' && current.includes('${')) current = resolveString(current, fromDir);
      if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
      else if (isPlainObject(current)) current = current[segment];
      else return undefined;
    }
    return current;
  };

  /** Resolves one variable source (no fallbacks); undefined when it has no value. */
  const resolveSource = (source: string, fromDir: string): unknown => {
    const text = source.trim();
    if (/^'.*'$|^".*"$/.test(text)) return text.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (text === 'true' || text === 'false') return text === 'true';
    if (text === 'null') return null;
    const [, kind, address = ''] = /^([a-zA-Z]+):(.*)$/.exec(text) ?? [];
    switch (kind) {
      case 'sls':
        if (address === 'stage') return context.stage;
        if (address === 'instanceId') return 'local';
        return undefined;
      case 'opt':
        if (address === 'stage') return context.stage;
        if (address === 'region') return context.region;
        return context.options?.[address];
      case 'aws':
        if (address === 'region') return context.region;
        if (address === 'accountId') return context.accountId;
        return undefined;
      case 'env':
        return context.env[address];
      case 'self': {
        const key = `self:${address}`;
        if (resolving.includes(key)) fail(`\${${key}} refers to itself (${[...resolving, key].join(' -> ')})`);
        resolving.push(key);
        try {
          return resolveValue(readPath(config, address, path.dirname(file)), path.dirname(file), where);
        } finally {
          resolving.pop();
        }
      }
      default:
        break;
    }
    const fileMatch = /^file\(([^)]+)\)(?::(.*))?$/.exec(text);
    if (fileMatch) {
      const [, relative, address = ''] = fileMatch;
      const absoluteDir = path.dirname(path.resolve(fromDir, relative.trim()));
      return resolveValue(readPath(loadFile(relative.trim(), fromDir), address, absoluteDir), absoluteDir, where);
    }
    const boolMatch = /^strToBool\((.*)\)$/.exec(text);
    if (boolMatch) return boolMatch[1].trim() === 'true';
    // cf, ssm, s3, param, git: they need AWS or a repository; only a fallback can stand in.
    return undefined;
  };

  const resolveVariable = (content: string, fromDir: string): unknown => {
    for (const source of splitFallbacks(content)) {
      const value = resolveSource(source, fromDir);
      if (value !== undefined) return value;
    }
    return fail(`cannot resolve \${${content}} locally (give it a fallback, or set the value it reads)`);
  };

  /** Resolves every Serverless variable in a string; a string that is one variable keeps its type. */
  const resolveString = (text: string, fromDir: string): unknown => {
    const pieces: unknown[] = [];
    let index = 0;
    while (index < text.length) {
      const start = text.indexOf('${', index);
      if (start < 0) {
        pieces.push(text.slice(index));
        break;
      }
      pieces.push(text.slice(index, start));
      let depth = 0;
      let end = start + 1;
      for (; end < text.length; end++) {
        if (text[end] === '{') depth++;
        else if (text[end] === '}' && --depth === 0) break;
      }
      if (end >= text.length) fail(`unterminated variable in "${text}"`);
      const inner = text.slice(start + 2, end);
      const innerResolved = inner.includes('${') ? String(resolveString(inner, fromDir)) : inner;
      pieces.push(SOURCE.test(innerResolved) ? resolveVariable(innerResolved, fromDir) : `\${${innerResolved}}`);
      index = end + 1;
    }
    const meaningful = pieces.filter((piece) => piece !== '');
    if (meaningful.length === 1) return meaningful[0];
    return meaningful
      .map((piece) => {
        if (isPlainObject(piece) || Array.isArray(piece)) {
          return fail(`an object cannot be embedded in the string "${text}"`);
        }
        return String(piece);
      })
      .join('');
  };

  const resolveValue = (value: unknown, fromDir: string, at: string[]): unknown => {
    const outer = where;
    where = at;
    try {
      if (typeof value === 'string') return value.includes('${') ? resolveString(value, fromDir) : value;
      if (Array.isArray(value)) return value.map((item, index) => resolveValue(item, fromDir, [...at, String(index)]));
      if (isPlainObject(value)) {
        return Object.fromEntries(
          Object.entries(value).map(([key, item]) => [key, resolveValue(item, fromDir, [...at, key])]),
        );
      }
      return value;
    } finally {
      where = outer;
    }
  };

  return resolveValue(config, path.dirname(file), []) as Record<string, unknown>;
};
