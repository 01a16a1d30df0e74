import * as z from 'zod';

/** `requestAgain`'s input: the package whose approval expired. */
export const RequestAgainInput = z.object({
  modelPackageArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sagemaker:[^:]+:\d{12}:model-package\/.+\/\d+$/, 'expected a versioned model package ARN'),
  correlationId: z.string().min(1).optional(),
});

/** `rollback`'s input: the model to roll back, who asks, why, and optionally the version to go back to. */
export const RollbackInput = z.object({
  model: z.string().min(1),
  requestedBy: z.string().min(1).max(256),
  reason: z.string().min(1).max(900).optional(),
  toVersion: z.number().int().positive().optional(),
});

/** `decide`'s input: an operator's decision on an approval id. */
export const DecideInput = z.object({
  approvalId: z.string().min(1),
  decision: z.enum(['approved', 'rejected']),
  decidedBy: z.string().min(1).max(256),
  reason: z.string().min(1).max(900),
});
