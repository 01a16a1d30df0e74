import { isPlainObject } from '../isPlainObject.js';
import { InvalidEventPatternError } from './InvalidEventPatternError.js';
import { ipInRange, parseCidr } from './ipAddress.js';
import { wildcardToRegExp } from './wildcardToRegExp.js';

/** Tests one leaf of an event: its value (undefined when absent) and whether the field exists. */
export type ValueMatcher = (value: unknown, exists: boolean) => boolean;

/** One field condition: the dotted path of a leaf and the values it may take (any of them). */
export type FieldCondition = { path: string; matchers: ValueMatcher[] };

/**
 * An event pattern checked and turned into plain conditions.
 *
 * Each `$or` alternative becomes its own branch, so a pattern matches when every condition of at
 * least one branch holds on the same array element of the event (EventBridge's array-consistent
 * matching). `paths` holds every path the conditions read and its parents, so flattening an
 * event visits only the parts that matter.
 */
export type CompiledPattern = { branches: FieldCondition[][]; paths: Set<string> };

const RESERVED_IN_OR = new Set([
  'anything-but',
  'cidr',
  'equals-ignore-case',
  'exists',
  'numeric',
  'prefix',
  'suffix',
  'wildcard',
]);

const isString = (value: unknown): value is string => typeof value === 'string';
const lower = (value: string) => value.toLowerCase();

const fail = (reason: string, path: string): never => {
  throw new InvalidEventPatternError(reason, path);
};

const exact =
  (expected: string | number | boolean | null): ValueMatcher =>
  (value, exists) =>
    exists && value === expected;

const onString =
  (test: (value: string) => boolean): ValueMatcher =>
  (value, exists) =>
    exists && typeof value === 'string' && test(value);

/** prefix / suffix, either a string or `{ "equals-ignore-case": string }`. */
const compileAffix = (operator: 'prefix' | 'suffix', operand: unknown, path: string): ValueMatcher => {
  const test = (value: string, affix: string) =>
    operator === 'prefix' ? value.startsWith(affix) : value.endsWith(affix);
  if (isString(operand)) return onString((value) => test(value, operand));
  if (isPlainObject(operand)) {
    const keys = Object.keys(operand);
    if (keys.length !== 1) fail('Only one key allowed in match expression', path);
    if (keys[0] !== 'equals-ignore-case') fail(`Unsupported ${operator} pattern: ${keys[0]}`, path);
    const inner = operand['equals-ignore-case'];
    if (!isString(inner)) fail('equals-ignore-case match pattern must be a string', path);
    const affix = lower(inner as string);
    return onString((value) => test(lower(value), affix));
  }
  return fail(`${operator} match pattern must be a string`, path);
};

const compileWildcard = (operand: unknown, path: string): RegExp => {
  if (!isString(operand)) fail('wildcard match pattern must be a string', path);
  const regExp = wildcardToRegExp(operand as string);
  if (!(regExp instanceof RegExp)) fail(regExp.error, path);
  return regExp as RegExp;
};

const stringList = (operand: unknown, path: string, reason: string): string[] => {
  const list = Array.isArray(operand) ? operand : [operand];
  if (list.length === 0 || !list.every(isString)) fail(reason, path);
  return list as string[];
};

/** `anything-but`: matches a present field (null included) whose value is not excluded. */
const compileAnythingBut = (operand: unknown, path: string): ValueMatcher => {
  const notExcluded =
    (excluded: (value: unknown) => boolean): ValueMatcher =>
    (value, exists) =>
      exists && !excluded(value);
  if (isString(operand) || typeof operand === 'number') return notExcluded((value) => value === operand);
  if (Array.isArray(operand)) {
    for (const item of operand) {
      if (!isString(item) && typeof item !== 'number') {
        fail('Inside anything but list, start|null|boolean is not supported.', path);
      }
    }
    const hasString = operand.some(isString);
    const hasNumber = operand.some((item) => typeof item === 'number');
    if (hasString === hasNumber) {
      fail('Inside anything but list, either all values are number or string, mixed type is not supported', path);
    }
    const excluded = new Set<unknown>(operand);
    return notExcluded((value) => excluded.has(value));
  }
  if (!isPlainObject(operand))
    return fail('Value of anything-but must be an array or single string/number value.', path);
  const keys = Object.keys(operand);
  if (keys.length !== 1) fail('Only one key allowed in match expression', path);
  const [inner] = keys;
  const innerOperand = operand[inner];
  switch (inner) {
    case 'prefix':
    case 'suffix': {
      if (isPlainObject(innerOperand)) {
        fail('Value of anything-but must be an array or single string/number value.', path);
      }
      const affixes = stringList(innerOperand, path, 'prefix/suffix match pattern must be a string');
      if (affixes.some((affix) => affix === '')) fail('Null prefix/suffix not allowed', path);
      return notExcluded(
        (value) =>
          isString(value) &&
          affixes.some((affix) => (inner === 'prefix' ? value.startsWith(affix) : value.endsWith(affix))),
      );
    }
    case 'equals-ignore-case': {
      const values = stringList(
        innerOperand,
        path,
        'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
      ).map(lower);
      return notExcluded((value) => isString(value) && values.includes(lower(value)));
    }
    case 'wildcard': {
      const list = Array.isArray(innerOperand) ? innerOperand : [innerOperand];
      if (list.length === 0) fail('wildcard match pattern must be a string', path);
      const regExps = list.map((item) => compileWildcard(item, path));
      return notExcluded((value) => isString(value) && regExps.some((regExp) => regExp.test(value)));
    }
    default:
      return fail(`Unsupported anything-but pattern: ${inner}`, path);
  }
};

const NUMERIC_OPERATORS = new Set(['<', '<=', '=', '>', '>=']);

/** `numeric`: `["=", x]`, `["<", x]`, `[">=", x]`, or a lower bound followed by an upper bound. */
const compileNumeric = (operand: unknown, path: string): ValueMatcher => {
  if (!Array.isArray(operand)) return fail('Value of numeric must be an array.', path);
  if (operand.length === 0) fail('Invalid member in numeric match: ]', path);
  const [operator, bound, secondOperator, secondBound, ...rest] = operand;
  if (!isString(operator)) fail(`Invalid member in numeric match: ${JSON.stringify(operator)}`, path);
  if (!NUMERIC_OPERATORS.has(operator)) fail(`Unrecognized numeric range operator: ${operator}`, path);
  if (typeof bound !== 'number') fail(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`, path);
  const compare = (op: string, limit: number) => (value: number) => {
    switch (op) {
      case '<':
        return value < limit;
      case '<=':
        return value <= limit;
      case '>':
        return value > limit;
      case '>=':
        return value >= limit;
      default:
        return value === limit;
    }
  };
  const tests = [compare(operator, bound)];
  if (operand.length > 2) {
    if (operator !== '>' && operator !== '>=') fail('Too many elements in numeric expression', path);
    if (!isString(secondOperator)) fail(`Bad value in numeric range: ${JSON.stringify(secondOperator)}`, path);
    if (secondOperator !== '<' && secondOperator !== '<=') fail(`Bad numeric range operator: ${secondOperator}`, path);
    if (typeof secondBound !== 'number') fail(`Value of ${secondOperator} must be numeric`, path);
    if (secondBound <= bound) fail('Bottom must be less than top', path);
    if (rest.length > 0) fail('Too many terms in numeric range expression', path);
    tests.push(compare(secondOperator, secondBound));
  }
  return (value, exists) => exists && typeof value === 'number' && tests.every((test) => test(value));
};

const compileCidr = (operand: unknown, path: string): ValueMatcher => {
  // EventBridge reports a non-string CIDR with the prefix message.
  if (!isString(operand)) return fail('prefix match pattern must be a string', path);
  const range = parseCidr(operand);
  if ('error' in range) return fail(range.error, path);
  return onString((value) => ipInRange(value, range));
};

const compileMatchExpression = (expression: Record<string, unknown>, path: string): ValueMatcher => {
  const keys = Object.keys(expression);
  if (keys.length === 0) fail('Match expression name not found', path);
  if (keys.length > 1) fail('Only one key allowed in match expression', path);
  const [operator] = keys;
  const operand = expression[operator];
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return compileAffix(operator, operand, path);
    case 'equals-ignore-case': {
      if (!isString(operand)) fail('equals-ignore-case match pattern must be a string', path);
      const expected = lower(operand as string);
      return onString((value) => lower(value) === expected);
    }
    case 'wildcard': {
      const regExp = compileWildcard(operand, path);
      return onString((value) => regExp.test(value));
    }
    case 'anything-but':
      return compileAnythingBut(operand, path);
    case 'numeric':
      return compileNumeric(operand, path);
    case 'exists': {
      if (typeof operand !== 'boolean') fail('exists match pattern must be either true or false.', path);
      return (_value, exists) => exists === operand;
    }
    case 'cidr':
      return compileCidr(operand, path);
    default:
      return fail(`Unrecognized match type ${operator}`, path);
  }
};

const compileValues = (values: unknown[], path: string): ValueMatcher[] => {
  if (values.length === 0) fail('Empty arrays are not allowed', path);
  return values.map((value) => {
    if (value === null || isString(value) || typeof value === 'number' || typeof value === 'boolean') {
      return exact(value);
    }
    if (isPlainObject(value)) return compileMatchExpression(value, path);
    return fail('Match value must be String, number, true, false, or null', path);
  });
};

const compileObject = (
  object: Record<string, unknown>,
  prefix: string,
  branches: FieldCondition[][],
  paths: Set<string>,
  insideOr: boolean,
): FieldCondition[][] => {
  const keys = Object.keys(object);
  if (keys.length === 0) fail('Empty objects are not allowed', prefix);
  let current = branches;
  for (const key of keys) {
    const value = object[key];
    const path = prefix ? `${prefix}.${key}` : key;
    if (key === '$or') {
      if (!Array.isArray(value)) fail('It must be an Array followed with $or.', path);
      const alternatives = value as unknown[];
      if (alternatives.length < 2) fail('There must have at least 2 Objects in $or relationship.', path);
      const next: FieldCondition[][] = [];
      for (const alternative of alternatives) {
        if (!isPlainObject(alternative)) fail('Only JSON object is allowed in array of $or relationship.', path);
        next.push(...compileObject(alternative as Record<string, unknown>, prefix, current, paths, true));
      }
      current = next;
      continue;
    }
    if (insideOr && RESERVED_IN_OR.has(key)) {
      fail(`${key} is Ruler reserved fieldName which cannot be used inside $or.`, path);
    }
    if (Array.isArray(value)) {
      const matchers = compileValues(value, path);
      let parent = '';
      for (const segment of path.split('.')) {
        parent = parent ? `${parent}.${segment}` : segment;
        paths.add(parent);
      }
      current = current.map((branch) => [...branch, { path, matchers }]);
    } else if (isPlainObject(value)) {
      current = compileObject(value, path, current, paths, insideOr);
    } else {
      fail(`"${key}" must be an object or an array`, path);
    }
  }
  return current;
};

/**
 * Checks an event pattern with EventBridge's rules and compiles it for matching.
 *
 * Accepts the pattern as an object or as the JSON text PutRule takes.
 *
 * @throws InvalidEventPatternError with the reason EventBridge gives for the same pattern.
 */
export const compilePattern = (pattern: unknown): CompiledPattern => {
  let parsed = pattern;
  if (typeof pattern === 'string') {
    try {
      parsed = JSON.parse(pattern);
    } catch (error) {
      throw new InvalidEventPatternError('Filter is not valid JSON', '', { cause: error });
    }
  }
  if (!isPlainObject(parsed)) fail('Filter is not an object', '');
  const paths = new Set<string>();
  const branches = compileObject(parsed as Record<string, unknown>, '', [[]], paths, false);
  return { branches, paths };
};
