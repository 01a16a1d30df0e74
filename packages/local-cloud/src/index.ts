export * from './clock/index.js';
export { applyEnvironment } from './cloud/applyEnvironment.js';
export { encodeS3EventKey } from './cloud/encodeS3EventKey.js';
export { findRepoRoot } from './cloud/findRepoRoot.js';
export { fleetPipelineDefinitions } from './cloud/fleetPipelineDefinitions.js';
export { ClockDateInstalledError, installClockDate } from './cloud/installClockDate.js';
export { installServerDateHeader } from './cloud/installServerDateHeader.js';
export { LocalCloudError } from './cloud/LocalCloudError.js';
export type { LocalStandIn, RunningStandIn } from './cloud/LocalStandIn.js';
export { type LocalEndpoints, localCloudEnvironment } from './cloud/localCloudEnvironment.js';
export { InvalidCronExpressionError, nextCronTime } from './cloud/nextCronTime.js';
export {
  isObjectCreated,
  type ObjectCreatedEventContext,
  objectCreatedEvent,
  type S3NotificationRecord,
} from './cloud/objectCreatedEvent.js';
export { stackScheduleGroups } from './cloud/stackScheduleGroups.js';
export { startScheduleRules, type UnfiredSchedule } from './cloud/startScheduleRules.js';
export * from './demo/index.js';
export * from './eventbridge/index.js';
export * from './http/index.js';
export {
  DEFAULT_LOCAL_CLOUD_START,
  type LandedObject,
  LocalCloud,
  type LocalCloudNames,
  type LocalCloudOptions,
} from './LocalCloud.js';
export * from './lambda/index.js';
export * from './sagemaker/index.js';
export * from './scheduler/index.js';
export * from './serverless/index.js';
