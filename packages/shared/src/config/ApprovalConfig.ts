import * as z from 'zod';

/**
 * How a model's new packages are approved: the quality gate, then a person within `timeoutHours`.
 *
 * `metricsPath` locates the primary metric in the evaluation JSON; it defaults to
 * `metrics.<metric>.value`, the layout SageMaker pipelines' evaluation steps write
 * (`{"metrics": {"roc_auc": {"value": 0.88}}}`). `maxRegression` is the largest allowed drop
 * against the champion, in the metric's own units. The approval issue consumes these fields.
 */
export const ApprovalConfig = z
  .strictObject({
    /** How long a request waits for a click; a Step Functions task token lives at most a year. */
    timeoutHours: z.number().positive().max(8760).default(24),
    /** The primary metric, for example `roc_auc`. */
    metric: z.string().min(1),
    /** Dotted path of the metric in the evaluation JSON; `metrics.<metric>.value` by default. */
    metricsPath: z.string().min(1).optional(),
    /** Absolute floor: a challenger below it is rejected without asking anyone. */
    minimum: z.number().optional(),
    /** Largest allowed drop against the champion; 0 means no worse than the champion. */
    maxRegression: z.number().nonnegative().default(0),
    /** What an expired request does to the package. */
    onTimeout: z.enum(['keep-pending', 'reject']).default('keep-pending'),
  })
  .transform((approval) => ({ ...approval, metricsPath: approval.metricsPath ?? `metrics.${approval.metric}.value` }));

/** A model's approval settings with defaults applied (`metricsPath` always set). */
export type ApprovalConfig = z.output<typeof ApprovalConfig>;
