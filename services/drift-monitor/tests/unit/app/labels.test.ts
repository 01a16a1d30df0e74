import { checkDrift } from '../../../src/app/checkDrift.js';
import { captureKey, captureLine, exampleRows, groundTruthLine } from '../../support/captureFiles.js';
import { churnSettings, memoryPorts } from '../../support/fakes.js';
import { bucket, captureBase, seedLineage, tick, windowStart } from '../../support/scenario.js';

/**
 * 300 churn predictions over the window's first hours, every other one with an inferenceId, and
 * their labels a few hours later under the ground-truth prefix, keyed as Model Monitor's merge
 * expects: the inferenceId when the request had one, else the eventId.
 */
const seedLabelledWindow = (world: ReturnType<typeof memoryPorts>, labelOf: (truth: string) => string) => {
  const rows = exampleRows('churn_baseline').rows.slice(4000, 4300);
  const capture: string[] = [];
  const truth: string[] = [];
  rows.forEach((row, i) => {
    const inferenceId = i % 2 === 0 ? `inf-${i}` : undefined;
    capture.push(
      captureLine({
        input: row.slice(0, 8).join(','),
        output: row[8] === '1' ? '0.8' : '0.2',
        inferenceTime: new Date(windowStart.getTime() + i * 60_000).toISOString(),
        eventId: `evt-${i}`,
        ...(inferenceId === undefined ? {} : { inferenceId }),
      }),
    );
    truth.push(groundTruthLine(inferenceId ?? `evt-${i}`, labelOf(row[8])));
  });
  world.objects.set(bucket, captureKey(captureBase, windowStart, 'a'), `${capture.join('\n')}\n`);
  world.objects.set(bucket, 'ground-truth/churn/2026/03/01/12/labels.jsonl', `${truth.join('\n')}\n`);
};

const settings = () => churnSettings({ groundTruth: { prefix: 'ground-truth/churn', lookbackHours: 48 } });
const request = { scheduledTime: tick, correlationId: 'corr-1', attempt: 'req-1', leaseMs: 60_000 };

describe('checkDrift with delayed labels', () => {
  it('joins labels by inferenceId, else eventId, and finds quality as good as the evaluation', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedLabelledWindow(world, (truth) => truth);

    // Act
    const outcome = await checkDrift(settings(), request, world.ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'no_drift' });
    const [drift] = (await world.records.history('MODEL#churn')).filter((r) => r.kind === 'drift');
    expect(drift.labelled).toBe(300);
    expect(drift.quality).toMatchObject({ drifted: false, nCurrent: 300 });
    expect(world.metrics).toContainEqual({ name: 'LabelledShare', unit: 'None', value: 1 });
  });

  it('makes a window critical at once when quality falls beyond its allowance', async () => {
    // Prepare
    const world = memoryPorts();
    await seedLineage(world);
    seedLabelledWindow(world, (truth) => (truth === '1' ? '0' : '1'));

    // Act
    const outcome = await checkDrift(settings(), request, world.ports);

    // Assess
    expect(outcome).toMatchObject({ status: 'drift', severity: 'critical' });
    const [detected] = world.events.published;
    expect(detected.detail).toMatchObject({ severity: 'critical' });
    const [drift] = (await world.records.history('MODEL#churn')).filter((r) => r.kind === 'drift');
    expect((drift.quality as { metrics: { name: string; drifted: boolean }[] }).metrics).toContainEqual(
      expect.objectContaining({ name: 'roc_auc', drifted: true }),
    );
  });
});
