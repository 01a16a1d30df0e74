import type { RedriveOutcome } from './redriveQueue.js';

const why = (outcome: RedriveOutcome): string => {
  if (outcome.outcome === 'kept') return '';
  const error =
    outcome.errorCode === undefined && outcome.errorMessage === undefined
      ? ''
      : ` (failed with ${[outcome.errorCode, outcome.errorMessage].filter((part) => part !== undefined).join(': ')})`;
  const correlation = outcome.correlationId === undefined ? '' : ` correlation ${outcome.correlationId}`;
  return `${error}${correlation}`;
};

/**
 * The lines `fleet redrive` prints: one per dead letter (re-sent, would be re-sent, or kept with
 * the reason), then the totals.
 *
 * @example
 * formatRedrive('fleet-dev-dlq', [], false) // ['fleet-dev-dlq: no messages to redrive']
 */
export const formatRedrive = (queueName: string, outcomes: readonly RedriveOutcome[], dryRun: boolean): string[] => {
  if (outcomes.length === 0) return [`${queueName}: no messages to redrive`];
  const lines = [`${dryRun ? 'Plan for' : 'Redrive of'} ${queueName}:`];
  for (const outcome of outcomes) {
    if (outcome.outcome === 'kept') {
      lines.push(`  kept      ${outcome.messageId}  ${outcome.reason}`);
    } else {
      const verb = outcome.outcome === 'planned' ? 'would send' : 'redriven ';
      lines.push(`  ${verb}  ${outcome.messageId}  ${outcome.source} → ${outcome.targets.join(', ')}${why(outcome)}`);
    }
  }
  const count = (kind: RedriveOutcome['outcome']) => outcomes.filter((outcome) => outcome.outcome === kind).length;
  const kept = count('kept');
  lines.push(
    dryRun
      ? `${count('planned')} would be re-sent, ${kept} would stay in the queue (dry run: nothing sent, recorded or deleted)`
      : `${count('redriven')} redriven and recorded, ${kept} kept in the queue`,
  );
  return lines;
};
