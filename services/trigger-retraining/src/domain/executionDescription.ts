import type { Trigger } from '@fleet/shared';

/** The longest `PipelineExecutionDescription` SageMaker accepts. */
export const maxDescriptionLength = 3072;

/**
 * The `PipelineExecutionDescription` of a run: its reason, its trigger and its correlation id.
 *
 * Someone looking at the run in SageMaker Studio sees why it started and can search the
 * fleet's logs and records by the correlation id. Cut to SageMaker's 3072 characters, the
 * reason giving way first so the correlation id survives.
 */
export const executionDescription = (input: { reason: string; trigger: Trigger; correlationId: string }): string => {
  const tail = ` [trigger ${input.trigger.kind} ${input.trigger.id}; correlationId ${input.correlationId}]`;
  const room = maxDescriptionLength - tail.length;
  if (room <= 0) return `correlationId ${input.correlationId}`.slice(0, maxDescriptionLength);
  const reason = input.reason.length > room ? `${input.reason.slice(0, Math.max(0, room - 3))}...` : input.reason;
  return `${reason}${tail}`;
};
