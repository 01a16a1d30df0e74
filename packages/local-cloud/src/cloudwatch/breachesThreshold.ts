/**
 * Whether a datapoint breaches an alarm's threshold under its `ComparisonOperator`
 * (`GreaterThanThreshold`, `GreaterThanOrEqualToThreshold`, `LessThanThreshold`,
 * `LessThanOrEqualToThreshold`); undefined for an operator that needs anomaly bands.
 *
 * @example
 * breachesThreshold(1, 'GreaterThanThreshold', 0) // true
 */
export const breachesThreshold = (value: number, operator: string, threshold: number): boolean | undefined => {
  switch (operator) {
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
    default:
      return undefined;
  }
};
