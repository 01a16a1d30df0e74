import { DescribeRuleCommand, DisableRuleCommand, EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { FleetCloud } from '../local/FleetCloud.js';
import { DRIVER_MAX_ATTEMPTS } from './demoFaults.js';

/** The nightly schedule rule the demo switched off, and its state before and after. */
export type DemoNightlySchedule = {
  ruleName: string;
  scheduleExpression?: string;
  stateBefore?: string;
  state?: string;
};

/** The trigger-retraining function the nightly schedule rule starts. */
const SCHEDULE_FUNCTION = 'scheduleTick';
const TRIGGER_SERVICE = 'fleet-trigger-retraining';

/**
 * Switches off the nightly retraining schedule as an operator would on AWS: EventBridge
 * `DisableRule` on trigger-retraining's schedule rule, through the SDK's client against the local
 * EventBridge, then `DescribeRule` to read its state back. A disabled rule does not fire.
 *
 * Each nightly run registers a package that waits for approval, and a model whose package waits
 * for approval is not retrained for drift (`model-busy`): without the schedule, the drift retrain
 * is the one that runs.
 *
 * @throws Error when trigger-retraining declares no schedule rule; the SDK's error when a call fails
 */
export const switchOffNightlySchedule = async (fleet: FleetCloud): Promise<DemoNightlySchedule> => {
  const { cloud } = fleet;
  const rule = cloud.rules.schedules.find(
    (schedule) => schedule.service === TRIGGER_SERVICE && schedule.functionName === SCHEDULE_FUNCTION,
  );
  if (rule === undefined) {
    throw new Error(`${TRIGGER_SERVICE} declares no schedule rule for ${SCHEDULE_FUNCTION} in its serverless.yml`);
  }
  const client = new EventBridgeClient({
    endpoint: cloud.endpoints.eventbridge,
    region: cloud.names.region,
    maxAttempts: DRIVER_MAX_ATTEMPTS,
  });
  try {
    const before = await client.send(new DescribeRuleCommand({ Name: rule.ruleName }));
    await client.send(new DisableRuleCommand({ Name: rule.ruleName }));
    const after = await client.send(new DescribeRuleCommand({ Name: rule.ruleName }));
    return {
      ruleName: rule.ruleName,
      ...(after.ScheduleExpression === undefined ? {} : { scheduleExpression: after.ScheduleExpression }),
      ...(before.State === undefined ? {} : { stateBefore: before.State }),
      ...(after.State === undefined ? {} : { state: after.State }),
    };
  } finally {
    client.destroy();
  }
};
