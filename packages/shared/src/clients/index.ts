export {
  armOneTimeSchedule,
  atExpression,
  type OneTimeScheduleArming,
  type OneTimeScheduleRequest,
  OneTimeScheduler,
  type OneTimeScheduleTarget,
  oneTimeScheduleRequest,
  type ScheduleWrites,
} from './oneTimeSchedule.js';
export { type S3ChecksumMode, type S3ClientSettings, s3ClientConfig } from './s3ClientConfig.js';
