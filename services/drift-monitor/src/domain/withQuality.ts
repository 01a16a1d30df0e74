import type { DriftResult, QualityDrift } from '@fleet/drift';

/**
 * Adds the quality comparison to a feature verdict: a fall beyond the allowance makes the
 * window drifted and critical. A window with too little data stays `insufficient_data`.
 */
export const withQuality = (result: DriftResult, quality: QualityDrift | undefined): DriftResult => {
  if (quality === undefined || result.status === 'insufficient_data') return result;
  if (!quality.drifted) return { ...result, quality };
  const fell = quality.metrics.filter((m) => m.drifted);
  return {
    ...result,
    quality,
    status: 'drift',
    drifted: true,
    severity: 'critical',
    reasons: [
      ...result.reasons,
      `Quality fell by more than ${quality.allowedDrop} against the serving package's evaluation: ${fell
        .map((m) => `${m.name} ${m.baseline.toFixed(3)} -> ${m.current.toFixed(3)}`)
        .join(', ')}.`,
    ],
  };
};
