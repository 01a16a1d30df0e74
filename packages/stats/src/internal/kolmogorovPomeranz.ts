import { ldexp } from './ldexp.js';

const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;

function rowBounds(i: number, n: number, ll: number, ceilF: number, roundF: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilF - 1;
    j2 = ll + ceilF - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilF - 1;
        j2 = n + ll + ceilF - 1;
      } else {
        j1 = half - 1 - ll - roundF - 1;
        j2 = half + ll - 1 + ceilF - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundF - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/**
 * CDF P(D_n <= x) of the one-sample two-sided KS statistic by Pomeranz's recursion, ported from SciPy's `_kolmogn_Pomeranz`.
 *
 * Each of the 2n+1 steps convolves the previous row with truncated Poisson weights; only a
 * short band of each row can be non-zero, and rows are rescaled by 2^128 against underflow.
 * Used for n <= 140 and moderate n*x^2, where Simard and L'Ecuyer found it most accurate.
 * References: Pomeranz (1974), Comm. ACM 17(12), 703-704; Simard, L'Ecuyer (2011), J. Stat.
 * Softw. 39(11); https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_ksstats.py.
 * Cost O(n * (n x)^2).
 *
 * @throws never; returns a probability clipped to [0, 1].
 * @example kolmogorovPomeranzCdf(10, 0.4) // 0.9410107548000007
 */
export function kolmogorovPomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilF = f > 0 ? 1 : 0;
  const roundF = f > 0.5 ? 1 : 0;
  const powerCount = 2 * (ll + 1);
  const gPower = new Float64Array(powerCount);
  const twoGPower = new Float64Array(powerCount);
  const oneMinusTwoGPower = new Float64Array(powerCount);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < powerCount; m += 1) {
    gPower[m] = (gPower[m - 1] * gOverN) / m;
    twoGPower[m] = (twoGPower[m - 1] * twoGOverN) / m;
    oneMinusTwoGPower[m] = (oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN) / m;
  }
  let previousRow = new Float64Array(powerCount);
  let currentRow = new Float64Array(powerCount);
  currentRow[0] = 1;
  let previousStart = 0;
  let currentStart = 0;
  let exponent = 0;
  let [j1, j2] = rowBounds(0, n, ll, ceilF, roundF);
  for (let i = 1; i < 2 * n + 2; i += 1) {
    const k1 = j1;
    [previousRow, currentRow] = [currentRow, previousRow];
    [previousStart, currentStart] = [currentStart, previousStart];
    currentRow.fill(0);
    [j1, j2] = rowBounds(i, n, ll, ceilF, roundF);
    const powers = i === 1 || i === 2 * n + 1 ? gPower : i % 2 === 1 ? twoGPower : oneMinusTwoGPower;
    const length = j2 - k1 + 1;
    if (length > 0) {
      const offset = k1 - previousStart;
      const convolutionStart = j1 - k1;
      const convolutionLength = j2 - j1 + 1;
      const rowLength = Math.min(length, powerCount - offset);
      const weightLength = Math.min(length, powerCount);
      let rowMax = 0;
      for (let out = 0; out < convolutionLength; out += 1) {
        const lag = convolutionStart + out;
        let sum = 0;
        for (let a = Math.max(0, lag - weightLength + 1); a <= Math.min(lag, rowLength - 1); a += 1) {
          sum += previousRow[offset + a] * powers[lag - a];
        }
        currentRow[out] = sum;
        if (sum > rowMax) rowMax = sum;
      }
      if (rowMax > 0 && rowMax < SCALE_DOWN) {
        for (let index = 0; index < powerCount; index += 1) currentRow[index] *= SCALE_UP;
        exponent -= SCALE_EXPONENT;
      }
      currentStart = previousStart + j1 - k1;
    }
  }
  let answer = currentRow[n - currentStart];
  for (let m = 1; m <= n; m += 1) {
    if (Math.abs(answer) > SCALE_UP) {
      answer *= SCALE_DOWN;
      exponent += SCALE_EXPONENT;
    }
    answer *= m;
  }
  if (exponent !== 0) answer = ldexp(answer, exponent);
  return Math.min(Math.max(answer, 0), 1);
}
