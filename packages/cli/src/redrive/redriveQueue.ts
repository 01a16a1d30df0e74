import { classifyDeadLetter } from './classifyDeadLetter.js';
import type { DeadLetterMessage } from './DeadLetterMessage.js';
import type { DeadLetterSource, RedriveAction, RedrivePlan } from './RedrivePlan.js';
import type { RedrivePorts } from './RedrivePorts.js';
import { redriveRecord } from './redriveRecord.js';
import { snsEventOf } from './snsEventOf.js';

/** What happened to one dead letter. */
export type RedriveOutcome =
  | {
      messageId: string;
      outcome: 'redriven' | 'planned';
      source: DeadLetterSource;
      /** Function or state machine ARNs it was (or would be) re-sent to. */
      targets: string[];
      correlationId?: string;
      errorCode?: string;
      errorMessage?: string;
    }
  | {
      messageId: string;
      outcome: 'kept';
      reason: string;
      source?: DeadLetterSource;
      targets?: string[];
    };

/** Options of a redrive. */
export type RedriveOptions = {
  /** At most this many messages (default: all there are). */
  max?: number;
  /** Only work out and report what would be re-sent: nothing is sent, recorded or deleted. */
  dryRun?: boolean;
  /** Who asked, for the records. */
  by: string;
};

type Send = { target: string; send: () => Promise<void> };

/** The re-sends one action means (an SNS message goes to each subscribed function). */
const sendsOf = async (action: RedriveAction, ports: RedrivePorts): Promise<Send[]> => {
  switch (action.type) {
    case 'invoke':
      return [{ target: action.functionArn, send: () => ports.invokeAsync(action.functionArn, action.payload) }];
    case 'startExecution':
      return [
        {
          target: action.stateMachineArn,
          send: async () => {
            await ports.startExecution(action.stateMachineArn, action.input);
          },
        },
      ];
    case 'snsSubscribers': {
      const subscribers = await ports.snsSubscribers(action.topicArn, await ports.queue.arn());
      return subscribers.map(({ subscriptionArn, functionArn }) => ({
        target: functionArn,
        send: () => ports.invokeAsync(functionArn, snsEventOf(action.notification, subscriptionArn)),
      }));
    }
  }
};

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Re-sends what waits in a dead-letter queue to where it failed, and records it.
 *
 * Each message is classified (`classifyDeadLetter`); one it understands is re-sent (an
 * asynchronous invocation, a state machine execution, or the SNS message to the subscribed
 * function), then recorded in the queue's partition, and only then deleted. A message it does
 * not understand, whose target cannot be found, or whose re-send or record fails, stays in the
 * queue (made visible again) with the reason; a failed re-send is recorded as `failed`. With
 * `dryRun` nothing is sent, recorded or deleted. Messages are read until the queue has no
 * visible message left that was not already seen, or `max` were handled.
 */
export const redriveQueue = async (ports: RedrivePorts, options: RedriveOptions): Promise<RedriveOutcome[]> => {
  const outcomes: RedriveOutcome[] = [];
  const seen = new Set<string>();
  const kept: DeadLetterMessage[] = [];
  const max = options.max ?? Number.POSITIVE_INFINITY;
  try {
    while (outcomes.length < max) {
      const batch = (await ports.queue.receive(Math.min(10, max - outcomes.length))).filter(
        (message) => !seen.has(message.messageId),
      );
      if (batch.length === 0) break;
      for (const message of batch) {
        seen.add(message.messageId);
        const outcome = await redriveOne(message, ports, options);
        outcomes.push(outcome);
        if (outcome.outcome !== 'redriven') kept.push(message);
      }
    }
  } finally {
    for (const message of kept) await ports.queue.release(message);
  }
  return outcomes;
};

const redriveOne = async (
  message: DeadLetterMessage,
  ports: RedrivePorts,
  options: RedriveOptions,
): Promise<RedriveOutcome> => {
  const { messageId } = message;
  const plan = classifyDeadLetter(message);
  if (plan.kind === 'keep') return { messageId, outcome: 'kept', reason: plan.reason };
  let sends: Send[];
  try {
    sends = await sendsOf(plan.action, ports);
  } catch (error) {
    return {
      messageId,
      outcome: 'kept',
      source: plan.source,
      reason: `its target could not be found: ${describeError(error)}`,
    };
  }
  if (sends.length === 0) {
    return {
      messageId,
      outcome: 'kept',
      source: plan.source,
      reason: `no Lambda function is subscribed to ${plan.action.type === 'snsSubscribers' ? plan.action.topicArn : '?'} with this queue as its dead-letter queue`,
    };
  }
  const targets = sends.map((send) => send.target);
  const facts = {
    source: plan.source,
    targets,
    ...(plan.correlationId === undefined ? {} : { correlationId: plan.correlationId }),
    ...(plan.errorCode === undefined ? {} : { errorCode: plan.errorCode }),
    ...(plan.errorMessage === undefined ? {} : { errorMessage: plan.errorMessage }),
  };
  if (options.dryRun) return { messageId, outcome: 'planned', ...facts };
  const record = (decision: 'redriven' | 'failed', target: string, failure?: string) =>
    redriveRecord({
      queueName: ports.queue.name,
      messageId,
      at: ports.now().toISOString(),
      decision,
      target,
      source: plan.source,
      ...pick(plan),
      by: options.by,
      correlationId: plan.correlationId ?? `redrive-${ports.newId()}`,
      ...(failure === undefined ? {} : { failure }),
    });
  for (const { target, send } of sends) {
    try {
      await send();
    } catch (error) {
      const failure = describeError(error);
      try {
        await ports.putRecord(record('failed', target, failure));
      } catch (recordError) {
        return {
          messageId,
          outcome: 'kept',
          ...facts,
          reason: `re-sending to ${target} failed (${failure}), and so did its record (${describeError(recordError)})`,
        };
      }
      return { messageId, outcome: 'kept', ...facts, reason: `re-sending to ${target} failed: ${failure}` };
    }
  }
  try {
    for (const target of targets) await ports.putRecord(record('redriven', target));
  } catch (error) {
    return {
      messageId,
      outcome: 'kept',
      ...facts,
      reason: `re-sent, but the redrive record could not be written (${describeError(error)}); kept so it is not lost unrecorded`,
    };
  }
  await ports.queue.delete(message);
  return { messageId, outcome: 'redriven', ...facts };
};

const pick = (plan: RedrivePlan): { errorCode?: string; errorMessage?: string } => ({
  ...(plan.errorCode === undefined ? {} : { errorCode: plan.errorCode }),
  ...(plan.errorMessage === undefined ? {} : { errorMessage: plan.errorMessage }),
});
