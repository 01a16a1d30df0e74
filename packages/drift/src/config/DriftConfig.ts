import * as z from 'zod';
import { driftTestNames, isHypothesisTest } from '../feature/DriftTest.js';

/** Settings of one feature; each overrides the default for that feature only. */
export const FeatureSettings = z
  .strictObject({
    test: z.enum(driftTestNames).optional(),
    /** Significance level for `ks`/`chi-squared`, distance threshold otherwise. */
    threshold: z.number().positive().optional(),
    /** A drift in this feature alone marks the dataset drifted. */
    critical: z.boolean().optional(),
  })
  .superRefine((settings, ctx) => {
    if (
      settings.test &&
      isHypothesisTest(settings.test) &&
      settings.threshold !== undefined &&
      settings.threshold >= 1
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `must be below 1: it is the significance level of the ${settings.test} test`,
      });
    }
  });

/**
 * Drift settings: the decision rule, per-feature overrides, and the model's output and label
 * columns.
 *
 * Every field has a default, so `{}` is a complete configuration: at most `smallSampleRows`
 * baseline rows run KS and chi-squared with Benjamini-Hochberg adjusted p-values at `alpha`;
 * above it, normalised Wasserstein and Jensen-Shannon distances with threshold 0.1.
 */
export const DriftConfig = z.strictObject({
  alpha: z.number().gt(0).lt(1).default(0.05),
  /** Fewer current (or baseline) rows than this gives `insufficient_data`. */
  minRows: z.number().int().positive().default(100),
  /** When set, the dataset drifts when at least this share of features drifts (critical features still count alone). */
  driftShare: z.number().gt(0).lte(1).optional(),
  /** Baselines up to this many rows use hypothesis tests; larger ones use distances. */
  smallSampleRows: z.number().int().positive().default(1000),
  /** Multiple-testing correction of the p-values across features. */
  correction: z.enum(['benjamini-hochberg', 'bonferroni', 'none']).default('benjamini-hochberg'),
  features: z.record(z.string().min(1), FeatureSettings).default({}),
  prediction: z
    .strictObject({
      column: z.string().min(1),
      /** Scores at or above this are the positive class when the column holds scores in [0, 1]. */
      threshold: z.number().gt(0).lt(1).default(0.5),
    })
    .optional(),
  labels: z
    .strictObject({
      column: z.string().min(1),
      positive: z
        .union([z.string().min(1), z.number(), z.boolean()])
        .transform(String)
        .optional(),
    })
    .optional(),
  quality: z
    .strictObject({
      /** Largest tolerated fall of any metric below the baseline's, in absolute terms (0.05 = 5 points). */
      allowedDrop: z.number().min(0).max(1).default(0.05),
    })
    .default({ allowedDrop: 0.05 }),
});

/** Drift settings as written in a file or passed by a caller: every field optional. */
export type DriftConfigInput = z.input<typeof DriftConfig>;
/** Drift settings after validation, with every default applied. */
export type DriftConfig = z.output<typeof DriftConfig>;
/** One feature's settings after validation. */
export type FeatureSettings = z.output<typeof FeatureSettings>;
