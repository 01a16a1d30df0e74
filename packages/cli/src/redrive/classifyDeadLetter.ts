import { correlationIdOf } from './correlationIdOf.js';
import type { DeadLetterMessage } from './DeadLetterMessage.js';
import type { RedrivePlan, SnsNotification, Unredrivable } from './RedrivePlan.js';

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:[^:]+(?::[^:]+)?$/;
const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:[^:]+:\d{12}:stateMachine:[^:]+$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const keep = (reason: string): Unredrivable => ({ kind: 'keep', reason });

const optional = (name: string, value: unknown): Record<string, string> =>
  typeof value === 'string' && value !== '' ? { [name]: value } : {};

/** A Lambda destination's invocation record (`version`, `requestContext`, `requestPayload`, ...). */
const fromDestinationRecord = (record: Record<string, unknown>): RedrivePlan | Unredrivable => {
  const context = isObject(record.requestContext) ? record.requestContext : {};
  const functionArn = context.functionArn;
  if (typeof functionArn !== 'string' || !LAMBDA_ARN.test(functionArn)) {
    return keep(
      `a Lambda invocation record whose requestContext.functionArn (${String(functionArn)}) is not a function ARN`,
    );
  }
  if (!('requestPayload' in record)) return keep('a Lambda invocation record without a requestPayload to re-send');
  const response = isObject(record.responsePayload) ? record.responsePayload : {};
  const correlationId = correlationIdOf(record.requestPayload);
  return {
    kind: 'redrive',
    source: 'lambda-destination',
    action: { type: 'invoke', functionArn, payload: record.requestPayload },
    ...(correlationId === undefined ? {} : { correlationId }),
    ...optional('errorCode', response.errorType ?? context.condition),
    ...optional('errorMessage', response.errorMessage),
  };
};

/** An EventBridge target's dead letter: the event as the body, the target in `TARGET_ARN`. */
const fromEventBridgeTarget = (message: DeadLetterMessage): RedrivePlan | Unredrivable => {
  const target = message.attributes.TARGET_ARN;
  let event: unknown;
  try {
    event = JSON.parse(message.body);
  } catch {
    return keep(`an EventBridge dead letter for ${target} whose body is not the JSON event`);
  }
  const errors = {
    ...optional('errorCode', message.attributes.ERROR_CODE),
    ...optional('errorMessage', message.attributes.ERROR_MESSAGE),
  };
  const correlationId = correlationIdOf(event);
  const correlation = correlationId === undefined ? {} : { correlationId };
  if (LAMBDA_ARN.test(target)) {
    return {
      kind: 'redrive',
      source: 'eventbridge-target',
      action: { type: 'invoke', functionArn: target, payload: event },
      ...correlation,
      ...errors,
    };
  }
  if (STATE_MACHINE_ARN.test(target)) {
    return {
      kind: 'redrive',
      source: 'eventbridge-target',
      action: { type: 'startExecution', stateMachineArn: target, input: message.body },
      ...correlation,
      ...errors,
    };
  }
  return keep(
    `an EventBridge dead letter for target ${target}, which is neither a Lambda function nor a state machine`,
  );
};

/** An SNS subscription's dead letter: the notification (`Type: Notification`, `TopicArn`, `Message`). */
const fromSnsNotification = (message: DeadLetterMessage, body: Record<string, unknown>): RedrivePlan => {
  const notification = body as unknown as SnsNotification;
  const correlationId = correlationIdOf(notification.Message);
  return {
    kind: 'redrive',
    source: 'sns-subscription',
    action: { type: 'snsSubscribers', topicArn: notification.TopicArn, notification },
    ...(correlationId === undefined ? {} : { correlationId }),
    ...optional('errorCode', message.attributes.ErrorCode),
    ...optional('errorMessage', message.attributes.ErrorMessage),
  };
};

/**
 * Works out where a dead letter failed and what re-sending it means, from the shapes AWS
 * documents:
 * - a Lambda on-failure destination's invocation record (`version`, `requestContext.functionArn`,
 *   `requestPayload`, `responsePayload`): invoke the function again, asynchronously, with the payload;
 * - an EventBridge target's dead letter (the event as the body, `RULE_ARN`, `TARGET_ARN`,
 *   `ERROR_CODE`, `ERROR_MESSAGE` attributes): invoke the function or start the state machine with the event;
 * - an SNS subscription's dead letter (the notification: `Type`, `TopicArn`, `Message`): hand the
 *   message, as an SNS event, to the function subscribed with this queue as its dead-letter queue.
 *
 * Anything else is kept in the queue, with the reason.
 */
export const classifyDeadLetter = (message: DeadLetterMessage): RedrivePlan | Unredrivable => {
  if (message.attributes.TARGET_ARN !== undefined) return fromEventBridgeTarget(message);
  let body: unknown;
  try {
    body = JSON.parse(message.body);
  } catch {
    return keep(
      'the body is not JSON, nor is there a TARGET_ARN attribute: not a dead letter of Lambda, EventBridge or SNS',
    );
  }
  if (!isObject(body))
    return keep('the body is JSON but not an object: not a dead letter of Lambda, EventBridge or SNS');
  if (isObject(body.requestContext) && typeof body.version === 'string') return fromDestinationRecord(body);
  if (body.Type === 'Notification' && typeof body.TopicArn === 'string' && typeof body.Message === 'string') {
    return fromSnsNotification(message, body);
  }
  if (message.attributes.RequestID !== undefined && message.attributes.ErrorCode !== undefined) {
    return keep(
      'a Lambda dead-letter queue message (DeadLetterConfig): it does not say which function failed; re-send it by hand',
    );
  }
  return keep('neither a Lambda invocation record, an EventBridge target dead letter nor an SNS notification');
};
