import { S3Client } from '@aws-sdk/client-s3';
import { createObservability } from '@fleet/shared';
import type { EvaluationReader } from '../../app/ports.js';
import { S3EvaluationReader } from '../S3EvaluationReader.js';
import { defaultMaxAttempts } from './coreDependencies.js';
import { serviceName } from './serviceName.js';

/**
 * The evaluation reader over S3. S3 stand-ins need path-style URLs: `AWS_S3_FORCE_PATH_STYLE=true`.
 */
export const evaluationsFromEnv = (env: NodeJS.ProcessEnv, maxAttempts = defaultMaxAttempts): EvaluationReader => {
  const { tracer } = createObservability(serviceName);
  const forcePathStyle = env.AWS_S3_FORCE_PATH_STYLE?.trim().toLowerCase() === 'true';
  return new S3EvaluationReader(tracer.captureAWSv3Client(new S3Client({ maxAttempts, forcePathStyle })));
};
