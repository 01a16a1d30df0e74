/** A function named in a Lambda request: its name and the qualifier (version or alias), when one was given. */
export type FunctionReference = { name: string; qualifier?: string };

// my-function, my-function:v1, 123456789012:function:my-function[:v1],
// arn:aws:lambda:eu-west-1:123456789012:function:my-function[:v1]
const FULL_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;
const PARTIAL_ARN = /^\d{12}:function:([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;
const NAME = /^([A-Za-z0-9_-]+)(?::([A-Za-z0-9$_-]+))?$/;

/**
 * Reads the `FunctionName` of a Lambda request as Lambda accepts it: a name (`my-function`), a
 * full ARN (`arn:aws:lambda:eu-west-1:123456789012:function:my-function`) or a partial ARN
 * (`123456789012:function:my-function`), each optionally with `:<version or alias>`.
 *
 * @returns undefined when the value has none of those forms
 * @example
 * parseFunctionName('123456789012:function:score:live') // { name: 'score', qualifier: 'live' }
 */
export const parseFunctionName = (value: string): FunctionReference | undefined => {
  const match = FULL_ARN.exec(value) ?? PARTIAL_ARN.exec(value) ?? NAME.exec(value);
  if (match === null) return undefined;
  return match[2] === undefined ? { name: match[1] } : { name: match[1], qualifier: match[2] };
};
