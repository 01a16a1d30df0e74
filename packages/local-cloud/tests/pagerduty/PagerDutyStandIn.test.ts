import path from 'node:path';
import { LocalClock } from '../../src/clock/index.js';
import { LocalCloud } from '../../src/LocalCloud.js';
import { LocalPagerDuty, PagerDutyStandIn } from '../../src/pagerduty/index.js';

const rootDir = path.join(__dirname, '..', 'fixtures', 'stacks');

describe('PagerDutyStandIn in the local cloud', () => {
  let cloud: LocalCloud | undefined;

  afterEach(async () => {
    await cloud?.stop();
    cloud = undefined;
  });

  it('gives the functions the base URL of the Events API and dates incidents by the cloud clock', async () => {
    // Prepare
    const standIn = new PagerDutyStandIn();
    cloud = await LocalCloud.start({ rootDir, standIns: [standIn] });

    // Act
    const response = await fetch(`${process.env.PAGERDUTY_EVENTS_URL}/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        routing_key: 'R0UT1NGKEY0000000000000000000001',
        event_action: 'trigger',
        payload: { summary: 's', source: 'local', severity: 'error' },
      }),
    });

    // Assess
    const endpoint = standIn.pagerDuty.endpoint;
    expect(standIn.pagerDuty.apiUrl).toBe(endpoint);
    expect(response.status).toBe(202);
    expect(new Set(cloud.functions.map((fn) => fn.environment.PAGERDUTY_EVENTS_URL))).toEqual(new Set([endpoint]));
    expect(standIn.pagerDuty.incidents()).toMatchObject([{ status: 'triggered', createdAt: cloud.clock.now() }]);
  });

  it('throws before it is started or listening', () => {
    // Act and assess
    expect(() => new PagerDutyStandIn().pagerDuty).toThrow('the PagerDuty stand-in is not started');
    expect(() => new LocalPagerDuty({ clock: new LocalClock() }).apiUrl).toThrow(
      'the PagerDuty stand-in is not listening',
    );
  });
});
