/**
 * Every case of the SciPy reference vectors whose SciPy call succeeded.
 *
 * Provenance: tests/fixtures/stats-vectors.json was generated with SciPy 1.10.1 / NumPy 1.24.2
 * (Debian bookworm python3-scipy, Python 3.11); see stats-vectors.README.md next to it for the
 * exact calls and tolerances.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import './scipyMatchers.js';
import type { EncodedNumber } from './scipyMatchers.js';

interface KsResult {
  method: 'auto' | 'exact' | 'asymp';
  alternative: 'two-sided' | 'less' | 'greater';
  ok: boolean;
  statistic: EncodedNumber;
  pvalue: EncodedNumber;
  method_used: 'exact' | 'asymp';
}
interface KsCase {
  id: string;
  group: string;
  data1: number[];
  data2: number[];
  results: KsResult[];
}
interface ContingencyResult {
  ok: boolean;
  statistic: EncodedNumber;
  pvalue: EncodedNumber;
  dof: number;
  expected_freq: number[][];
}
interface ChiCase {
  id: string;
  group: string;
  k: number;
  baseline_counts: number[];
  current_counts: number[];
  seed_formula: { ok: boolean; statistic?: EncodedNumber; pvalue?: EncodedNumber; dof?: number };
  rescaled: { ok: boolean; statistic: EncodedNumber; pvalue: EncodedNumber; dof: number; f_exp: number[] };
  unscaled_manual: { statistic: EncodedNumber; pvalue: EncodedNumber; dof: number };
  contingency_corrected: ContingencyResult;
  contingency_uncorrected: ContingencyResult;
  jensenshannon_counts_base2: EncodedNumber;
}
interface DistanceCase {
  id: string;
  group: string;
  baseline: number[];
  current: number[];
  psi: EncodedNumber;
  jensenshannon_bins_base2: EncodedNumber;
  wasserstein: EncodedNumber;
  psi_bins: { baseline_bin_counts: number[]; current_bin_counts: number[] };
}
interface Vectors {
  ks_2samp: KsCase[];
  chi2_categorical: ChiCase[];
  numeric_distances: DistanceCase[];
  special_functions: {
    chi2_sf: { x: number; df: number; sf: EncodedNumber }[];
    kstwo_sf: { d: number; n: number; sf: EncodedNumber }[];
    kstwobign_sf: { x: number; sf: EncodedNumber }[];
  };
}

const vectors: Vectors = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'stats-vectors.json'), 'utf8'));

function groupsOf<T extends { group: string }>(cases: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of cases) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return [...groups.entries()];
}

describe('ks2Sample against scipy.stats.ks_2samp', () => {
  describe.each(groupsOf(vectors.ks_2samp))('group %s', (_group, cases) => {
    for (const ksCase of cases) {
      for (const expected of ksCase.results.filter((result) => result.ok)) {
        it(`returns SciPy's result for ${ksCase.id} (${ksCase.data1.length} vs ${ksCase.data2.length}, method ${expected.method}, ${expected.alternative})`, () => {
          // Prepare
          const options = { method: expected.method, alternative: expected.alternative };

          // Act
          const actual = ks2Sample(ksCase.data1, ksCase.data2, options);

          // Assess
          expect(actual.method).toBe(expected.method_used);
          expect(actual.statistic).toMatchScipyStatistic(expected.statistic);
          expect(actual.pValue).toMatchScipyPValue(expected.pvalue);
        });
      }
    }
  });
});

describe('chi-squared tests and Jensen-Shannon on categorical counts', () => {
  describe.each(groupsOf(vectors.chi2_categorical))('group %s', (_group, cases) => {
    for (const chiCase of cases) {
      const observed = chiCase.current_counts.map((count) => count + 1);
      const expectedBase = chiCase.baseline_counts.map((count) => count + 1);
      const table = [chiCase.baseline_counts, chiCase.current_counts];

      const { ok: seedOk, statistic, pvalue, dof } = chiCase.seed_formula;
      if (seedOk && statistic !== undefined && pvalue !== undefined) {
        it(`returns SciPy's chisquare for ${chiCase.id} as written, its totals being equal`, () => {
          // Act
          const actual = chiSquareGoodnessOfFit(observed, expectedBase);

          // Assess
          expect(actual.dof).toBe(dof);
          expect(actual.statistic).toMatchScipyStatistic(statistic);
          expect(actual.pValue).toMatchScipyPValue(pvalue);
        });
      }

      if (chiCase.rescaled.ok) {
        it(`returns SciPy's chisquare for ${chiCase.id} with expected rescaled to the observed total`, () => {
          // Act
          const actual = chiSquareGoodnessOfFit(observed, expectedBase);

          // Assess
          expect(actual.dof).toBe(chiCase.rescaled.dof);
          expect(actual.statistic).toMatchScipyStatistic(chiCase.rescaled.statistic);
          expect(actual.pValue).toMatchScipyPValue(chiCase.rescaled.pvalue);
        });
      }

      it(`returns chi2.sf of the legacy unscaled statistic for ${chiCase.id}`, () => {
        // Act
        const actual = chi2Sf(Number(chiCase.unscaled_manual.statistic), chiCase.unscaled_manual.dof);

        // Assess
        expect(actual).toMatchScipyPValue(chiCase.unscaled_manual.pvalue);
      });

      for (const [key, correction] of [
        ['contingency_corrected', true],
        ['contingency_uncorrected', false],
      ] as const) {
        const expected = chiCase[key];
        if (expected.ok) {
          it(`returns SciPy's chi2_contingency for ${chiCase.id} with correction ${correction}`, () => {
            // Act
            const actual = chiSquareContingency(table, { correction });

            // Assess
            expect(actual.dof).toBe(expected.dof);
            expect(actual.statistic).toMatchScipyStatistic(expected.statistic);
            expect(actual.pValue).toMatchScipyPValue(expected.pvalue);
            expected.expected_freq.forEach((row, rowIndex) => {
              row.forEach((value, column) => {
                expect(actual.expected[rowIndex][column]).toMatchScipyStatistic(value);
              });
            });
          });
        } else {
          it(`throws a RangeError where SciPy raises for ${chiCase.id} with correction ${correction}`, () => {
            // Act and Assess
            expect(() => chiSquareContingency(table, { correction })).toThrow(RangeError);
          });
        }
      }

      it(`returns SciPy's jensenshannon base 2 on raw counts for ${chiCase.id}`, () => {
        // Act
        const actual = jensenShannonDistance(chiCase.baseline_counts, chiCase.current_counts, 2);

        // Assess
        expect(actual).toMatchScipyStatistic(chiCase.jensenshannon_counts_base2);
      });
    }
  });
});

describe('PSI, Jensen-Shannon on bins and Wasserstein on numeric samples', () => {
  describe.each(groupsOf(vectors.numeric_distances))('group %s', (_group, cases) => {
    for (const distanceCase of cases) {
      it(`returns the reference PSI for ${distanceCase.id}`, () => {
        // Act
        const actual = populationStabilityIndex(distanceCase.baseline, distanceCase.current);

        // Assess
        expect(actual).toMatchScipyStatistic(distanceCase.psi);
      });

      it(`returns SciPy's jensenshannon base 2 on the PSI bin shares for ${distanceCase.id}`, () => {
        // Prepare
        const { baseline_bin_counts: baselineCounts, current_bin_counts: currentCounts } = distanceCase.psi_bins;
        const p = baselineCounts.map((count) => count / distanceCase.baseline.length);
        const q = currentCounts.map((count) => count / distanceCase.current.length);

        // Act
        const actual = jensenShannonDistance(p, q, 2);

        // Assess
        expect(actual).toMatchScipyStatistic(distanceCase.jensenshannon_bins_base2);
      });

      it(`returns SciPy's wasserstein_distance for ${distanceCase.id}`, () => {
        // Act
        const actual = wassersteinDistance(distanceCase.baseline, distanceCase.current);

        // Assess
        expect(actual).toMatchScipyStatistic(distanceCase.wasserstein);
      });
    }
  });
});

describe('special functions against SciPy', () => {
  it.each(vectors.special_functions.chi2_sf)('returns chi2.sf($x, $df) = $sf', ({ x, df, sf }) => {
    // Act
    const actual = chi2Sf(x, df);

    // Assess
    expect(actual).toMatchScipyPValue(sf);
  });

  it.each(vectors.special_functions.kstwo_sf)('returns kstwo.sf($d, $n) = $sf', ({ d, n, sf }) => {
    // Act
    const actual = kstwoSf(d, n);

    // Assess
    expect(actual).toMatchScipyPValue(sf);
  });

  it.each(vectors.special_functions.kstwobign_sf)('returns kstwobign.sf($x) = $sf', ({ x, sf }) => {
    // Act
    const actual = kstwobignSf(x);

    // Assess
    expect(actual).toMatchScipyPValue(sf);
  });
});
