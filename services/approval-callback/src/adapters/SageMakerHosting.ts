import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  type SageMakerClient,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import type {
  EndpointConfigRequest,
  EndpointDescription,
  EndpointHosting,
  ModelRequest,
} from '../app/deploy/DeploymentPorts.js';
import type { EndpointDeploymentConfig } from '../domain/deployment/blueGreenDeploymentConfig.js';
import { classifyDeploymentError } from '../domain/deployment/classifyDeploymentError.js';

const classified = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw classifyDeploymentError(error);
  }
};

/** SageMaker answers a Describe of a missing resource with a `ValidationException` "Could not find ...". */
const isNotFound = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ValidationException' && /Could not find/i.test(error.message);

/** A creation another run made first: found, not duplicated. */
const isAlreadyExisting = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ValidationException' && /already existing/i.test(error.message);

/** Whether a Describe finds the resource: `false` on "Could not find", the call's failure otherwise. */
const exists = async (describe: () => Promise<unknown>): Promise<boolean> => {
  try {
    await describe();
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
};

/** Runs a creation; one that finds the resource created already (a race with an earlier run) succeeds. */
const createOnce = async (create: () => Promise<unknown>): Promise<void> => {
  try {
    await create();
  } catch (error) {
    if (!isAlreadyExisting(error)) throw error;
  }
};

/**
 * SageMaker hosting over the SDK: models, endpoint configurations and endpoints. Every failure is
 * rethrown classified (`classifyDeploymentError`) after the SDK's own retries.
 */
export class SageMakerHosting implements EndpointHosting {
  readonly #client: SageMakerClient;

  constructor(client: SageMakerClient) {
    this.#client = client;
  }

  modelExists(modelName: string): Promise<boolean> {
    return classified(() => exists(() => this.#client.send(new DescribeModelCommand({ ModelName: modelName }))));
  }

  createModel(request: ModelRequest): Promise<void> {
    return classified(() =>
      createOnce(() =>
        this.#client.send(
          new CreateModelCommand({
            ModelName: request.modelName,
            Containers: [{ ModelPackageName: request.modelPackageArn }],
            ExecutionRoleArn: request.executionRoleArn,
          }),
        ),
      ),
    );
  }

  endpointConfigExists(endpointConfigName: string): Promise<boolean> {
    return classified(() =>
      exists(() => this.#client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: endpointConfigName }))),
    );
  }

  createEndpointConfig(request: EndpointConfigRequest): Promise<void> {
    const capture = request.dataCapture;
    return classified(() =>
      createOnce(() =>
        this.#client.send(
          new CreateEndpointConfigCommand({
            EndpointConfigName: request.endpointConfigName,
            ProductionVariants: [
              {
                VariantName: request.variantName,
                ModelName: request.modelName,
                InstanceType: request.instanceType as never,
                InitialInstanceCount: request.instanceCount,
              },
            ],
            ...(capture === undefined
              ? {}
              : {
                  DataCaptureConfig: {
                    EnableCapture: true,
                    InitialSamplingPercentage: capture.samplingPercent,
                    DestinationS3Uri: capture.destinationS3Uri,
                    CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
                    CaptureContentTypeHeader: { CsvContentTypes: capture.csvContentTypes },
                  },
                }),
          }),
        ),
      ),
    );
  }

  describeEndpoint(endpointName: string): Promise<EndpointDescription | undefined> {
    return classified(async () => {
      try {
        const out = await this.#client.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
        return {
          status: out.EndpointStatus ?? 'Unknown',
          ...(out.EndpointConfigName === undefined ? {} : { endpointConfigName: out.EndpointConfigName }),
          ...(out.PendingDeploymentSummary?.EndpointConfigName === undefined
            ? {}
            : { pendingEndpointConfigName: out.PendingDeploymentSummary.EndpointConfigName }),
          ...(out.FailureReason === undefined ? {} : { failureReason: out.FailureReason }),
        };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    });
  }

  createEndpoint(endpointName: string, endpointConfigName: string): Promise<void> {
    return classified(async () => {
      await this.#client.send(
        new CreateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: endpointConfigName }),
      );
    });
  }

  updateEndpoint(endpointName: string, endpointConfigName: string, config: EndpointDeploymentConfig): Promise<void> {
    return classified(async () => {
      await this.#client.send(
        new UpdateEndpointCommand({
          EndpointName: endpointName,
          EndpointConfigName: endpointConfigName,
          DeploymentConfig: config,
        }),
      );
    });
  }
}
