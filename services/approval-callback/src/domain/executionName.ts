/** Step Functions execution names: at most 80 characters of letters, digits, `-` and `_`. */
const MAX_EXECUTION_NAME = 80;

/**
 * The name of the approval execution of one package version and attempt:
 * `<model>-v<version>-a<attempt>`.
 *
 * Deterministic, so a duplicate state-change event that slips past the start lease reaches
 * `StartExecution` with the same name and input and gets the same execution back instead of a
 * second one. Characters Step Functions refuses become `-`; a long model name is cut from the left.
 *
 * @example
 * executionName('churn', 3, 1) // 'churn-v3-a1'
 */
export const executionName = (model: string, version: number, attempt: number): string => {
  const suffix = `-v${version}-a${attempt}`;
  const safeModel = model.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, MAX_EXECUTION_NAME - suffix.length);
  return `${safeModel}${suffix}`;
};
