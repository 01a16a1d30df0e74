/**
 * Evaluates the polynomial `coefficients[0] x^degree + ... + coefficients[degree]` by Horner's rule (Cephes `polevl`).
 *
 * Kept separate from `p1evl` because Cephes tables omit the leading 1 for the latter, and a
 * port must read the tables exactly as the C code does. Cost O(degree).
 *
 * @example polevl(2, [1, 0, -1], 2) // 3
 */
export function polevl(x: number, coefficients: readonly number[], degree: number): number {
  let answer = coefficients[0];
  for (let index = 1; index <= degree; index += 1) answer = answer * x + coefficients[index];
  return answer;
}

/**
 * Evaluates `x^degree + coefficients[0] x^(degree-1) + ... + coefficients[degree-1]` (Cephes `p1evl`, leading 1 implied).
 *
 * @example p1evl(2, [0, -1], 2) // 3
 */
export function p1evl(x: number, coefficients: readonly number[], degree: number): number {
  let answer = x + coefficients[0];
  for (let index = 1; index < degree; index += 1) answer = answer * x + coefficients[index];
  return answer;
}

/**
 * Evaluates the rational function `num(x) / den(x)`, coefficients highest degree first (Cephes `ratevl`).
 *
 * For |x| > 1 both polynomials are evaluated in 1/x to avoid overflow, as the C code does.
 * Cost O(numeratorDegree + denominatorDegree).
 *
 * @example ratevl(2, [1, 1], 1, [1, 0], 1) // 1.5, that is (2 + 1) / 2
 */
export function ratevl(
  x: number,
  numerator: readonly number[],
  numeratorDegree: number,
  denominator: readonly number[],
  denominatorDegree: number,
): number {
  const absX = Math.abs(x);
  const inverted = absX > 1;
  const y = inverted ? 1 / x : x;
  let numeratorValue: number;
  let denominatorValue: number;
  if (inverted) {
    numeratorValue = numerator[numeratorDegree];
    for (let index = numeratorDegree - 1; index >= 0; index -= 1)
      numeratorValue = numeratorValue * y + numerator[index];
    denominatorValue = denominator[denominatorDegree];
    for (let index = denominatorDegree - 1; index >= 0; index -= 1)
      denominatorValue = denominatorValue * y + denominator[index];
    return (x ** (denominatorDegree - numeratorDegree) * numeratorValue) / denominatorValue;
  }
  numeratorValue = numerator[0];
  for (let index = 1; index <= numeratorDegree; index += 1) numeratorValue = numeratorValue * y + numerator[index];
  denominatorValue = denominator[0];
  for (let index = 1; index <= denominatorDegree; index += 1)
    denominatorValue = denominatorValue * y + denominator[index];
  return numeratorValue / denominatorValue;
}
