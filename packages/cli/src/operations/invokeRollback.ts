import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { RollbackRefusedError } from './RollbackRefusedError.js';

/** What an operator asks the rollback function for. */
export type RollbackRequest = { model: string; requestedBy: string; reason?: string; toVersion?: number };

/** What the rollback function answers when it started a rollback. */
export type RollbackAnswer = {
  executionArn: string;
  modelPackageArn: string;
  previousModelPackageArn: string;
  rollbackId?: string;
  correlationId?: string;
};

const decode = (payload: Uint8Array | undefined): unknown => {
  const text = payload === undefined ? '' : Buffer.from(payload).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const isAnswer = (value: unknown): value is RollbackAnswer =>
  typeof value === 'object' &&
  value !== null &&
  ['executionArn', 'modelPackageArn', 'previousModelPackageArn'].every(
    (field) => typeof (value as Record<string, unknown>)[field] === 'string',
  );

/**
 * Invokes the rollback function synchronously (`RequestResponse`) and returns what it started.
 *
 * A function error (Lambda's `FunctionError` with `{ errorType, errorMessage }` in the payload)
 * is the function's refusal, not an AWS failure: it is thrown as a {@link RollbackRefusedError}
 * carrying its name and words. An AWS error of the call itself (no such function, no
 * credentials) is the SDK's, for the caller to word.
 *
 * @throws RollbackRefusedError when the function refused or failed, or answered something else
 */
export const invokeRollback = async (
  client: LambdaClient,
  functionName: string,
  request: RollbackRequest,
): Promise<RollbackAnswer> => {
  const output = await client.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      Payload: Buffer.from(JSON.stringify(request)),
    }),
  );
  const body = decode(output.Payload);
  if (output.FunctionError !== undefined) {
    const failure = (typeof body === 'object' && body !== null ? body : {}) as {
      errorType?: unknown;
      errorMessage?: unknown;
    };
    throw new RollbackRefusedError(
      functionName,
      typeof failure.errorType === 'string' ? failure.errorType : output.FunctionError,
      typeof failure.errorMessage === 'string' ? failure.errorMessage : JSON.stringify(body),
    );
  }
  if (!isAnswer(body)) {
    throw new RollbackRefusedError(functionName, 'UnexpectedAnswer', `not a started rollback: ${JSON.stringify(body)}`);
  }
  return body;
};
