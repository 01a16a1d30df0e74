/** What the gate compares: the primary metric of the challenger and, when there is one, the champion's. */
export type GateInput = {
  metric: string;
  challenger: number;
  champion?: number;
  minimum?: number;
  maxRegression: number;
};

/** The gate's verdict; `reason` states the numbers either way. */
export type GateVerdict = { passed: boolean; reason: string };

/** Tolerance for binary fractions: 0.84 - 0.82 is 0.020000000000000018, which is not above 0.02. */
const EPSILON = 1e-9;

const fmt = (n: number): string => String(Number(n.toPrecision(6)));

/**
 * The quality gate before a person is asked: below `minimum`, or a drop against the champion
 * beyond `maxRegression`, rejects the challenger.
 *
 * Without a champion only `minimum` applies. A tolerance of 1e-9 keeps a drop of exactly
 * `maxRegression` (in decimal) from failing through floating-point noise.
 *
 * @example
 * qualityGate({ metric: 'roc_auc', challenger: 0.84, champion: 0.82, minimum: 0.7, maxRegression: 0.02 }).passed // true
 */
export const qualityGate = (input: GateInput): GateVerdict => {
  const { metric, challenger, champion, minimum, maxRegression } = input;
  const versus = champion === undefined ? 'no champion' : `champion ${fmt(champion)}`;
  if (minimum !== undefined && challenger < minimum - EPSILON) {
    return { passed: false, reason: `${metric} ${fmt(challenger)} is below the minimum ${fmt(minimum)} (${versus})` };
  }
  if (champion !== undefined && champion - challenger > maxRegression + EPSILON) {
    return {
      passed: false,
      reason: `${metric} ${fmt(challenger)} vs ${versus}: a drop of ${fmt(champion - challenger)}, more than the allowed ${fmt(maxRegression)}`,
    };
  }
  return { passed: true, reason: `${metric} ${fmt(challenger)} vs ${versus}` };
};
