import { isPositive } from '@fleet/fixture-clean-lib';
import { createClient } from '../adapters/createClient.js';
import { decide } from '../domain/decide.js';

/** Allowed: a handler wires adapters to the domain. */
export const handler = (value: number) => ({
  client: createClient(),
  verdict: decide(value),
  positive: isPositive(value),
});
