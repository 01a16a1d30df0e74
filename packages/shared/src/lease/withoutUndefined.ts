/**
 * Drops `undefined` values at every depth, as the DynamoDB marshaller does with
 * `removeUndefinedValues`, so a lease's `record` is exactly what the table holds.
 */
export const withoutUndefined = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  ) as T;
};
