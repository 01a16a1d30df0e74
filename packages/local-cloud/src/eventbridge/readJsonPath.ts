/**
 * Reads a value from an event with the JSONPath subset EventBridge input paths use:
 * `$`, `$.a.b`, `$.detail-type`, `$['a b']`, `$.list[0]`.
 *
 * Returns undefined when the path does not exist in the value.
 *
 * @throws Error when the path is not of that form.
 * @example readJsonPath({ detail: { key: 'a' } }, '$.detail.key') // 'a'
 */
export const readJsonPath = (value: unknown, jsonPath: string): unknown => {
  const text = jsonPath.trim();
  if (!text.startsWith('$')) throw new Error(`JSON path ${JSON.stringify(jsonPath)} must start with $`);
  const steps: (string | number)[] = [];
  const step = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  step.lastIndex = 1;
  while (step.lastIndex < text.length) {
    const match = step.exec(text);
    if (match === null)
      throw new Error(`JSON path ${JSON.stringify(jsonPath)} is not supported (use $.a.b, $['a'] or $.a[0])`);
    const [, dotted, index, single, double] = match;
    steps.push(index === undefined ? (dotted ?? single ?? double) : Number(index));
  }
  let current = value;
  for (const key of steps) {
    if (
      typeof key === 'number'
        ? !Array.isArray(current)
        : typeof current !== 'object' || current === null || Array.isArray(current)
    ) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[key];
    if (current === undefined) return undefined;
  }
  return current;
};
