import * as z from 'zod';

/** `requestAgain`'s input: the package whose approval expired. */
export const RequestAgainInput = z.object({
  modelPackageArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sagemaker:[^:]+:\d{12}:model-package\/.+\/\d+$/, 'expected a versioned model package ARN'),
  correlationId: z.string().min(1).optional(),
});

/** `decide`'s input: an operator's decision on an approval id. */
export const DecideInput = z.object({
  approvalId: z.string().min(1),
  decision: z.enum(['approved', 'rejected']),
  decidedBy: z.string().min(1).max(256),
  reason: z.string().min(1).max(900),
});
