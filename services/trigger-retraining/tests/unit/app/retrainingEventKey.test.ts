import { EVENT_KEY_PATTERN, eventKey } from '@fleet/shared';
import { decideTrigger } from '../../../src/app/decideTrigger.js';
import { followExecution } from '../../../src/app/followExecution.js';
import { retrainingEventKey } from '../../../src/app/retrainingEventKey.js';
import { fakePorts, scheduleTrigger, settings } from '../../support/fakes.js';

const startOnce = async (request = scheduleTrigger()) => {
  const fakes = fakePorts();
  const outcome = await decideTrigger(request, settings(), fakes.ports);
  if (outcome.status !== 'started') throw new Error(`expected a start, got ${outcome.status}`);
  return { ...fakes, outcome };
};

describe('retrainingEventKey', () => {
  it('gives Retraining Started the event key of its ClientRequestToken', async () => {
    // Prepare and Act
    const { events, outcome } = await startOnce();

    // Assess
    const [started] = events.ofType('Retraining Started');
    expect(started.detail.eventKey).toMatch(EVENT_KEY_PATTERN);
    expect(started.detail.eventKey).toBe(eventKey('Retraining Started', outcome.token));
  });

  it('gives every attempt of one trigger the same key, and another trigger another key', async () => {
    // Prepare
    const other = scheduleTrigger({ trigger: { kind: 'schedule', id: 'rule/nightly@2026-03-03T12:00:00Z' } });

    // Act
    const first = await startOnce();
    const again = await startOnce();
    const next = await startOnce(other);

    // Assess
    const keyOf = (run: Awaited<ReturnType<typeof startOnce>>) =>
      run.events.ofType('Retraining Started')[0].detail.eventKey;
    expect(keyOf(again)).toBe(keyOf(first));
    expect(keyOf(next)).not.toBe(keyOf(first));
  });

  it('tells a failed start from the failure of the run a retry started', async () => {
    // Prepare
    const failing = fakePorts();
    failing.runner.failWith = Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    await expect(decideTrigger(scheduleTrigger(), settings(), failing.ports)).rejects.toThrow('denied');
    const { ports, events, outcome } = await startOnce();

    // Act
    await followExecution({ executionArn: outcome.executionArn, status: 'Failed', at: '2026-03-02T13:00:00Z' }, ports);

    // Assess
    const startFailed = failing.events.ofType('Retraining Failed')[0].detail.eventKey;
    const runFailed = events.ofType('Retraining Failed')[0].detail.eventKey;
    expect(startFailed).toBe(retrainingEventKey.startFailed(outcome.token));
    expect(runFailed).toBe(retrainingEventKey.ended('Retraining Failed', outcome.token));
    expect(runFailed).not.toBe(startFailed);
  });

  it('keys a skip by its token and reason', async () => {
    // Prepare
    const { ports, events } = fakePorts();

    // Act
    await decideTrigger(scheduleTrigger(), settings(), ports);
    const duplicate = await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    if (duplicate.status !== 'skipped') throw new Error('expected a skip');
    expect(events.ofType('Retraining Skipped')[0].detail.eventKey).toBe(
      eventKey('Retraining Skipped', `${duplicate.token}#skipped#duplicate`),
    );
    expect(retrainingEventKey.skipped(duplicate.token, 'in-flight')).not.toBe(
      retrainingEventKey.skipped(duplicate.token, 'duplicate'),
    );
  });
});
