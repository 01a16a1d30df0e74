/** A service's rule that a package should not reach for. */
export const decide = (value: number): boolean => value > 0;
