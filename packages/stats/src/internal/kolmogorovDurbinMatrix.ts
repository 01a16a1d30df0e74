import { ldexp } from './ldexp.js';

const SCALE_EXPONENT = 128;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;

function multiply(left: Float64Array, right: Float64Array, size: number): Float64Array {
  const product = new Float64Array(size * size);
  for (let row = 0; row < size; row += 1) {
    for (let inner = 0; inner < size; inner += 1) {
      const factor = left[row * size + inner];
      if (factor === 0) continue;
      for (let column = 0; column < size; column += 1) {
        product[row * size + column] += factor * right[inner * size + column];
      }
    }
  }
  return product;
}

/**
 * CDF P(D_n <= d) of the one-sample two-sided KS statistic by Durbin's matrix method, ported from SciPy's `_kolmogn_DMTW`.
 *
 * Writes d = (k - h)/n, builds the (2k-1)-square matrix H and raises it to the n-th power by
 * squaring, rescaling by 2^128 to stay in range (Marsaglia, Tsang and Wang's formulation).
 * Accurate for small n*d^2, where the series approximations are not. References: Durbin (1968),
 * Ann. Math. Statist. 39, 398-411; Marsaglia, Tsang, Wang (2003), J. Stat. Softw. 8(18);
 * https://github.com/scipy/scipy/blob/v1.10.1/scipy/stats/_ksstats.py.
 * Cost O(k^3 log n) with k = ceil(n d).
 *
 * @throws never; returns a probability clipped to [0, 1].
 * @example kolmogorovDurbinMatrixCdf(10, 0.2) // 0.25128096000000005
 */
export function kolmogorovDurbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j += 1) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - h ** j) * factorial;
  }
  const tail = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tail) * factorial;
  let matrix: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i += 1) {
    for (let row = i - 1; row < m; row += 1) matrix[row * m + i] = w[row - (i - 1)];
  }
  for (let row = 0; row < m; row += 1) matrix[row * m] = v[row];
  for (let column = 0; column < m; column += 1) matrix[(m - 1) * m + column] = v[m - 1 - column];

  let power: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i += 1) power[i * m + i] = 1;
  let remaining = n;
  let exponent = 0;
  let matrixExponent = 0;
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      power = multiply(power, matrix, m);
      exponent += matrixExponent;
    }
    matrix = multiply(matrix, matrix, m);
    matrixExponent *= 2;
    if (Math.abs(matrix[(k - 1) * m + (k - 1)]) > SCALE_UP) {
      for (let index = 0; index < matrix.length; index += 1) matrix[index] /= SCALE_UP;
      matrixExponent += SCALE_EXPONENT;
    }
    remaining = Math.floor(remaining / 2);
  }
  let probability = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i += 1) {
    probability = (i * probability) / n;
    if (Math.abs(probability) < SCALE_DOWN) {
      probability *= SCALE_UP;
      exponent -= SCALE_EXPONENT;
    }
  }
  if (exponent !== 0) probability = ldexp(probability, exponent);
  return Math.min(Math.max(probability, 0), 1);
}
