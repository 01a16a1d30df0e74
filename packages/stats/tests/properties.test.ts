/** Properties every correct implementation has, checked on random inputs with fast-check. */
import * as fc from 'fast-check';
import {
  chi2Sf,
  chiSquareContingency,
  chiSquareGoodnessOfFit,
  jensenShannonDistance,
  ks2Sample,
  kstwobignSf,
  kstwoSf,
  populationStabilityIndex,
  wassersteinDistance,
} from '../src/index.js';

const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
const sample = fc.array(finiteDouble, { minLength: 1, maxLength: 40 });
const tiedSample = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 });
const anySample = fc.oneof(sample, tiedSample);
const alternative = fc.constantFrom('two-sided' as const, 'less' as const, 'greater' as const);
const method = fc.constantFrom('auto' as const, 'exact' as const, 'asymp' as const);
const counts = (length: number) => fc.array(fc.integer({ min: 0, max: 500 }), { minLength: length, maxLength: length });

function isProbability(value: number): boolean {
  return value >= 0 && value <= 1;
}

function withShuffledCopy(values: fc.Arbitrary<number[]>): fc.Arbitrary<[number[], number[]]> {
  return values.chain((original) =>
    fc
      .shuffledSubarray(original, { minLength: original.length, maxLength: original.length })
      .map((shuffled): [number[], number[]] => [original, shuffled]),
  );
}

describe('properties', () => {
  it('returns KS p-values in [0, 1] (NaN only for the asymptotic two-sided 1 vs 1 case, as SciPy)', () => {
    fc.assert(
      fc.property(anySample, anySample, alternative, method, (x, y, chosenAlternative, chosenMethod) => {
        const { pValue } = ks2Sample(x, y, { alternative: chosenAlternative, method: chosenMethod });
        const nanAllowed = x.length === 1 && y.length === 1 && chosenAlternative === 'two-sided';
        return isProbability(pValue) || (nanAllowed && Number.isNaN(pValue));
      }),
      { numRuns: 300 },
    );
  });

  it('returns KS p-values in [0, 1] for larger samples, where the exact path may overflow', () => {
    fc.assert(
      fc.property(
        fc.array(finiteDouble, { minLength: 300, maxLength: 1200 }),
        fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 300, maxLength: 1200 }),
        alternative,
        (x, y, chosenAlternative) => isProbability(ks2Sample(x, y, { alternative: chosenAlternative }).pValue),
      ),
      { numRuns: 25 },
    );
  });

  it('returns chi-squared p-values in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((length) => fc.tuple(counts(length), counts(length))),
        fc.boolean(),
        ([baseline, current], correction) => {
          const goodnessOfFit = chiSquareGoodnessOfFit(
            current.map((count) => count + 1),
            baseline.map((count) => count + 1),
          );
          const table = [baseline.map((count) => count + 1), current.map((count) => count + 1)];
          const contingency = chiSquareContingency(table, { correction });
          return isProbability(goodnessOfFit.pValue) && isProbability(contingency.pValue);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns survival functions in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, min: -1, max: 2000 }),
        fc.double({ noNaN: true, min: 0.01, max: 2000 }),
        fc.double({ noNaN: true, min: 0, max: 1.2 }),
        fc.integer({ min: 1, max: 300000 }),
        (x, df, d, n) =>
          isProbability(chi2Sf(x, df)) && isProbability(kstwoSf(d, n)) && isProbability(kstwobignSf(x / 100)),
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same two-sided KS result with the samples swapped', () => {
    fc.assert(
      fc.property(anySample, anySample, method, (x, y, chosenMethod) => {
        const forward = ks2Sample(x, y, { method: chosenMethod });
        const backward = ks2Sample(y, x, { method: chosenMethod });
        expect(backward).toEqual(forward);
      }),
      { numRuns: 300 },
    );
  });

  it('swaps less and greater when the samples are swapped', () => {
    fc.assert(
      fc.property(anySample, anySample, (x, y) => {
        expect(ks2Sample(y, x, { alternative: 'less' }).statistic).toBe(
          ks2Sample(x, y, { alternative: 'greater' }).statistic,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('ignores the order of the values within each sample', () => {
    fc.assert(
      fc.property(withShuffledCopy(anySample), withShuffledCopy(anySample), alternative, (xPair, yPair, chosen) => {
        const [x, shuffledX] = xPair;
        const [y, shuffledY] = yPair;
        expect(ks2Sample(shuffledX, shuffledY, { alternative: chosen })).toEqual(
          ks2Sample(x, y, { alternative: chosen }),
        );
        expect(wassersteinDistance(shuffledX, shuffledY)).toBe(wassersteinDistance(x, y));
        expect(populationStabilityIndex(shuffledX, shuffledY)).toBe(populationStabilityIndex(x, y));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the KS statistic under a strictly increasing transform of both samples', () => {
    const transforms = [(v: number) => Math.exp(v / 7), (v: number) => v ** 3 + 2 * v, (v: number) => Math.atan(v)];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }),
        alternative,
        fc.constantFrom(...transforms),
        (x, y, chosen, transform) => {
          const original = ks2Sample(x, y, { alternative: chosen });
          const transformed = ks2Sample(x.map(transform), y.map(transform), { alternative: chosen });
          expect(transformed.statistic).toBe(original.statistic);
          expect(transformed.pValue).toBe(original.pValue);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('treats the two distributions of Jensen-Shannon and Wasserstein symmetrically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }).chain((length) => fc.tuple(counts(length), counts(length))),
        sample,
        sample,
        ([p, q], u, v) => {
          fc.pre(p.some((count) => count > 0) && q.some((count) => count > 0));
          expect(jensenShannonDistance(q, p, 2)).toBeCloseTo(jensenShannonDistance(p, q, 2), 12);
          expect(wassersteinDistance(v, u)).toBe(wassersteinDistance(u, v));
        },
      ),
      { numRuns: 200 },
    );
  });
});
