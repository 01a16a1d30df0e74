/**
 * Where a lease lives in the records table: one item, so every step on it is one conditional
 * write that DynamoDB (and dynalite) applies atomically.
 *
 * One item and not a transaction over several: dynalite (the local cloud and the integration
 * tests) has no TransactWriteItems, and a single-item condition on state, owner and fence (the
 * fencing token) is all exactly-once needs.
 */
export type LeaseKey = { pk: string; sk: string };
