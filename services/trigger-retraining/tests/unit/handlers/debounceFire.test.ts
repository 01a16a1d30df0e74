import 'aws-sdk-client-mock-jest';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DescribePipelineCommand,
  ListPipelineExecutionsCommand,
  SageMakerClient,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { ValidationError } from '@fleet/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { createDatasetValidatedHandler } from '../../../src/handlers/datasetValidated.js';
import { createDebounceFireHandler } from '../../../src/handlers/debounceFire.js';
import { describedPipeline } from '../../support/describedPipeline.js';
import { handlerDependencies, lambdaContext } from '../../support/handlerDependencies.js';
import { loadEvent } from '../../support/loadEvent.js';

const sagemaker = mockClient(SageMakerClient);
const scheduler = mockClient(SchedulerClient);
const eventBridge = mockClient(EventBridgeClient);

describe('debounceFire handler', () => {
  beforeEach(() => {
    sagemaker.reset();
    scheduler.reset();
    eventBridge.reset();
    sagemaker.on(ListPipelineExecutionsCommand).resolves({ PipelineExecutionSummaries: [] });
    sagemaker.on(DescribePipelineCommand).resolves(describedPipeline());
    sagemaker.on(StartPipelineExecutionCommand).resolves({
      PipelineExecutionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/f1',
    });
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
  });

  it('starts the run for the prefix with the payload the landing armed', async () => {
    // Prepare
    const dependencies = handlerDependencies();
    await createDatasetValidatedHandler(() => dependencies)(loadEvent('dataset-validated.json'), lambdaContext);
    const input = scheduler.commandCalls(CreateScheduleCommand)[0].args[0].input.Target?.Input ?? '';
    dependencies.clock.advance(120_000);

    // Act
    const outcome = await createDebounceFireHandler(() => dependencies)(JSON.parse(input), lambdaContext);

    // Assess
    expect(outcome).toMatchObject({ status: 'started' });
    expect(sagemaker).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineParameters: expect.arrayContaining([
        { Name: 'InputDataUri', Value: 's3://fleet-dev-data-123456789012-eu-west-1/raw/churn/2024-05-01/' },
      ]),
    });
  });

  it('rejects a payload without a prefix', async () => {
    // Prepare
    const { prefix: _, ...payload } = loadEvent('debounce-fire.json');

    // Act
    const error = await createDebounceFireHandler(() => handlerDependencies())(payload, lambdaContext).catch(
      (e: unknown) => e,
    );

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain('prefix');
  });
});
