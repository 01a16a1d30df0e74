import 'aws-sdk-client-mock-jest';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { EventPublisher, MemoryRecordsRepository } from '@fleet/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { RecordsApprovalStore } from '../../../src/adapters/RecordsApprovalStore.js';
import { S3EvaluationReader } from '../../../src/adapters/S3EvaluationReader.js';
import { SageMakerModelRegistry } from '../../../src/adapters/SageMakerModelRegistry.js';
import { StepFunctionsWorkflow } from '../../../src/adapters/StepFunctionsWorkflow.js';
import { createApplyDecisionHandler } from '../../../src/handlers/applyDecision.js';
import { createCompareHandler } from '../../../src/handlers/compare.js';
import { createRequestApprovalHandler } from '../../../src/handlers/requestApproval.js';
import { createStartApprovalHandler } from '../../../src/handlers/startApproval.js';
import { FakeLogger, FakeMetrics, FixedClock, packageArn, testConfig } from '../../support/fakes.js';
import { lambdaContext } from '../../support/lambdaContext.js';
import { loadEvent } from '../../support/loadEvent.js';
import { executionInput, requestMessage } from '../../support/scenario.js';

const sagemaker = mockClient(SageMakerClient);
const s3 = mockClient(S3Client);
const sfn = mockClient(SFNClient);
const eventBridge = mockClient(EventBridgeClient);
const stateMachineArn = 'arn:aws:states:eu-west-1:123456789012:stateMachine:fleet-test-approval';

const ports = () => ({
  store: new RecordsApprovalStore(new MemoryRecordsRepository()),
  registry: new SageMakerModelRegistry(new SageMakerClient({})),
  evaluations: new S3EvaluationReader(new S3Client({})),
  workflow: new StepFunctionsWorkflow(new SFNClient({}), stateMachineArn),
  events: new EventPublisher({
    client: new EventBridgeClient({}),
    eventBusName: 'fleet-test',
    sleep: async () => undefined,
  }),
  clock: new FixedClock('2026-03-02T12:00:00.000Z'),
  logger: new FakeLogger(),
  metrics: new FakeMetrics(),
});

/** An S3 body as the SDK gives it, reduced to the one method the reader calls. */
const body = (json: unknown) => ({ transformToString: async () => JSON.stringify(json) });

beforeEach(() => {
  for (const mock of [sagemaker, s3, sfn, eventBridge]) mock.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
});

describe('compare task', () => {
  it('asks the registry for Approved packages newest first, explicitly, and compares with the newest', async () => {
    // Prepare
    sagemaker.on(DescribeModelPackageCommand).callsFake(async (input: { ModelPackageName: string }) => ({
      ModelPackageArn: input.ModelPackageName,
      ModelPackageGroupName: 'churn',
      ModelApprovalStatus: input.ModelPackageName.endsWith('/3') ? 'PendingManualApproval' : 'Approved',
      ModelMetrics: {
        ModelQuality: {
          Statistics: {
            ContentType: 'application/json',
            S3Uri: `s3://fleet-data/${input.ModelPackageName.slice(-1)}.json`,
          },
        },
      },
    }));
    sagemaker.on(ListModelPackagesCommand).resolves({
      ModelPackageSummaryList: [
        {
          ModelPackageArn: packageArn('churn', 2),
          ModelPackageGroupName: 'churn',
          CreationTime: new Date('2026-02-01T00:00:00Z'),
          ModelPackageStatus: 'Completed',
          ModelApprovalStatus: 'Approved',
        },
        {
          ModelPackageArn: packageArn('churn', 1),
          ModelPackageGroupName: 'churn',
          CreationTime: new Date('2026-01-01T00:00:00Z'),
          ModelPackageStatus: 'Completed',
          ModelApprovalStatus: 'Approved',
        },
      ],
    });
    s3.on(GetObjectCommand, { Bucket: 'fleet-data', Key: '3.json' }).resolves({
      Body: body({ metrics: { roc_auc: { value: 0.84 } } }),
    } as never);
    s3.on(GetObjectCommand, { Bucket: 'fleet-data', Key: '2.json' }).resolves({
      Body: body({ metrics: { roc_auc: { value: 0.82 } } }),
    } as never);
    const deps = { config: testConfig(), ports: ports() };
    const handler = createCompareHandler(() => deps);

    // Act
    const comparison = await handler(executionInput(3), lambdaContext());

    // Assess
    expect(sagemaker).toHaveReceivedCommandWith(ListModelPackagesCommand, {
      ModelPackageGroupName: 'churn',
      ModelApprovalStatus: 'Approved',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
    });
    expect(comparison.champion).toEqual({ modelPackageArn: packageArn('churn', 2), source: 'registry', value: 0.82 });
    expect(comparison.gate.passed).toBe(true);
  });

  it('fails with SageMakerTransientError, which the state machine retries, when SageMaker throttles', async () => {
    // Prepare
    sagemaker
      .on(DescribeModelPackageCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const deps = {
      config: testConfig(),
      ports: { ...ports(), registry: new SageMakerModelRegistry(new SageMakerClient({ maxAttempts: 1 })) },
    };
    const handler = createCompareHandler(() => deps);

    // Assess
    await expect(handler(executionInput(3), lambdaContext())).rejects.toMatchObject({
      name: 'SageMakerTransientError',
    });
  });
});

describe('apply task', () => {
  it('updates the package with its status and description and emits Approval Decided', async () => {
    // Prepare
    sagemaker.on(UpdateModelPackageCommand).resolves({ ModelPackageArn: packageArn('churn', 3) });
    const deps = { config: testConfig(), ports: ports() };
    const handler = createApplyDecisionHandler(() => deps);
    const input = {
      ...executionInput(3),
      comparison: {
        metric: 'roc_auc',
        challenger: 0.84,
        metrics: { roc_auc: 0.84 },
        champion: null,
        championMetrics: null,
        gate: { passed: true, reason: 'roc_auc 0.84 vs no champion' },
        expiresAt: '2026-03-03T12:00:00.000Z',
      },
      decision: {
        decision: 'rejected',
        decidedBy: 'U0BOB',
        decidedByName: 'bob',
        decidedAt: '2026-03-02T12:03:00.000Z',
        reason: 'rejected in Slack',
      },
    };

    // Act
    const applied = await handler(input, lambdaContext());

    // Assess
    expect(applied.decision).toBe('rejected');
    expect(sagemaker).toHaveReceivedCommandWith(UpdateModelPackageCommand, {
      ModelPackageArn: packageArn('churn', 3),
      ModelApprovalStatus: 'Rejected',
      ApprovalDescription: 'Rejected by @bob (U0BOB) in Slack at 2026-03-02T12:03Z; roc_auc 0.84 vs no champion',
    });
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });

  it('refuses an input whose decision is not approved or rejected, naming the field', async () => {
    // Prepare
    const handler = createApplyDecisionHandler(() => ({ config: testConfig(), ports: ports() }));

    // Assess
    await expect(
      handler({ ...executionInput(3), decision: { decision: 'maybe' } }, lambdaContext()),
    ).rejects.toMatchObject({
      name: 'ValidationError',
    });
    expect(sagemaker).toHaveReceivedCommandTimes(UpdateModelPackageCommand, 0);
  });
});

describe('startApproval handler', () => {
  it('starts the execution for a pending churn package from the default bus', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).resolves({
      executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:churn-v3-a1`,
      startDate: new Date(),
    });
    const deps = { config: testConfig(), ports: ports() };
    const handler = createStartApprovalHandler(() => deps);

    // Act
    const outcome = await handler(loadEvent('model-package-pending.json'), lambdaContext());

    // Assess
    expect(outcome.status).toBe('started');
    expect(sfn).toHaveReceivedCommandWith(StartExecutionCommand, { stateMachineArn, name: 'churn-v3-a1' });
  });

  it('takes an ExecutionAlreadyExists as the execution an earlier attempt started', async () => {
    // Prepare
    sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('exists'), { name: 'ExecutionAlreadyExists' }));
    const deps = { config: testConfig(), ports: ports() };
    const handler = createStartApprovalHandler(() => deps);

    // Act
    const outcome = await handler(loadEvent('model-package-pending.json'), lambdaContext());

    // Assess
    expect(outcome).toMatchObject({
      status: 'started',
      executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:fleet-test-approval:churn-v3-a1',
    });
  });
});

describe('requestApproval handler', () => {
  it('handles the SNS message the state machine publishes', async () => {
    // Prepare
    const deps = { ports: ports() };
    const handler = createRequestApprovalHandler(() => deps);
    const event = loadEvent<{ Records: { Sns: { Message: string } }[] }>('sns-approval-request.json');
    event.Records[0]!.Sns.Message = JSON.stringify(requestMessage(3));

    // Act
    await handler(event, lambdaContext());

    // Assess
    expect((await deps.ports.store.getRequest(requestMessage(3).approvalId))?.taskToken).toBe(
      requestMessage(3).taskToken,
    );
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
  });
});
