import * as z from 'zod';
import { ApprovalExecutionInputSchema } from './ApprovalExecutionInput.js';

const isoTime = z.iso.datetime({ offset: true });

/**
 * What deployAcquire left at `$.deployment` when a deployment was planned (see AcquireOutput);
 * the branch ends before any task for `none`.
 */
export const DeploymentPlanSchema = z.looseObject({
  outcome: z.enum(['acquired', 'held', 'superseded']),
  deploymentId: z.string().min(1),
  endpointName: z.string().min(1),
  variantName: z.string().min(1),
  strategy: z.string().min(1),
  modelName: z.string().min(1),
  endpointConfigName: z.string().min(1),
  startedAt: isoTime,
  deadline: isoTime,
  heldBy: z.string().optional(),
  supersededBy: z.string().optional(),
});

/**
 * The input of every deployment task: the approval execution's input, and what the branch found
 * so far: `$.deployment` (the plan), `$.endpoint` (deployCheck's last look) and
 * `$.deploymentError` (a failure a `Catch` caught).
 */
export const DeploymentTaskInputSchema = ApprovalExecutionInputSchema.extend({
  deployment: DeploymentPlanSchema.optional(),
  endpoint: z
    .looseObject({
      outcome: z.string().min(1),
      message: z.string().optional(),
      status: z.string().optional(),
      endpointConfigName: z.string().optional(),
    })
    .optional(),
  deploymentError: z.looseObject({ Error: z.string().min(1), Cause: z.string().optional() }).optional(),
});
