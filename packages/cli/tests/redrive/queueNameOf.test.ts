import { correlationIdOf } from '../../src/redrive/correlationIdOf.js';
import { queueNameOf } from '../../src/redrive/queueNameOf.js';

describe('queueNameOf', () => {
  it.each([
    ['dlq', 'fleet-prod-dlq'],
    ['approval-requests', 'fleet-prod-approval-requests-dlq'],
    ['fleet-dev-dlq', 'fleet-dev-dlq'],
    ['https://sqs.eu-west-1.amazonaws.com/123456789012/fleet-dev-dlq', 'fleet-dev-dlq'],
    ['http://127.0.0.1:4566/123456789012/fleet-local-dlq', 'fleet-local-dlq'],
    ['arn:aws:sqs:eu-west-1:123456789012:fleet-dev-approval-requests-dlq', 'fleet-dev-approval-requests-dlq'],
  ])('reads %s as %s', (queue, name) => {
    // Act & Assess
    expect(queueNameOf(queue, 'prod')).toBe(name);
  });
});

describe('correlationIdOf', () => {
  it.each([
    ['a fleet event', { detail: { correlationId: 'a' } }, 'a'],
    ['a direct request', { correlationId: 'b', model: 'churn' }, 'b'],
    ['a Step Functions input', { input: { correlationId: 'c' } }, 'c'],
    ['an SNS notification', { Type: 'Notification', Message: '{"correlationId":"d"}' }, 'd'],
    ['an SNS event', { Records: [{ Sns: { Message: '{"correlationId":"e"}' } }] }, 'e'],
    ['a payload without one', { kind: 'debounce' }, undefined],
    ['plain text', 'hello', undefined],
  ])('finds the correlation id of %s', (_what, payload, expected) => {
    // Act & Assess
    expect(correlationIdOf(payload)).toBe(expected);
  });
});
