/**
 * Rounds the top of a share axis up so its four ticks fall on round percentages.
 *
 * The tick step is the smallest of 1, 2, 2.5 or 5 times a power of ten that covers a quarter
 * of `max`, so an axis reads 0, 20, 40, 60, 80% rather than 0, 19, 38, 56, 75%.
 *
 * @example niceAxisMax(0.72) // 0.8
 */
export const niceAxisMax = (max: number): number => {
  const quarter = Math.max(max, 1e-6) / 4;
  const power = 10 ** Math.floor(Math.log10(quarter));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= quarter * (1 - 1e-12)) as number;
  return step * 4;
};
