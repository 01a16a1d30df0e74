import { isPlainObject } from '../isPlainObject.js';
import { type CompiledPattern, compilePattern } from './compilePattern.js';

type FlatRow = Map<string, unknown>;

/**
 * Flattens the parts of an event a pattern reads into rows of `dotted.path -> leaf value`.
 *
 * Each element of an array gives its own row (and two arrays their cross product), so fields are
 * only ever combined from the same array element, as EventBridge matches. Objects are not leaves:
 * a field holding an object or an empty array is absent from every row.
 */
const flattenEvent = (event: unknown, paths: Set<string>): FlatRow[] => {
  const expand = (value: unknown, path: string, rows: FlatRow[]): FlatRow[] => {
    if (Array.isArray(value)) {
      if (value.length === 0) return rows;
      return value.flatMap((item) => expand(item, path, rows));
    }
    if (isPlainObject(value)) {
      let result = rows;
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (paths.has(childPath)) result = expand(child, childPath, result);
      }
      return result;
    }
    if (path === '') return rows;
    return rows.map((row) => new Map(row).set(path, value));
  };
  return expand(event, '', [new Map()]);
};

const cache = new WeakMap<object, CompiledPattern>();

const compiled = (pattern: unknown): CompiledPattern => {
  if (typeof pattern !== 'object' || pattern === null) return compilePattern(pattern);
  if (isCompiledPattern(pattern)) return pattern;
  let result = cache.get(pattern);
  if (result === undefined) {
    result = compilePattern(pattern);
    cache.set(pattern, result);
  }
  return result;
};

const isCompiledPattern = (value: object): value is CompiledPattern =>
  'branches' in value && 'paths' in value && (value as CompiledPattern).paths instanceof Set;

/**
 * Tells whether an event matches an EventBridge event pattern, with EventBridge's semantics.
 *
 * Fields listed in the pattern must all match (AND); values listed for a field are alternatives
 * (OR); `$or` adds alternative sets of fields. An array in the event matches when one of its
 * elements does. Supported: exact values (numbers compare as numbers, so 3 and 3.0 are equal),
 * `prefix`, `suffix` (both also `{ "equals-ignore-case": ... }`), `equals-ignore-case`,
 * `wildcard`, `anything-but` (values, lists, `prefix`, `suffix`, `equals-ignore-case`,
 * `wildcard`), `numeric`, `exists` (leaf fields only), `cidr` (IPv4 and IPv6) and `$or`.
 *
 * The pattern may be an object, its JSON text, or a `compilePattern` result; objects are
 * compiled once and cached.
 *
 * @throws InvalidEventPatternError when the pattern is not one EventBridge accepts.
 * @example matchesPattern({ source: ['aws.s3'] }, { source: 'aws.s3' }) // true
 */
export const matchesPattern = (pattern: unknown, event: unknown): boolean => {
  const { branches, paths } = compiled(pattern);
  const rows = flattenEvent(event, paths);
  return branches.some((conditions) =>
    rows.some((row) =>
      conditions.every(({ path, matchers }) => {
        const exists = row.has(path);
        const value = row.get(path);
        return matchers.some((matcher) => matcher(value, exists));
      }),
    ),
  );
};
