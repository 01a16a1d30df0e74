import type { DurationInput } from '../clock/parseDuration.js';
import { CloudWatchStandIn } from '../cloudwatch/CloudWatchStandIn.js';
import { DynamoDbStandIn } from '../dynamodb/DynamoDbStandIn.js';
import { EventBridgeStandIn } from '../eventbridge/EventBridgeStandIn.js';
import { HttpApiStandIn } from '../httpapi/HttpApiStandIn.js';
import { LambdaStandIn } from '../lambda/LambdaStandIn.js';
import { S3StandIn } from '../s3/S3StandIn.js';
import type { LocalPipelineDefinition } from '../sagemaker/LocalSageMaker.js';
import { SageMakerStandIn } from '../sagemaker/SageMakerStandIn.js';
import type { ModelScoringPlan } from '../sagemakerRuntime/modelScoring.js';
import { SageMakerRuntimeStandIn } from '../sagemakerRuntime/SageMakerRuntimeStandIn.js';
import { SchedulerStandIn } from '../scheduler/SchedulerStandIn.js';
import type { ReadStacks } from '../serverless/readStacks.js';
import { SnsStandIn } from '../sns/SnsStandIn.js';
import { SqsStandIn } from '../sqs/SqsStandIn.js';
import { type LocalParameter, SsmStandIn } from '../ssm/SsmStandIn.js';
import { StepFunctionsStandIn } from '../stepfunctions/StepFunctionsStandIn.js';
import { stateMachineBusRules } from '../stepfunctions/stateMachineBusRules.js';

/** The six stand-ins every local cloud has, by service, in the order they start. */
export type BuiltInStandIns = {
  dynamoDb: DynamoDbStandIn;
  s3: S3StandIn;
  /** The stacks' queues; dead letters of Lambda destinations, EventBridge targets and SNS subscriptions land there. */
  sqs: SqsStandIn;
  lambda: LambdaStandIn;
  eventBridge: EventBridgeStandIn;
  scheduler: SchedulerStandIn;
  /** Alarms of the stacks; endpoint deployments roll back on them. */
  cloudWatch: CloudWatchStandIn;
  sageMaker: SageMakerStandIn;
  /** InvokeEndpoint on the SageMaker stand-in's endpoints, with Data Capture to S3. */
  sageMakerRuntime: SageMakerRuntimeStandIn;
  /** Topics and Lambda subscriptions of the stacks; `publish` in process for Step Functions. */
  sns: SnsStandIn;
  /** Parameter Store, seeded with `LocalCloudOptions.parameters`. */
  ssm: SsmStandIn;
  /** One HTTP API per service stack with `httpApi` events. */
  httpApi: HttpApiStandIn;
  /** The stacks' state machines; `sns:publish` tasks publish through the SNS stand-in. */
  stepFunctions: StepFunctionsStandIn;
};

/**
 * Builds the built-in stand-ins from what the stacks declare: tables for DynamoDB, buckets for
 * S3, functions for Lambda, rules and schedules for EventBridge, schedule groups for Scheduler,
 * and the given pipelines for SageMaker.
 *
 * The order matters: storage first, then Lambda, then what invokes functions.
 */
export const builtInStandIns = (
  read: ReadStacks,
  sageMaker: {
    pipelines: readonly LocalPipelineDefinition[];
    defaultRunDuration?: DurationInput;
    /** How the endpoints' models score InvokeEndpoint requests. */
    modelScoring?: ModelScoringPlan;
  },
  ssm: { parameters?: Readonly<Record<string, LocalParameter>> } = {},
  /** The core stack's `serverless.yml`, whose alarms CloudWatch creates too (the services' come from `read`). */
  cloudWatch: { coreFile?: string } = {},
): BuiltInStandIns => {
  const s3 = new S3StandIn({ buckets: read.resources.buckets });
  const sqs = new SqsStandIn({ queues: read.resources.queues });
  const cloudWatchStandIn = new CloudWatchStandIn({
    files: [...(cloudWatch.coreFile === undefined ? [] : [cloudWatch.coreFile]), ...read.stacks.files],
    imports: read.stacks.imports,
    // The queues' depth feeds their AWS/SQS alarms, so a dead-letter alarm goes to ALARM with a message there.
    metric: (definition) => sqs.metricValue(definition),
  });
  const { modelScoring, ...pipelines } = sageMaker;
  // Pipelines write their evaluation reports through the S3 stand-in; endpoints watch the alarms.
  const sageMakerStandIn = new SageMakerStandIn({ ...pipelines, storage: s3, alarms: cloudWatchStandIn });
  const sns = new SnsStandIn({
    topics: read.sns.topics,
    subscriptions: read.sns.subscriptions,
    deadLetterQueues: sqs,
  });
  return {
    dynamoDb: new DynamoDbStandIn({ tables: read.resources.tables }),
    s3,
    sqs,
    lambda: new LambdaStandIn({ functions: read.functions, deadLetterQueues: sqs }),
    eventBridge: new EventBridgeStandIn({
      busName: read.stacks.customBusName,
      rules: [...read.stacks.rules, ...stateMachineBusRules(read.stacks.stateMachines)],
      schedules: read.stacks.schedules,
      deadLetterQueues: sqs,
    }),
    scheduler: new SchedulerStandIn({ scheduleGroups: read.resources.scheduleGroups }),
    cloudWatch: cloudWatchStandIn,
    sageMaker: sageMakerStandIn,
    sageMakerRuntime: new SageMakerRuntimeStandIn({
      sageMaker: sageMakerStandIn,
      storage: s3,
      ...(modelScoring === undefined ? {} : { scoring: modelScoring }),
    }),
    sns,
    ssm: new SsmStandIn(ssm),
    httpApi: new HttpApiStandIn({ apis: read.httpApis }),
    stepFunctions: new StepFunctionsStandIn({ stateMachines: read.stacks.stateMachines, publisher: sns }),
  };
};
