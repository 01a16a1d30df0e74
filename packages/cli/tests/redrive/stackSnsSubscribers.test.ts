import path from 'node:path';
import { stackSnsSubscribers } from '../../src/redrive/stackSnsSubscribers.js';

const rootDir = path.join(__dirname, '..', '..', '..', '..');
const topicArn = 'arn:aws:sns:eu-west-1:123456789012:fleet-prod-approvals';

describe("stackSnsSubscribers on the fleet's stacks", () => {
  it("finds the function whose approvals subscription names the queue as its redrive policy's", async () => {
    // Act
    const subscribers = await stackSnsSubscribers({ rootDir, stage: 'prod' })(
      topicArn,
      'arn:aws:sqs:eu-west-1:123456789012:fleet-prod-approval-requests-dlq',
    );

    // Assess
    expect(subscribers).toEqual([
      {
        subscriptionArn: `${topicArn}:redrive`,
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-approval-callback-prod-requestApproval',
      },
    ]);
  });

  it('finds none for a queue no subscription names', async () => {
    // Act
    const subscribers = await stackSnsSubscribers({ rootDir, stage: 'prod' })(
      topicArn,
      'arn:aws:sqs:eu-west-1:123456789012:fleet-prod-dlq',
    );

    // Assess
    expect(subscribers).toEqual([]);
  });
});
