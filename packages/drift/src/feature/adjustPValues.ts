import { benjaminiHochberg, bonferroni } from '@fleet/stats';

/** How p-values are corrected for testing several features at once. */
export type Correction = 'benjamini-hochberg' | 'bonferroni' | 'none';

/**
 * Adjusts p-values for multiple testing; NaN p-values stay NaN and take no part.
 *
 * Testing ten unchanged features at 0.05 each raises an alarm on about 40% of windows;
 * Benjamini-Hochberg keeps the false alarm rate on unchanged data near alpha while losing
 * little power when several features really moved.
 */
export const adjustPValues = (pValues: readonly number[], correction: Correction): number[] => {
  const finite = pValues.flatMap((p, i) => (Number.isNaN(p) ? [] : [i]));
  const adjusted = pValues.map(() => Number.NaN);
  const raw = finite.map((i) => pValues[i]);
  const corrected =
    correction === 'benjamini-hochberg' ? benjaminiHochberg(raw) : correction === 'bonferroni' ? bonferroni(raw) : raw;
  finite.forEach((index, k) => {
    adjusted[index] = corrected[k];
  });
  return adjusted;
};
