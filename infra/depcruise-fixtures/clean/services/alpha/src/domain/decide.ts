import { isPositive } from '@fleet/fixture-clean-lib/rules';

/** Allowed: a domain rule built on a shared package's pure rule. */
export const decide = (value: number): 'go' | 'stop' => (isPositive(value) ? 'go' : 'stop');
