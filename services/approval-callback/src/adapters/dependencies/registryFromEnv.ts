import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { createObservability } from '@fleet/shared';
import type { ModelRegistry } from '../../app/ports.js';
import { SageMakerModelRegistry } from '../SageMakerModelRegistry.js';
import { defaultMaxAttempts } from './coreDependencies.js';
import { serviceName } from './serviceName.js';

/** The SageMaker Model Registry. */
export const registryFromEnv = (maxAttempts = defaultMaxAttempts): ModelRegistry => {
  const { tracer } = createObservability(serviceName);
  return new SageMakerModelRegistry(tracer.captureAWSv3Client(new SageMakerClient({ maxAttempts })));
};
