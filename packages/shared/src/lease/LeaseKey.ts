/**
 * Where a lease lives in the records table: one item, so every step on it is one conditional
 * write that DynamoDB (and dynalite) applies atomically.
 */
export type LeaseKey = { pk: string; sk: string };
