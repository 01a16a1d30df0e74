/**
 * Thrown when a lease cannot be read or decided: the item at its key is not a lease, or it
 * changed under every bounded attempt to acquire it.
 *
 * A lost race is not an error: a conditional write that fails on the state, owner or fencing
 * token is answered `held` or `false`. This is for what no condition explains.
 */
export class LeaseError extends Error {
  readonly pk: string;
  readonly sk: string;

  constructor(key: { pk: string; sk: string }, message: string, options?: ErrorOptions) {
    super(`lease ${key.pk} ${key.sk}: ${message}`, options);
    this.name = 'LeaseError';
    this.pk = key.pk;
    this.sk = key.sk;
  }
}
