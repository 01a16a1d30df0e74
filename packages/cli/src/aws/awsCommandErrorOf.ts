import { AwsCommandError } from './AwsCommandError.js';
import { describeAwsError } from './describeAwsError.js';

/** One call of an AWS SDK client that failed, as a command made it. */
export type FailedAwsCall = {
  /** What was called: `function fleet-approval-callback-dev-rollback`, `queue fleet-dev-dlq`. */
  resource: string;
  /** `--region`, when given. */
  region: string | undefined;
  /** The client that made the call: its region is named when `--region` was not given. */
  client: { config: { region: () => Promise<string> } };
};

/**
 * Words a failed AWS call for the operator ({@link describeAwsError}) as an
 * {@link AwsCommandError} naming the resource and the region (`--region`, else the client's,
 * else `(no region set)`), with the SDK's error as its `cause`. `reword` may give a better
 * message for an error the command knows. An error that is neither the SDK's nor AWS's (a bug)
 * is returned as it is.
 *
 * Returns the error for the caller to throw.
 */
export const awsCommandErrorOf = async (
  error: unknown,
  call: FailedAwsCall,
  reword?: (error: Error, region: string) => string | undefined,
): Promise<unknown> => {
  const region = call.region ?? (await call.client.config.region().catch(() => '(no region set)'));
  const message = describeAwsError(error, { resource: call.resource, region });
  if (message === undefined) return error;
  return new AwsCommandError(reword?.(error as Error, region) ?? message, { cause: error });
};
