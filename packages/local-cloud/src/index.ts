export { AWS_DEFAULTS } from './aws/awsDefaults.js';
export { ClockCallbackError, ClockStateError, InvalidDurationError } from './clock/errors.js';
export { type ClockTimer, LocalClock, type PendingTimer, type TickResult } from './clock/LocalClock.js';
export type { DurationInput } from './clock/parseDuration.js';
export { ClockDateInstalledError } from './cloud/installClockDate.js';
export { LocalCloudError } from './cloud/LocalCloudError.js';
export type { LocalEndpoints } from './cloud/localCloudEnvironment.js';
export {
  type AlarmStateChangeEnvelope,
  type AlarmStateValue,
  CloudWatchStandIn,
  type LocalAlarm,
  LocalCloudWatch,
  type MetricAlarmDefinition,
} from './cloudwatch/index.js';
export type { LocalEvent } from './eventbridge/LocalEvent.js';
export type {
  EventLogEntry,
  EventOrigin,
  FailedDelivery,
  InjectedEvent,
  LocalEventBridge,
} from './eventbridge/LocalEventBridge.js';
export type { UnfiredSchedule } from './eventbridge/startScheduleRules.js';
export {
  DEFAULT_FAULT_RATE,
  DEFAULT_MAX_CONSECUTIVE_FAULTS,
  FaultInjector,
  type FaultSummary,
  type InjectedFault,
  type LocalCloudFaults,
  type ServiceFaultCount,
} from './faults/index.js';
export {
  type HttpApiEvent,
  type HttpApiResponse,
  HttpApiStandIn,
  httpApiEvent,
  httpApiResponse,
  isTextContentType,
  type LocalHttpRoute,
} from './httpapi/index.js';
export {
  DEFAULT_LOCAL_CLOUD_START,
  type LandedObject,
  LocalCloud,
  type LocalCloudNames,
  type LocalCloudOptions,
} from './LocalCloud.js';
export type {
  DeadLetter,
  InvocationOutcome,
  InvocationRecord,
  InvocationResult,
  InvocationTrigger,
} from './lambda/LambdaRunner.js';
export {
  LocalPagerDuty,
  type LocalPagerDutyIncident,
  type LocalPagerDutyOptions,
  PAGERDUTY_LIMITS,
  type PagerDutyEventOutcome,
  type PagerDutyEventRecord,
  type PagerDutyFailure,
  type PagerDutySeverity,
  PagerDutyStandIn,
  type PagerDutyStandInOptions,
} from './pagerduty/index.js';
export type {
  AlarmStates,
  DataCaptureSettings,
  EndpointEventEnvelope,
  EndpointStatus,
  LocalHosting,
  ServingTarget,
} from './sagemaker/hosting/index.js';
export {
  DEFAULT_EVALUATION_METRICS,
  type EvaluationMetrics,
  type InjectedFailure,
  type LocalModelPackage,
  type LocalModelRegistry,
  type ModelApprovalStatus,
  type ModelPackageStateChangeEnvelope,
  type PipelineRegistration,
  type RegistrationMetrics,
  type RegistrationRunContext,
  type SageMakerEvent,
} from './sagemaker/index.js';
export type {
  LocalPipelineDefinition,
  LocalPipelineExecution,
  LocalSageMaker,
  PipelineParameterDeclaration,
  PipelineParameterType,
  PipelineRunContext,
  PipelineRunOutcome,
  PipelineRunPlan,
} from './sagemaker/LocalSageMaker.js';
export type { PipelineExecutionStatus } from './sagemaker/pipelineExecutionStatusChangeEvent.js';
export {
  type DataCaptureRecord,
  type LocalInvocation,
  LocalSageMakerRuntime,
  type LogisticScoring,
  type ModelScoring,
  type ModelScoringPlan,
  type ScoredModel,
  type ScoringFunction,
  type WrittenCaptureFile,
} from './sagemakerRuntime/index.js';
export type { LocalSchedule, LocalScheduler, ScheduleInvocationRecord } from './scheduler/LocalScheduler.js';
export type { FunctionTarget } from './serverless/LocalRule.js';
export {
  type LoadedServerlessRules,
  type LoadServerlessRulesOptions,
  loadServerlessRules,
} from './serverless/loadServerlessRules.js';
export type { HttpApiDefinition, HttpRouteDefinition } from './serverless/readHttpRoutes.js';
export type { SnsSubscriptionDefinition, SnsTopicDefinition, SnsTopics } from './serverless/readSnsTopics.js';
export type { StackBucket, StackResources } from './serverless/readStackResources.js';
export { type ReadStacks, readStacks } from './serverless/readStacks.js';
export {
  type LocalStateMachine,
  readStateMachines,
  resolvePackagedDefinition,
  resolveStateMachineDefinition,
  type StateMachineRule,
} from './serverless/readStateMachines.js';
export {
  BLOCK_KIT_LIMITS,
  type ClickButtonInput,
  LocalSlack,
  type LocalSlackOptions,
  type SendBlockActionInput,
  SLACK_DEFAULTS,
  type SlackActingUser,
  type SlackApiCall,
  type SlackChannel,
  type SlackChannelOption,
  type SlackFailure,
  type SlackInteractionResult,
  type SlackMessage,
  type SlackResponseUrlPost,
  SlackStandIn,
  type SlackStandInOptions,
  type SlackSurface,
  type StoredSlackMessage,
  slackSignature,
} from './slack/index.js';
export {
  MAX_SNS_MESSAGE_BYTES,
  type PublishedSnsMessage,
  type SnsLambdaEvent,
  type SnsMessageAttributeInput,
  type SnsPublishInput,
  SnsStandIn,
} from './sns/index.js';
export {
  LocalQueue,
  LocalSqs,
  MAX_SQS_MESSAGE_BYTES,
  type QueueDefinition,
  type QueuedMessage,
  type SqsMessageAttribute,
  SqsServiceError,
  SqsStandIn,
  type UndeliveredDeadLetter,
} from './sqs/index.js';
export { type LocalParameter, SsmStandIn } from './ssm/index.js';
export type { LocalStandIn, RunningStandIn, StandInContext, StandInNames } from './standIn/LocalStandIn.js';
export {
  type ExecutionStatus,
  type HistoryEvent,
  isValidExecutionName,
  type LocalExecution,
  LocalStepFunctions,
  type SnsPublishPort,
  StepFunctionsStandIn,
  type StepFunctionsStandInOptions,
} from './stepfunctions/index.js';
