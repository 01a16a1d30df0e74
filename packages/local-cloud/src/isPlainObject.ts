/**
 * Whether a parsed value (YAML, JSON) is a mapping: an object that is neither null nor an array.
 *
 * The serverless loader, the event pattern matcher and the PutEvents checks all tell mappings
 * from lists and scalars this one way.
 */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
