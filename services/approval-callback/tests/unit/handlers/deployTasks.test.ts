import 'aws-sdk-client-mock-jest';
import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  DescribeModelCommand,
  SageMakerClient,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { SageMakerHosting } from '../../../src/adapters/SageMakerHosting.js';
import type { DeploymentTaskInput } from '../../../src/app/deploy/DeploymentState.js';
import { createDeployCheckHandler } from '../../../src/handlers/deployCheck.js';
import { createDeployCreateModelHandler } from '../../../src/handlers/deployCreateModel.js';
import { createDeployStartHandler } from '../../../src/handlers/deployStart.js';
import { approvedInput, deployConfig } from '../../support/deployFakes.js';
import { awsError, FixedClock, packageArn } from '../../support/fakes.js';
import { lambdaContext } from '../../support/lambdaContext.js';

const sagemaker = mockClient(SageMakerClient);

/** The state of a deployment of churn version 3 that holds the endpoint's lease. */
const APPROVAL_ID = 'ap-0123456789abcdef0123';
const acquired: DeploymentTaskInput = {
  ...approvedInput(3, APPROVAL_ID),
  deployment: {
    outcome: 'acquired',
    deploymentId: APPROVAL_ID,
    endpointName: 'churn',
    variantName: 'AllTraffic',
    strategy: 'canary',
    modelName: 'churn-v3',
    endpointConfigName: 'churn-v3',
    startedAt: '2026-03-02T12:00:00.000Z',
    deadline: '2026-03-02T13:30:00.000Z',
  },
};

const dependencies = () => ({
  config: deployConfig(),
  stage: 'dev',
  dataBucket: 'fleet-data',
  ports: { hosting: new SageMakerHosting(new SageMakerClient({})), clock: new FixedClock('2026-03-02T12:10:00.000Z') },
});

const notFound = (what: string) => awsError('ValidationException', `Could not find ${what} "arn:aws:sagemaker:x".`);

beforeEach(() => {
  sagemaker.reset();
});

describe('deployment tasks over the SageMaker SDK', () => {
  it('creates the model with Containers [{ ModelPackageName }] and the execution role when DescribeModel finds none', async () => {
    // Prepare
    sagemaker.on(DescribeModelCommand).rejects(notFound('model'));
    sagemaker.on(CreateModelCommand).resolves({ ModelArn: 'arn:aws:sagemaker:x:1:model/churn-v3' });
    const handler = createDeployCreateModelHandler(dependencies);

    // Act
    const output = await handler(acquired, lambdaContext());

    // Assess
    expect(output).toEqual({ modelName: 'churn-v3', created: true });
    expect(sagemaker).toHaveReceivedCommandWith(CreateModelCommand, {
      ModelName: 'churn-v3',
      Containers: [{ ModelPackageName: packageArn('churn', 3) }],
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/fleet-sagemaker-execution',
    });
  });

  it('fails the task as DeploymentTransientError on ResourceLimitExceeded, for the state machine to retry', async () => {
    // Prepare
    sagemaker.on(DescribeModelCommand).rejects(notFound('model'));
    sagemaker.on(CreateModelCommand).rejects(awsError('ResourceLimitExceeded', 'too many models'));
    const handler = createDeployCreateModelHandler(dependencies);

    // Act
    const outcome = handler(acquired, lambdaContext());

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'DeploymentTransientError',
      message: 'ResourceLimitExceeded: too many models',
    });
  });

  it('fails the task as DeploymentValidationError with SageMaker message on a ValidationException', async () => {
    // Prepare
    sagemaker.on(DescribeEndpointCommand).resolves({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v2' });
    sagemaker.on(UpdateEndpointCommand).rejects(awsError('ValidationException', 'CanarySize must be less than 50%'));
    const handler = createDeployStartHandler(dependencies);

    // Act
    const outcome = handler(acquired, lambdaContext());

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'DeploymentValidationError',
      message: 'ValidationException: CanarySize must be less than 50%',
    });
  });

  it('sends UpdateEndpoint the blue/green DeploymentConfig', async () => {
    // Prepare
    sagemaker.on(DescribeEndpointCommand).resolves({ EndpointStatus: 'InService', EndpointConfigName: 'churn-v2' });
    sagemaker.on(UpdateEndpointCommand).resolves({ EndpointArn: 'arn:aws:sagemaker:x:1:endpoint/churn' });
    const handler = createDeployStartHandler(dependencies);

    // Act
    await handler(acquired, lambdaContext());

    // Assess
    expect(sagemaker).toHaveReceivedCommandWith(UpdateEndpointCommand, {
      EndpointName: 'churn',
      EndpointConfigName: 'churn-v3',
      DeploymentConfig: expect.objectContaining({
        BlueGreenUpdatePolicy: expect.objectContaining({
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 },
            WaitIntervalInSeconds: 600,
          },
        }),
      }),
    });
    expect(sagemaker).not.toHaveReceivedCommand(CreateEndpointConfigCommand);
  });

  it('reads InService on the old configuration as a rollback, with the FailureReason', async () => {
    // Prepare
    sagemaker.on(DescribeEndpointCommand).resolves({
      EndpointStatus: 'InService',
      EndpointConfigName: 'churn-v2',
      FailureReason: 'Update was rolled back because the following CloudWatch alarms were in ALARM state: [x].',
    });
    const handler = createDeployCheckHandler(dependencies);

    // Act
    const outcome = await handler(acquired, lambdaContext());

    // Assess
    expect(outcome).toEqual({
      outcome: 'rolled_back',
      message:
        'InService on churn-v2, not churn-v3: Update was rolled back because the following CloudWatch alarms were in ALARM state: [x].',
    });
  });

  it('reads an update in progress as updating', async () => {
    // Prepare
    sagemaker.on(DescribeEndpointCommand).resolves({
      EndpointStatus: 'Updating',
      EndpointConfigName: 'churn-v2',
      PendingDeploymentSummary: { EndpointConfigName: 'churn-v3', ProductionVariants: [] },
    });
    const handler = createDeployCheckHandler(dependencies);

    // Act
    const outcome = await handler(acquired, lambdaContext());

    // Assess
    expect(outcome).toEqual({ outcome: 'updating', status: 'Updating' });
  });
});
