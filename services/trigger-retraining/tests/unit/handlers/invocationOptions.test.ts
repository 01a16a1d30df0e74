import type { Context } from 'aws-lambda';
import { decideTrigger } from '../../../src/app/decideTrigger.js';
import { clientRequestToken } from '../../../src/domain/clientRequestToken.js';
import { invocationOptions } from '../../../src/handlers/invocationOptions.js';
import { fakePorts, scheduleTrigger, settings } from '../../support/fakes.js';

const withRemaining = (ms: number) => ({ lambdaContext: { getRemainingTimeInMillis: () => ms } as unknown as Context });

/** Fakes where an earlier invocation claimed the schedule trigger at 12:00:00 and then died. */
const claimedByACrash = async (leaseMs: number) => {
  const fakes = fakePorts('2026-03-02T12:00:00.000Z');
  const request = scheduleTrigger();
  await fakes.store.claimTrigger(
    {
      token: clientRequestToken('churn-retrain', request.trigger),
      pipeline: 'churn-retrain',
      trigger: request.trigger,
      correlationId: request.correlationId,
      owner: 'crashed-attempt',
    },
    fakes.clock.now(),
    leaseMs,
  );
  return fakes;
};

describe('invocationOptions', () => {
  it("holds a claim for the Lambda's remaining time plus a margin", () => {
    // Act
    const options = invocationOptions(withRemaining(30_000));

    // Assess
    expect(options).toEqual({ claimLeaseMs: 35_000 });
  });

  it('lets the retry after a time-out take over the claim once the dead invocation would have stopped', async () => {
    // Prepare
    const options = invocationOptions(withRemaining(30_000));
    const early = await claimedByACrash(options.claimLeaseMs ?? 0);
    const late = await claimedByACrash(options.claimLeaseMs ?? 0);
    early.clock.advance(34_000);
    late.clock.advance(35_000);

    // Act
    const tooEarly = await decideTrigger(scheduleTrigger(), settings(), early.ports, options);
    const retried = await decideTrigger(scheduleTrigger(), settings(), late.ports, options);

    // Assess
    expect(tooEarly).toMatchObject({ status: 'skipped', skipReason: 'duplicate' });
    expect(retried.status).toBe('started');
    expect(await late.store.getClaim(retried.status === 'started' ? retried.token : '')).toMatchObject({
      state: 'completed',
      fence: 2,
    });
  });
});
