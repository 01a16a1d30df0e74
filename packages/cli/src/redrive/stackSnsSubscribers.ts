/**
 * The Lambda subscriptions of a topic whose redrive policy names a queue, as the fleet's stacks
 * (`serverless.yml` files under `rootDir`) declare them for a stage.
 *
 * SNS's own API cannot say which subscription a dead letter came from; the stacks can: the
 * subscription whose `redrivePolicy` is this queue. The region and account come from the queue's
 * ARN, so the function ARNs are those of the deployed stacks. The subscription ARN is not known
 * without SNS; the re-wrapped event carries `<topic ARN>:redrive` instead. The stack reader is
 * loaded only when an SNS dead letter needs it (it comes with the local cloud's package).
 */
export const stackSnsSubscribers = (options: { rootDir: string; stage: string }) => {
  return async (topicArn: string, queueArn: string): Promise<{ subscriptionArn: string; functionArn: string }[]> => {
    const [, , , region, accountId] = queueArn.split(':');
    const { readStacks } = await import('@fleet/local-cloud');
    const read = readStacks({ rootDir: options.rootDir, stage: options.stage, region, accountId, environment: {} });
    return read.sns.subscriptions
      .filter((subscription) => subscription.topicArn === topicArn && subscription.deadLetterQueueArn === queueArn)
      .map((subscription) => ({
        subscriptionArn: `${topicArn}:redrive`,
        functionArn: `arn:aws:lambda:${region}:${accountId}:function:${subscription.target.deployedName}`,
      }));
  };
};
