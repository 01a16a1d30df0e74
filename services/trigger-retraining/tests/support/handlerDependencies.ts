import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DescribePipelineCommand,
  type DescribePipelineCommandOutput,
  ListPipelineExecutionsCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventPublisher, MemoryRecordsRepository, parseFleetConfig } from '@fleet/shared';
import type { Context } from 'aws-lambda';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { RecordsTriggerStore } from '../../src/adapters/RecordsTriggerStore.js';
import { SageMakerPipelineRunner } from '../../src/adapters/SageMakerPipelineRunner.js';
import { SchedulerDebounceScheduler } from '../../src/adapters/SchedulerDebounceScheduler.js';
import type { TriggerStore } from '../../src/app/ports.js';
import type { TriggerDependencies } from '../../src/app/TriggerDependencies.js';
import { describedPipeline } from './describedPipeline.js';
import { FakeLogger, FakeMetrics, FixedClock } from './fakes.js';

/** The configuration the handler tests run with: churn debounces landings, fraud does not. */
export const testConfigYaml = `
version: 1
models:
  churn: { pipeline: churn-retrain, datasets: [churn] }
  fraud: { pipeline: fraud-retrain, datasets: [fraud] }
pipelines:
  churn-retrain:
    parameters: { s3Uri: InputDataUri, dataset: DatasetName, trainingWindowDays: TrainingWindowDays, reason: TriggerReason }
    staticParameters: { ModelApprovalStatus: PendingManualApproval }
    guards:
      debounceSeconds: 120
      quietHours: [{ start: "23:00", end: "05:00", timeZone: Europe/Berlin }]
      criticalTriggers: [drift, manual]
  fraud-retrain:
    pipelineName: FraudRetrain
    parameters: { s3Uri: InputDataUri }
datasets:
  churn: { contract: contracts/churn.yaml }
  fraud: { contract: contracts/fraud.yaml }
`;

/** Where the debounce schedules point in tests. */
export const schedulerTarget = {
  groupName: 'fleet-trigger-retraining-test',
  targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-trigger-retraining-test-debounceFire',
  roleArn: 'arn:aws:iam::123456789012:role/fleet-trigger-retraining-test-scheduler',
};

/** A Lambda context good enough for the Powertools middlewares. */
export const lambdaContext = {
  functionName: 'fleet-trigger-retraining-test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fleet-trigger-retraining-test',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

/**
 * Handler dependencies made of the real SageMaker, Scheduler and EventBridge adapters (whose
 * SDK clients the tests mock) and the given trigger store.
 */
export const handlerDependencies = (
  options: { store?: TriggerStore; clock?: FixedClock } = {},
): TriggerDependencies & { clock: FixedClock } => {
  const clock = options.clock ?? new FixedClock('2026-03-02T12:00:00.000Z');
  let n = 0;
  return {
    clock,
    config: parseFleetConfig(testConfigYaml, { file: 'fleet.test.yaml', stage: 'test' }),
    ports: {
      store: options.store ?? new RecordsTriggerStore(new MemoryRecordsRepository()),
      runner: new SageMakerPipelineRunner(new SageMakerClient({}), () => clock.now()),
      scheduler: new SchedulerDebounceScheduler(new SchedulerClient({}), schedulerTarget),
      events: new EventPublisher({
        client: new EventBridgeClient({}),
        eventBusName: 'fleet-test',
        sleep: async () => undefined,
      }),
      clock,
      newId: () => `decision-${++n}`,
      logger: new FakeLogger(),
      metrics: new FakeMetrics(),
    },
  };
};

/** The fleet events a mocked EventBridge client received, with their details parsed. */
export const publishedEvents = (eventBridge: {
  commandCalls: (command: typeof PutEventsCommand) => { args: [{ input: unknown }] }[];
}) =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .flatMap((call) => (call.args[0].input as { Entries: PutEventsRequestEntry[] }).Entries)
    .map((entry) => ({ detailType: entry.DetailType, detail: JSON.parse(entry.Detail ?? '{}') }));

/** The mocked SDK clients behind the adapters of `handlerDependencies()`. */
export type HandlerClientMocks = {
  sagemaker: AwsClientStub<SageMakerClient>;
  scheduler: AwsClientStub<SchedulerClient>;
  eventBridge: AwsClientStub<EventBridgeClient>;
};

/**
 * Mocks the SageMaker, Scheduler and EventBridge clients that `handlerDependencies()` builds.
 *
 * Call it once, at the top of a test file: the mocks replace the clients' `send` for the whole
 * file, and `answerAsUsual` resets them before each test.
 */
export const mockHandlerClients = (): HandlerClientMocks => ({
  sagemaker: mockClient(SageMakerClient),
  scheduler: mockClient(SchedulerClient),
  eventBridge: mockClient(EventBridgeClient),
});

/** What the mocked clients answer, beyond what every handler test needs. */
export type UsualAnswers = {
  /** The DescribePipeline answer; `describedPipeline()` unless given. */
  described?: Partial<DescribePipelineCommandOutput>;
  /** The ARN a start returns, fixed or derived from the start's client request token; no answer when absent. */
  started?: string | ((clientRequestToken: string) => string);
};

/**
 * Resets the given mocks and sets the answers the handler tests share: nothing is executing,
 * the pipeline declares its parameters, a start succeeds, a schedule is created and every event
 * is accepted.
 *
 * Takes only some mocks for tests that reach SageMaker or the Scheduler another way.
 */
export const answerAsUsual = (mocks: Partial<HandlerClientMocks>, answers: UsualAnswers = {}): void => {
  const { sagemaker, scheduler, eventBridge } = mocks;
  sagemaker?.reset();
  scheduler?.reset();
  eventBridge?.reset();
  sagemaker?.on(ListPipelineExecutionsCommand).resolves({ PipelineExecutionSummaries: [] });
  sagemaker?.on(DescribePipelineCommand).resolves(answers.described ?? describedPipeline());
  const { started } = answers;
  if (typeof started === 'string') {
    sagemaker?.on(StartPipelineExecutionCommand).resolves({ PipelineExecutionArn: started });
  } else if (started !== undefined) {
    sagemaker?.on(StartPipelineExecutionCommand).callsFake(async (input: { ClientRequestToken: string }) => ({
      PipelineExecutionArn: started(input.ClientRequestToken),
    }));
  }
  scheduler?.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
  eventBridge?.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
};
