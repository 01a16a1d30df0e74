/** The short names operators type for the fleet's dead-letter queues, by the suffix of `fleet-<stage>-`. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  dlq: 'dlq',
  'approval-requests': 'approval-requests-dlq',
};

/**
 * The name of the queue a `fleet redrive` argument names: a queue name, a queue URL
 * (`https://sqs.<region>.amazonaws.com/<account>/<name>`), a queue ARN
 * (`arn:aws:sqs:<region>:<account>:<name>`), or a short name of the fleet's queues
 * (`dlq` → `fleet-<stage>-dlq`, `approval-requests` → `fleet-<stage>-approval-requests-dlq`).
 *
 * @example
 * queueNameOf('dlq', 'prod') // 'fleet-prod-dlq'
 * queueNameOf('arn:aws:sqs:eu-west-1:123456789012:fleet-prod-dlq', 'dev') // 'fleet-prod-dlq'
 */
export const queueNameOf = (queue: string, stage: string): string => {
  const short = SHORT_NAMES[queue];
  if (short !== undefined) return `fleet-${stage}-${short}`;
  if (queue.startsWith('arn:')) return queue.split(':').at(-1) ?? queue;
  if (/^https?:\/\//.test(queue)) {
    const path = new URL(queue).pathname.split('/').filter((segment) => segment !== '');
    return path.at(-1) ?? queue;
  }
  return queue;
};
