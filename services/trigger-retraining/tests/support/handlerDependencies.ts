import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventPublisher, parseFleetConfig } from '@fleet/shared';
import type { Context } from 'aws-lambda';
import type { TriggerDependencies } from '../../src/adapters/createDependencies.js';
import { SageMakerPipelineRunner } from '../../src/adapters/SageMakerPipelineRunner.js';
import { SchedulerDebounceScheduler } from '../../src/adapters/SchedulerDebounceScheduler.js';
import type { TriggerStore } from '../../src/domain/ports.js';
import { FixedClock } from './fakes.js';
import { InMemoryTriggerStore } from './InMemoryTriggerStore.js';

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
      store: options.store ?? new InMemoryTriggerStore(),
      runner: new SageMakerPipelineRunner(new SageMakerClient({}), () => clock.now()),
      scheduler: new SchedulerDebounceScheduler(new SchedulerClient({}), schedulerTarget),
      events: new EventPublisher({
        client: new EventBridgeClient({}),
        eventBusName: 'fleet-test',
        sleep: async () => undefined,
      }),
      clock,
      newId: () => `decision-${++n}`,
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
