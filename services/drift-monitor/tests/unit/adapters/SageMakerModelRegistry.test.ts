import 'aws-sdk-client-mock-jest';
import { DescribeModelPackageCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { SageMakerModelRegistry } from '../../../src/adapters/SageMakerModelRegistry.js';

const sagemaker = mockClient(SageMakerClient);
const arn = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3';

describe('SageMakerModelRegistry', () => {
  beforeEach(() => {
    sagemaker.reset();
  });

  it('returns the training execution and the evaluation report of a package', async () => {
    // Prepare
    sagemaker.on(DescribeModelPackageCommand).resolves({
      ModelPackageArn: arn,
      MetadataProperties: {
        GeneratedBy: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/x',
      },
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: 's3://b/eval.json' } } },
    });

    // Act
    const found = await new SageMakerModelRegistry(new SageMakerClient({})).describe(arn);

    // Assess
    expect(found).toEqual({
      arn,
      generatedBy: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn-retrain/execution/x',
      evaluationUri: 's3://b/eval.json',
    });
    expect(sagemaker).toHaveReceivedCommandWith(DescribeModelPackageCommand, { ModelPackageName: arn });
  });

  it('returns undefined for a package SageMaker does not know, and rethrows anything else', async () => {
    // Prepare
    const registry = new SageMakerModelRegistry(new SageMakerClient({}));
    const missing = Object.assign(new Error('Model package does not exist.'), { name: 'ValidationException' });
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    sagemaker.on(DescribeModelPackageCommand).rejectsOnce(missing).rejectsOnce(throttled);

    // Act / Assess
    await expect(registry.describe(arn)).resolves.toBeUndefined();
    await expect(registry.describe(arn)).rejects.toThrow('Rate exceeded');
  });
});
