import { createHash } from 'node:crypto';
import type { Trigger } from '@fleet/shared';

/**
 * The deterministic `ClientRequestToken` of one trigger of one pipeline: 64 hex characters.
 *
 * It is the SHA-256 of the SageMaker pipeline name and the trigger's identity, so every
 * delivery of the same trigger yields the same token. The token keys the idempotency record
 * (the duplicate guard) and is passed to StartPipelineExecution, whose idempotency then
 * covers a retry after a crash between the two. SageMaker accepts 32 to 128 characters.
 */
export const clientRequestToken = (pipelineName: string, trigger: Trigger): string =>
  createHash('sha256').update(`${pipelineName}\n${trigger.kind}\n${trigger.id}`).digest('hex');
