export {
  type AlarmEventState,
  type AlarmStateChangeDetail,
  type AlarmStateChangeEnvelope,
  alarmStateChangeEvent,
} from './alarmStateChangeEvent.js';
export { CloudWatchStandIn } from './CloudWatchStandIn.js';
export { type CloudWatchOperations, cloudWatchHttpHandler } from './cloudWatchHttpHandler.js';
export {
  type AlarmStateValue,
  type LocalAlarm,
  LocalCloudWatch,
  type LocalCloudWatchOptions,
  type MetricAlarmDefinition,
} from './LocalCloudWatch.js';
export { readStackAlarms, type StackAlarms } from './readStackAlarms.js';
