import type { TriggerRequest } from '../../domain/TriggerRequest.js';
import { triggerIdentity } from '../../domain/triggerIdentity.js';
import type { ScheduleInput } from '../../events/ScheduleInput.js';

const ruleName = (rule: string): string => rule.slice(rule.lastIndexOf('/') + 1);

/**
 * The request a schedule tick makes: its identity is the rule and the scheduled time.
 *
 * The correlation id is the Scheduled Event's id when the input transformer passes it, else
 * the identity itself, so both deliveries of one tick share it.
 */
export const scheduleRequest = (input: ScheduleInput): TriggerRequest => {
  const trigger = triggerIdentity({ kind: 'schedule', rule: input.rule, scheduledTime: input.scheduledTime });
  const reason = input.reason ?? `scheduled by rule ${ruleName(input.rule)} at ${input.scheduledTime}`;
  return {
    pipeline: input.pipeline,
    trigger,
    reason,
    correlationId: (input.eventId ?? trigger.id).slice(0, 256),
    requested: input.parameters,
    offered: { reason },
  };
};
