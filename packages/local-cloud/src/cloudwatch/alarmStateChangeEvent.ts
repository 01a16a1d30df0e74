import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from '@fleet/shared';
import { eventTime } from '../eventbridge/LocalEvent.js';

/** One state of an alarm, as the event writes it. */
export type AlarmEventState = { value: string; reason: string; reasonData?: string; timestamp: string };

/** The detail of a `CloudWatch Alarm State Change` event. */
export type AlarmStateChangeDetail = {
  alarmName: string;
  state: AlarmEventState;
  previousState: AlarmEventState;
  configuration: {
    description?: string;
    metrics: {
      id: string;
      metricStat: {
        metric: { namespace?: string; name?: string; dimensions: Record<string, string> };
        period?: number;
        stat?: string;
      };
      returnData: boolean;
    }[];
  };
};

/** The alarm event as EventBridge delivers it to a rule's target. */
export type AlarmStateChangeEnvelope = EventBridgeEvent<AlarmStateChangeDetail> & {
  version: string;
  account: string;
  region: string;
};

/** CloudWatch's timestamp in alarm events: `2025-06-02T09:00:00.000+0000`. */
export const alarmEventTimestamp = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

/**
 * Builds the event CloudWatch sends to the default bus when an alarm changes state: source
 * `aws.cloudwatch`, the alarm ARN as the only resource, camelCase detail.
 */
export const alarmStateChangeEvent = (input: {
  region: string;
  accountId: string;
  alarmArn: string;
  timeMs: number;
  detail: AlarmStateChangeDetail;
}): AlarmStateChangeEnvelope => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'CloudWatch Alarm State Change',
  source: 'aws.cloudwatch',
  account: input.accountId,
  time: eventTime(input.timeMs),
  region: input.region,
  resources: [input.alarmArn],
  detail: input.detail,
});
