import type { DatasetValidated } from '@fleet/shared';
import { decideTrigger } from '../../../src/app/decideTrigger.js';
import { fireDebounce } from '../../../src/app/fireDebounce.js';
import { followExecution } from '../../../src/app/followExecution.js';
import { datasetRequest } from '../../../src/app/requests/datasetRequest.js';
import { fakePorts, scheduleTrigger, settings } from '../../support/fakes.js';
import { loadEvent } from '../../support/loadEvent.js';
import { storedDecisions } from '../../support/storedRecords.js';

const validated = (n: number): DatasetValidated => {
  const { detail } = loadEvent<{ detail: DatasetValidated }>('dataset-validated.json');
  return {
    ...detail,
    bucket: 'b',
    key: `raw/churn/part-${n}.csv`,
    versionId: `v${n}`,
    etag: `etag-${n}`,
    recordKey: `DATASET#churn|2026-03-02T12:00:0${n}.000Z#validation#${n}`,
  };
};

const coveredObject = (n: number) => ({
  bucket: 'b',
  key: `raw/churn/part-${n}.csv`,
  versionId: `v${n}`,
  etag: `etag-${n}`,
  validationRecordKey: `DATASET#churn|2026-03-02T12:00:0${n}.000Z#validation#${n}`,
});

describe('lineage of a started run', () => {
  it('records the parameters as sent, the declared defaults and the effective input, without TTL', async () => {
    // Prepare
    const { ports, records } = fakePorts();

    // Act
    await decideTrigger(scheduleTrigger({ requested: { trainingWindowDays: 30 } }), settings(), ports);

    // Assess
    const [decision] = storedDecisions(records);
    expect(decision.decision).toBe('started');
    expect(decision.input).toEqual({
      parameters: {
        ModelApprovalStatus: 'PendingManualApproval',
        TriggerReason: 'scheduled by rule nightly',
        TrainingWindowDays: '30',
      },
      declaredDefaults: { TrainingWindowDays: '90', ModelApprovalStatus: 'PendingManualApproval' },
      effectiveParameters: {
        ModelApprovalStatus: 'PendingManualApproval',
        TriggerReason: 'scheduled by rule nightly',
        TrainingWindowDays: '30',
      },
    });
    expect(decision).not.toHaveProperty('ttl');
  });

  it("keeps a declared default the start did not send in the run's effective input", async () => {
    // Prepare
    const { ports, records } = fakePorts();

    // Act
    await decideTrigger(scheduleTrigger(), settings(), ports);

    // Assess
    const [decision] = storedDecisions(records);
    expect(decision.input?.parameters).not.toHaveProperty('TrainingWindowDays');
    expect(decision.input?.effectiveParameters).toMatchObject({ TrainingWindowDays: '90' });
  });

  it('records the validated object a dataset landing covered', async () => {
    // Prepare
    const { ports, records } = fakePorts();

    // Act
    await decideTrigger(datasetRequest(validated(1), 'churn-retrain'), settings(), ports);

    // Assess
    const [decision] = storedDecisions(records);
    expect(decision.decision).toBe('started');
    expect(decision.input?.objects).toEqual([coveredObject(1)]);
    expect(decision.input?.effectiveParameters).toMatchObject({ InputDataUri: 's3://b/raw/churn/part-1.csv' });
  });

  it('records every validated object of a debounced prefix on the run it started, and no more', async () => {
    // Prepare
    const debouncing = settings({ debounceSeconds: 120 });
    const { ports, records, clock, scheduler } = fakePorts('2026-03-02T12:00:00.000Z');
    for (const n of [1, 2, 3]) {
      await decideTrigger(datasetRequest(validated(n), 'churn-retrain'), debouncing, ports);
      clock.advance(10_000);
    }
    clock.set(scheduler.armed[2].at.toISOString());
    const first = await fireDebounce(scheduler.armed[2].payload, debouncing, ports);
    const executionArn = first.status === 'started' ? first.executionArn : 'no run';
    clock.advance(3_600_000);
    await followExecution({ executionArn, status: 'Succeeded', at: clock.now().toISOString() }, ports);
    await decideTrigger(datasetRequest(validated(4), 'churn-retrain'), debouncing, ports);
    clock.set(scheduler.armed[3].at.toISOString());

    // Act
    await fireDebounce(scheduler.armed[3].payload, debouncing, ports);

    // Assess
    const started = storedDecisions(records).filter((d) => d.decision === 'started');
    expect(started.map((d) => d.input?.objects)).toEqual([
      [coveredObject(1), coveredObject(2), coveredObject(3)],
      [coveredObject(4)],
    ]);
    expect(started.map((d) => d.input?.effectiveParameters.InputDataUri)).toEqual([
      's3://b/raw/churn/',
      's3://b/raw/churn/',
    ]);
    expect(started.every((d) => d.ttl === undefined)).toBe(true);
  });
});
