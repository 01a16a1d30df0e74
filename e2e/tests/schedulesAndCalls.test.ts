import { type FleetCloud, startFleetCloud } from '@fleet/cli/local';
import type { LocalCloud } from '@fleet/local-cloud';
import { churnBaseline, eventsOf, runPipelinesToEnd } from './support/loop.js';

// Retraining that no dataset starts: the nightly schedule rule of trigger-retraining's
// serverless.yml, fired by the clock, and a direct call.

const detail = (event: { detail: unknown }) => event.detail as Record<string, unknown>;

describe('schedules and direct calls on the local cloud', () => {
  let fleet: FleetCloud | undefined;
  let cloud: LocalCloud;

  const start = async (options: Parameters<typeof startFleetCloud>[0] = {}) => {
    fleet = await startFleetCloud(options);
    return fleet.cloud;
  };

  afterEach(async () => {
    await fleet?.stop();
    fleet = undefined;
  });

  it('starts the nightly retraining when the clock passes the cron time of its schedule rule', async () => {
    // Prepare: Monday 09:00 UTC; the rule fires at 05:30 UTC, 07:30 in Berlin in summer, after the quiet hours.
    cloud = await start({ start: '2025-06-02T09:00:00Z' });

    // Act
    await cloud.tick('20h29m');
    const before = eventsOf(cloud, 'Scheduled Event').length;
    await cloud.tick('2m');
    await runPipelinesToEnd(cloud);

    // Assess
    expect(before).toBe(0);
    const [scheduled] = eventsOf(cloud, 'Scheduled Event');
    expect(scheduled.time).toBe('2025-06-03T05:30:00Z');
    const [started] = eventsOf(cloud, 'Retraining Started');
    expect(detail(started).trigger).toMatchObject({ kind: 'schedule' });
    expect(detail(started).parameters).toMatchObject({ TrainingWindowDays: '90' });
    expect(cloud.executions().map((execution) => execution.status)).toEqual(['Succeeded']);
    expect(cloud.unfiredSchedules).toEqual([]);
  });

  it('skips a dataset landing inside the quiet hours of the pipeline and starts nothing', async () => {
    // Prepare: in January 22:30 UTC is 23:30 in Berlin, inside the 23:00-05:00 quiet hours;
    // dataset triggers are not critical for churn-retrain, so quiet hours apply to them.
    cloud = await start({ start: '2025-01-13T22:30:00Z' });

    // Act
    await cloud.land('raw/churn/2025-01-13.csv', churnBaseline());
    await cloud.tick('10m');

    // Assess
    expect(eventsOf(cloud, 'Retraining Skipped').map((event) => detail(event).skipReason)).toEqual(['quiet-hours']);
    expect(cloud.executions()).toEqual([]);
  });

  it('starts a run on a direct call and returns its execution ARN; the same request id again starts nothing', async () => {
    // Prepare
    cloud = await start();
    const request = {
      kind: 'manual',
      pipeline: 'churn-retrain',
      requestId: 'ops-rerun-1',
      reason: 'rerun after the fix',
    };

    // Act
    const first = await cloud.invoke('manualStart', request);
    const again = await cloud.invoke('manualStart', request);

    // Assess
    const [execution] = cloud.executions();
    expect(first.result).toMatchObject({ status: 'started', executionArn: execution.pipelineExecutionArn });
    expect(again.result).toMatchObject({ status: 'skipped', skipReason: 'duplicate' });
    expect(cloud.executions()).toHaveLength(1);
  });
});
