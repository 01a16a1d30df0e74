import { SFNClient } from '@aws-sdk/client-sfn';
import { createObservability } from '@fleet/shared';
import type { ApprovalWorkflow } from '../../app/ports.js';
import { StepFunctionsWorkflow } from '../StepFunctionsWorkflow.js';
import { defaultMaxAttempts, requiredEnv } from './coreDependencies.js';
import { serviceName } from './serviceName.js';

/**
 * The approval state machine (`APPROVAL_STATE_MACHINE_ARN`).
 *
 * @throws ConfigError naming a missing variable
 */
export const workflowFromEnv = (env: NodeJS.ProcessEnv, maxAttempts = defaultMaxAttempts): ApprovalWorkflow => {
  const { tracer } = createObservability(serviceName);
  return new StepFunctionsWorkflow(
    tracer.captureAWSv3Client(new SFNClient({ maxAttempts })),
    requiredEnv(env, 'APPROVAL_STATE_MACHINE_ARN'),
  );
};
