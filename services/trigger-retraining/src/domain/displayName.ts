/** The longest `PipelineExecutionDisplayName` SageMaker accepts. */
export const maxDisplayNameLength = 82;

/** SageMaker's pattern for `PipelineExecutionDisplayName`. */
export const displayNamePattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/;

const compactTime = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * A valid `PipelineExecutionDisplayName` for a run: `<kind>-<pipeline>-<UTC time>-<token prefix>`.
 *
 * Anything outside letters and digits becomes `-` and the result is cut to 82 characters
 * without ending on `-`, so any pipeline name yields a name SageMaker accepts; the token
 * prefix tells two runs started in the same second apart.
 */
export const displayName = (input: { kind: string; pipeline: string; at: Date; token: string }): string => {
  const raw = `${input.kind}-${input.pipeline}-${compactTime(input.at)}-${input.token.slice(0, 8)}`;
  const cleaned = raw
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxDisplayNameLength)
    .replace(/-+$/, '');
  return cleaned === '' ? `run-${input.token.slice(0, 8) || 'x'}` : cleaned;
};
