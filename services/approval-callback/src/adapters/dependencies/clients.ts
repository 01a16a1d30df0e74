import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createObservability, EventPublisher } from '@fleet/shared';
import type { ApprovalEvents } from '../../app/ports.js';
import { defaultMaxAttempts, requiredEnv } from './coreDependencies.js';
import { serviceName } from './serviceName.js';

/**
 * The fleet bus publisher (`EVENT_BUS_NAME`).
 *
 * @throws ConfigError naming a missing variable
 */
export const eventsFromEnv = (env: NodeJS.ProcessEnv, maxAttempts = defaultMaxAttempts): ApprovalEvents => {
  const { tracer, logger } = createObservability(serviceName);
  return new EventPublisher({
    client: tracer.captureAWSv3Client(new EventBridgeClient({ maxAttempts })),
    eventBusName: requiredEnv(env, 'EVENT_BUS_NAME'),
    logger,
  });
};
