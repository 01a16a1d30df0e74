/**
 * The attributes a lease keeps at the top level of its record, where conditions can use them.
 *
 * The caller's payload may not use these names: a payload `state` would silently overwrite the
 * lease's own.
 */
export const LEASE_ATTRIBUTES = [
  'state',
  'owner',
  'fence',
  'acquiredAt',
  'expiresAt',
  'settledAt',
  'result',
  'failure',
] as const;

/**
 * Refuses fields that belong to the lease itself.
 *
 * @throws RangeError naming the first such field
 */
export const assertNoLeaseAttributes = (fields: Record<string, unknown>, where: string): void => {
  const taken = LEASE_ATTRIBUTES.find((name) => Object.hasOwn(fields, name));
  if (taken !== undefined) throw new RangeError(`${where} cannot set the lease attribute "${taken}"`);
};
