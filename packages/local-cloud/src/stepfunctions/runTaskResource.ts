import { randomUUID } from 'node:crypto';
import { AwsServiceError } from '../http/AwsServiceError.js';
import { isPlainObject } from '../isPlainObject.js';
import type { InvocationResult, InvocationTrigger } from '../lambda/LambdaRunner.js';
import type { SnsPublishPort } from './SnsPublishPort.js';
import { taskError } from './taskError.js';

/** What a task needs from the rest of the cloud: the Lambda stand-in and, for `sns:publish`, SNS. */
export type TaskPorts = {
  invokeSync(target: string, payload: unknown, trigger: InvocationTrigger): Promise<InvocationResult>;
  invoke(target: string, payload: unknown, trigger: InvocationTrigger): void;
  publisher?: SnsPublishPort;
};

/** One run of a Task state's resource. */
export type TaskRequest = {
  stateName: string;
  stateMachineName: string;
  resource: string;
  /** The state's effective input (after `InputPath` and `Parameters`). */
  input: unknown;
  /** Resolves with the output a `SendTaskSuccess` gives, rejects with a `SendTaskFailure`'s error. */
  waitForToken: () => Promise<unknown>;
};

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:[^:]+(?::[^:]+)?$/;
const WAIT_FOR_TOKEN = '.waitForTaskToken';

const metadata = () => ({
  SdkHttpMetadata: { HttpStatusCode: 200 },
  SdkResponseMetadata: { RequestId: randomUUID() },
});

/** A function's failure as Step Functions reports it: the error type, and the Lambda error payload as the cause. */
const functionFailure = (result: InvocationResult): Error => {
  const error = result.error as Error;
  const errorType = result.record.outcome === 'timeout' ? 'Sandbox.Timedout' : error.name || 'Error';
  return taskError(
    errorType,
    JSON.stringify({ errorType, errorMessage: error.message, trace: (error.stack ?? '').split('\n') }),
  );
};

const invokeFunction = async (ports: TaskPorts, target: string, payload: unknown, trigger: InvocationTrigger) => {
  let result: InvocationResult;
  try {
    result = await ports.invokeSync(target, payload, trigger);
  } catch (error) {
    throw taskError('Lambda.ResourceNotFoundException', (error as Error).message);
  }
  if (result.error !== undefined) throw functionFailure(result);
  return result.result ?? null;
};

const publish = async (ports: TaskPorts, request: TaskRequest) => {
  if (ports.publisher === undefined) {
    throw taskError(
      'LocalCloud.SnsNotAvailable',
      `state ${request.stateName} publishes to SNS, but the local cloud runs no SNS stand-in`,
    );
  }
  const parameters = isPlainObject(request.input) ? request.input : {};
  const topicArn = parameters.TopicArn ?? parameters.TargetArn;
  if (typeof topicArn !== 'string') {
    throw taskError('States.Runtime', `state ${request.stateName}: sns:publish needs a TopicArn`);
  }
  const message = typeof parameters.Message === 'string' ? parameters.Message : JSON.stringify(parameters.Message);
  try {
    const published = await ports.publisher.publish({
      topicArn,
      message,
      ...(typeof parameters.Subject === 'string' ? { subject: parameters.Subject } : {}),
      ...(isPlainObject(parameters.MessageAttributes)
        ? {
            messageAttributes: parameters.MessageAttributes as Record<
              string,
              { DataType: string; StringValue?: string }
            >,
          }
        : {}),
    });
    return published.messageId;
  } catch (error) {
    if (error instanceof AwsServiceError) {
      const code = error.code.endsWith('Exception') ? error.code : `${error.code}Exception`;
      throw taskError(`SNS.${code}`, error.message);
    }
    throw error;
  }
};

/**
 * Runs a Task state's resource as Step Functions would: a Lambda function ARN (the payload is the
 * input, the result the function's), `arn:aws:states:::lambda:invoke` (`FunctionName`, `Payload`,
 * the result wrapped in `Payload` with `StatusCode`) and `arn:aws:states:::sns:publish`
 * (`TopicArn`, `Message`, `Subject`, `MessageAttributes`; `MessageId` back), each also as
 * `.waitForTaskToken`, which then resolves with what `SendTaskSuccess` sends.
 *
 * A function error fails the task with the function's error type as `Error` (so `Retry` and
 * `Catch` match it) and Lambda's error payload as `Cause`, as Step Functions reports it.
 *
 * @throws Error named `LocalCloud.UnsupportedResource` for any other resource
 */
export const runTaskResource = async (request: TaskRequest, ports: TaskPorts): Promise<unknown> => {
  const trigger: InvocationTrigger = { kind: 'direct', source: 'aws.states', ruleName: request.stateMachineName };
  const waits = request.resource.endsWith(WAIT_FOR_TOKEN);
  const resource = waits ? request.resource.slice(0, -WAIT_FOR_TOKEN.length) : request.resource;
  if (LAMBDA_ARN.test(resource) && !waits) return invokeFunction(ports, resource, request.input, trigger);
  if (/^arn:aws[a-z-]*:states:::lambda:invoke$/.test(resource)) {
    const parameters = isPlainObject(request.input) ? request.input : {};
    if (typeof parameters.FunctionName !== 'string') {
      throw taskError('States.Runtime', `state ${request.stateName}: lambda:invoke needs a FunctionName`);
    }
    const payload = parameters.Payload ?? {};
    if (parameters.InvocationType === 'Event') {
      try {
        ports.invoke(parameters.FunctionName, payload, trigger);
      } catch (error) {
        throw taskError('Lambda.ResourceNotFoundException', (error as Error).message);
      }
      if (waits) return request.waitForToken();
      return { Payload: '', StatusCode: 202, ...metadata() };
    }
    const result = await invokeFunction(ports, parameters.FunctionName, payload, trigger);
    if (waits) return request.waitForToken();
    return { ExecutedVersion: '$LATEST', Payload: result, StatusCode: 200, ...metadata() };
  }
  if (/^arn:aws[a-z-]*:states:::sns:publish$/.test(resource)) {
    const messageId = await publish(ports, request);
    if (waits) return request.waitForToken();
    return { MessageId: messageId, ...metadata() };
  }
  throw taskError(
    'LocalCloud.UnsupportedResource',
    `state ${request.stateName}: the local Step Functions runs Lambda functions, lambda:invoke and sns:publish (also .waitForTaskToken), not ${request.resource}`,
  );
};
