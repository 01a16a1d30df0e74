import * as z from 'zod';
import { APPROVAL_ID_PATTERN } from '../domain/approvalId.js';

const isoTime = z.iso.datetime({ offset: true });
const metrics = z.record(z.string(), z.number());

/**
 * The message the state machine publishes to the approvals topic with its task token
 * (`arn:aws:states:::sns:publish.waitForTaskToken`, see serverless.yml).
 */
export const ApprovalRequestMessageSchema = z.object({
  taskToken: z.string().min(1).max(2048),
  approvalId: z.string().regex(APPROVAL_ID_PATTERN),
  model: z.string().min(1),
  modelPackageArn: z.string().min(1),
  modelPackageVersion: z.number().int().nonnegative(),
  attempt: z.number().int().positive(),
  correlationId: z.string().min(1),
  executionArn: z.string().min(1),
  requestedAt: isoTime,
  expiresAt: isoTime,
  metrics,
  championMetrics: metrics.nullable(),
});
