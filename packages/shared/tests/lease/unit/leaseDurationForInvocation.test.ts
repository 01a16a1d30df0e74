import { DEFAULT_LEASE_MARGIN_MS, leaseDurationForInvocation } from '../../../src/index.js';

const contextWith = (remaining: number) => ({ getRemainingTimeInMillis: () => remaining });

describe('leaseDurationForInvocation', () => {
  it('returns the remaining time plus the default margin', () => {
    // Act
    const duration = leaseDurationForInvocation(contextWith(60_000));

    // Assess
    expect(duration).toBe(60_000 + DEFAULT_LEASE_MARGIN_MS);
    expect(DEFAULT_LEASE_MARGIN_MS).toBe(5_000);
  });

  it('uses the margin it is given', () => {
    // Act
    const duration = leaseDurationForInvocation(contextWith(900_000), 30_000);

    // Assess
    expect(duration).toBe(930_000);
  });

  it('returns only the margin for an invocation already past its deadline', () => {
    // Act
    const duration = leaseDurationForInvocation(contextWith(-20));

    // Assess
    expect(duration).toBe(DEFAULT_LEASE_MARGIN_MS);
  });

  it('throws RangeError when the remaining time or the margin is not a finite number', () => {
    // Act
    const noTime = () => leaseDurationForInvocation(contextWith(Number.NaN));
    const badMargin = () => leaseDurationForInvocation(contextWith(1_000), -1);

    // Assess
    expect(noTime).toThrow(RangeError);
    expect(badMargin).toThrow('marginMs must be a finite number of 0 or more, got -1');
  });
});
