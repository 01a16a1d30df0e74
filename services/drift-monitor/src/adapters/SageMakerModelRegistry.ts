import { DescribeModelPackageCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { ModelPackage, ModelRegistry } from '../app/ports.js';

const isNotFound = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'ValidationException' || error.name === 'ResourceNotFound') &&
  /not (be )?found|does not exist/i.test(error.message);

/** The Model Registry through DescribeModelPackage: a package's training execution and evaluation report. */
export class SageMakerModelRegistry implements ModelRegistry {
  readonly #client: SageMakerClient;

  constructor(client: SageMakerClient) {
    this.#client = client;
  }

  async describe(modelPackageArn: string): Promise<ModelPackage | undefined> {
    try {
      const output = await this.#client.send(new DescribeModelPackageCommand({ ModelPackageName: modelPackageArn }));
      const generatedBy = output.MetadataProperties?.GeneratedBy;
      const evaluationUri = output.ModelMetrics?.ModelQuality?.Statistics?.S3Uri;
      return {
        arn: output.ModelPackageArn ?? modelPackageArn,
        ...(generatedBy === undefined ? {} : { generatedBy }),
        ...(evaluationUri === undefined ? {} : { evaluationUri }),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
