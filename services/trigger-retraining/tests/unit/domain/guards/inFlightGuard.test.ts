import { inFlightGuard } from '../../../../src/domain/guards/inFlightGuard.js';
import { FakeRunner, scheduleTrigger, settings } from '../../../support/fakes.js';

const context = { request: scheduleTrigger(), settings: settings(), token: 't'.repeat(64), now: new Date() };

describe('inFlightGuard', () => {
  it('stops a trigger while an execution of the pipeline is executing', async () => {
    // Prepare
    const runner = new FakeRunner();
    runner.executing = true;

    // Act
    const stops = await inFlightGuard(runner).stops(context);

    // Assess
    expect(stops).toBe(true);
  });

  it('lets a trigger through when nothing is executing', async () => {
    // Prepare
    const runner = new FakeRunner();

    // Act
    const stops = await inFlightGuard(runner).stops(context);

    // Assess
    expect(stops).toBe(false);
  });
});
