import { classifyDeadLetter } from '../../src/redrive/classifyDeadLetter.js';
import type { DeadLetterMessage } from '../../src/redrive/DeadLetterMessage.js';

const functionArn = 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-trigger-retraining-prod-datasetValidated';
const message = (body: unknown, attributes: Record<string, string> = {}): DeadLetterMessage => ({
  messageId: 'm-1',
  receiptHandle: 'h-1',
  body: typeof body === 'string' ? body : JSON.stringify(body),
  attributes,
});

const event = {
  version: '0',
  id: 'evt-9',
  'detail-type': 'Dataset Validated',
  source: 'fleet.validate-dataset',
  detail: { correlationId: 'landing-1', dataset: 'churn' },
};

describe('classifyDeadLetter', () => {
  it("re-invokes the function of a Lambda destination's invocation record with its payload", () => {
    // Act
    const plan = classifyDeadLetter(
      message({
        version: '1.0',
        timestamp: '2025-06-02T09:00:00.000Z',
        requestContext: {
          requestId: 'r-1',
          functionArn: `${functionArn}:$LATEST`,
          condition: 'RetriesExhausted',
          approximateInvokeCount: 3,
        },
        requestPayload: event,
        responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        responsePayload: { errorType: 'PipelineStartError', errorMessage: 'starting failed' },
      }),
    );

    // Assess
    expect(plan).toEqual({
      kind: 'redrive',
      source: 'lambda-destination',
      action: { type: 'invoke', functionArn: `${functionArn}:$LATEST`, payload: event },
      correlationId: 'landing-1',
      errorCode: 'PipelineStartError',
      errorMessage: 'starting failed',
    });
  });

  it("gives an EventBridge target's event back to its Lambda target", () => {
    // Act
    const plan = classifyDeadLetter(
      message(event, {
        RULE_ARN: 'arn:aws:events:eu-west-1:123456789012:rule/fleet-prod/r',
        TARGET_ARN: functionArn,
        ERROR_CODE: 'NO_PERMISSIONS',
        ERROR_MESSAGE: 'denied',
      }),
    );

    // Assess
    expect(plan).toEqual({
      kind: 'redrive',
      source: 'eventbridge-target',
      action: { type: 'invoke', functionArn, payload: event },
      correlationId: 'landing-1',
      errorCode: 'NO_PERMISSIONS',
      errorMessage: 'denied',
    });
  });

  it('starts a state machine target again with the event as its input', () => {
    // Arrange
    const stateMachineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:fleet-approval-prod';
    const dead = message(event, { TARGET_ARN: stateMachineArn, ERROR_CODE: 'SDK_CLIENT_ERROR' });

    // Act
    const plan = classifyDeadLetter(dead);

    // Assess
    expect(plan).toMatchObject({
      source: 'eventbridge-target',
      action: { type: 'startExecution', stateMachineArn, input: dead.body },
    });
  });

  it('hands an SNS notification to the subscribers of its topic', () => {
    // Arrange
    const notification = {
      Type: 'Notification',
      MessageId: 'sns-1',
      TopicArn: 'arn:aws:sns:eu-west-1:123456789012:fleet-prod-approvals',
      Message: JSON.stringify({ correlationId: 'chain-7', approvalId: 'a1' }),
      Timestamp: '2025-06-02T09:00:00.000Z',
    };

    // Act
    const plan = classifyDeadLetter(message(notification, { ErrorCode: 'NO_RESOURCE' }));

    // Assess
    expect(plan).toEqual({
      kind: 'redrive',
      source: 'sns-subscription',
      action: { type: 'snsSubscribers', topicArn: notification.TopicArn, notification },
      correlationId: 'chain-7',
      errorCode: 'NO_RESOURCE',
    });
  });

  it.each([
    ['a body that is not JSON', message('hello')],
    ['a JSON array', message([1, 2])],
    ['an object of no known shape', message({ some: 'thing' })],
    [
      'a target that is neither a function nor a state machine',
      message(event, { TARGET_ARN: 'arn:aws:sqs:eu-west-1:123456789012:q' }),
    ],
    ['an EventBridge dead letter whose body is not JSON', message('<xml/>', { TARGET_ARN: functionArn })],
    [
      'an invocation record without a function ARN',
      message({ version: '1.0', requestContext: { condition: 'RetriesExhausted' }, requestPayload: {} }),
    ],
    ['an invocation record without a payload', message({ version: '1.0', requestContext: { functionArn } })],
    [
      'a Lambda DeadLetterConfig message, which does not name its function',
      message(event, { RequestID: 'r-1', ErrorCode: '200', ErrorMessage: 'boom' }),
    ],
  ])('keeps %s in the queue, with a reason', (_what, dead) => {
    // Act
    const plan = classifyDeadLetter(dead);

    // Assess
    expect(plan).toEqual({ kind: 'keep', reason: expect.any(String) });
  });
});
