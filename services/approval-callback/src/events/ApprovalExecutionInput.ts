import * as z from 'zod';
import { APPROVAL_ID_PATTERN } from '../domain/approvalId.js';
import { ROLLBACK_ID_PATTERN } from '../domain/deployment/rollbackId.js';

const isoTime = z.iso.datetime({ offset: true });
const metrics = z.record(z.string(), z.number());

/** What an operator's rollback adds to the execution's input at `$.rollback`. */
export const RollbackRequestSchema = z.object({
  requestedBy: z.string().min(1),
  reason: z.string().min(1).optional(),
  previousModelPackageArn: z.string().min(1),
  requestedAt: isoTime,
});

/**
 * The input of an approval execution, as `startApproval` starts it (see ApprovalExecutionInput),
 * or as `rollback` starts it: `mode: 'rollback'`, its request, and the rollback's id (`rb-...`)
 * in place of the approval id.
 */
export const ApprovalExecutionInputSchema = z.looseObject({
  model: z.string().min(1),
  modelPackageGroup: z.string().min(1),
  modelPackageArn: z.string().min(1),
  modelPackageVersion: z.number().int().nonnegative(),
  attempt: z.number().int().positive(),
  approvalId: z.union([z.string().regex(APPROVAL_ID_PATTERN), z.string().regex(ROLLBACK_ID_PATTERN)]),
  correlationId: z.string().min(1),
  mode: z.literal('rollback').optional(),
  rollback: RollbackRequestSchema.optional(),
});

/** What Compare left at `$.comparison`. */
export const ComparisonSchema = z.looseObject({
  metric: z.string().min(1),
  challenger: z.number(),
  metrics,
  champion: z
    .object({ modelPackageArn: z.string().min(1), source: z.enum(['deployment', 'registry']), value: z.number() })
    .nullable(),
  championMetrics: metrics.nullable(),
  gate: z.object({ passed: z.boolean(), reason: z.string().min(1) }),
  expiresAt: isoTime,
});

/** A decision as the state machine carries it at `$.decision` (a callback's output, or the gate's). */
export const DecisionSchema = z.looseObject({
  decision: z.enum(['approved', 'rejected']),
  decidedBy: z.string().min(1),
  decidedByName: z.string().min(1).optional(),
  decidedAt: isoTime,
  reason: z.string().min(1),
});

/** The Apply task's input: the execution's input, the comparison and the decision. */
export const ApplyInputSchema = ApprovalExecutionInputSchema.extend({
  comparison: ComparisonSchema,
  decision: DecisionSchema,
});

/** The Expire task's input: the execution's input and the comparison (and the caught timeout). */
export const ExpireInputSchema = ApprovalExecutionInputSchema.extend({ comparison: ComparisonSchema });
