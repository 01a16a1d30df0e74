import type { RollbackAnswer } from './invokeRollback.js';

/** `churn/3` for a model package ARN, the ARN itself when it is not one. */
const packageName = (arn: string): string => /:model-package\/(.+)$/.exec(arn)?.[1] ?? arn;

/**
 * What `fleet rollback` prints: what is deployed again, what it replaces, the execution, and how to
 * follow it.
 */
export const formatRollback = (model: string, answer: RollbackAnswer): string => {
  const follow = answer.correlationId === undefined ? '' : `fleet trace ${answer.correlationId}, `;
  return [
    `${model}: rolling back to ${packageName(answer.modelPackageArn)} (replacing ${packageName(answer.previousModelPackageArn)}) through the deployment states (canary, alarms, records)`,
    `  execution: ${answer.executionArn}`,
    `  follow it: ${follow}fleet history --model ${model}`,
    '',
  ].join('\n');
};
