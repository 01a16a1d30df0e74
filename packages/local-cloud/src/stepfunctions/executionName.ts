/**
 * Whether a name is one Step Functions accepts for an execution (or a state machine): no
 * whitespace, brackets `< > { } [ ]`, wildcards `? *`, special characters
 * `" # % \ ^ | ~ ` $ & , ; : /` or control characters (U+0000-001F, U+007F-009F).
 *
 * The length (1 to 80) is checked with the request's shape.
 *
 * @example isValidExecutionName('approval-churn-3') // true
 * @example isValidExecutionName('a/b') // false
 */
export const isValidExecutionName = (name: string): boolean =>
  !/[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u.test(name);
