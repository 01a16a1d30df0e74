/**
 * Drops `undefined` values at every depth, list elements included, as the DynamoDB marshaller
 * does with `removeUndefinedValues`, so a lease's `record` is exactly what the table holds.
 */
export const withoutUndefined = <T>(value: T): T => {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  // Sets, binary and class instances go to the marshaller as they are: it stores or refuses them.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  ) as T;
};
