import { debounceGuard } from '../../../../src/app/guards/debounceGuard.js';
import { scheduleTrigger, settings } from '../../../support/fakes.js';

const landing = { prefix: 's3://b/raw/', bucket: 'b', key: 'raw/a.csv' };

const context = (request = scheduleTrigger(), debounceSeconds = 120) => ({
  request,
  settings: settings({ debounceSeconds }),
  token: 't'.repeat(64),
  attempt: 'attempt-1',
  now: new Date(),
});

describe('debounceGuard', () => {
  it('stops a dataset landing while the pipeline debounces', async () => {
    // Act
    const stops = await debounceGuard().stops(context(scheduleTrigger({ landing })));

    // Assess
    expect(stops).toBe(true);
  });

  it('lets the debounce firing through', async () => {
    // Act
    const stops = await debounceGuard().stops(context(scheduleTrigger({ landing, debounced: true })));

    // Assess
    expect(stops).toBe(false);
  });

  it('lets a landing through when the pipeline does not debounce', async () => {
    // Act
    const stops = await debounceGuard().stops(context(scheduleTrigger({ landing }), 0));

    // Assess
    expect(stops).toBe(false);
  });

  it('lets triggers other than landings through', async () => {
    // Act
    const stops = await debounceGuard().stops(context(scheduleTrigger()));

    // Assess
    expect(stops).toBe(false);
  });
});
