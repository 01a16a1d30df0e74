/** A pure rule a service's domain may use. */
export const isPositive = (value: number): boolean => value > 0;
