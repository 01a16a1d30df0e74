import 'aws-sdk-client-mock-jest';
import { StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker';
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { ValidationError } from '@fleet/shared';
import { createDatasetValidatedHandler } from '../../../src/handlers/datasetValidated.js';
import { createDebounceFireHandler } from '../../../src/handlers/debounceFire.js';
import {
  answerAsUsual,
  handlerDependencies,
  lambdaContext,
  mockHandlerClients,
} from '../../support/handlerDependencies.js';
import { loadEvent } from '../../support/loadEvent.js';

const mocks = mockHandlerClients();
const { sagemaker, scheduler } = mocks;

describe('debounceFire handler', () => {
  beforeEach(() => {
    answerAsUsual(mocks, { started: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/f1' });
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
