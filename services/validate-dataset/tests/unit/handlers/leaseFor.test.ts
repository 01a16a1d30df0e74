import { DEFAULT_LEASE_MS } from '../../../src/app/validateObject.js';
import { leaseFor } from '../../../src/handlers/leaseFor.js';

describe('leaseFor', () => {
  it('returns the remaining time of the invocation plus five seconds', () => {
    // Prepare
    const context = { getRemainingTimeInMillis: () => 42_000 };

    // Act
    const lease = leaseFor(context);

    // Assess
    expect(lease).toBe(47_000);
  });

  it('returns the default lease outside Lambda', () => {
    // Prepare
    const context = undefined;

    // Act
    const lease = leaseFor(context);

    // Assess
    expect(lease).toBe(DEFAULT_LEASE_MS);
  });
});
