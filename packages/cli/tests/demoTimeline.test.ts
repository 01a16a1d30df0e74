import { describeEvent } from '../src/demo/describeEvent.js';
import { formatTimelineEntry } from '../src/demo/formatTimelineEntry.js';

const logEntry = (detailType: string, detail: Record<string, unknown>, source = 'fleet.trigger-retraining') => ({
  sequence: 1,
  receivedAt: '2025-06-02T09:00:00.500Z',
  bus: 'fleet-local',
  origin: 'PutEvents' as const,
  matchedRules: [],
  event: {
    version: '0',
    id: 'e1',
    'detail-type': detailType,
    source,
    account: '123456789012',
    time: '2025-06-02T09:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail,
  },
});

describe('the demo timeline', () => {
  it('formats an entry as time, service, event, decision and why, with details below', () => {
    // Act
    const lines = formatTimelineEntry({
      at: '2025-06-02T09:00:00Z',
      service: 's3',
      event: 'Object Created',
      decision: 'delivered',
      why: 'raw/a.csv',
      details: ['first'],
    });

    // Assess
    expect(lines).toEqual([
      '09:00:00  s3                   Object Created          delivered            raw/a.csv',
      '                               · first',
    ]);
  });

  it('explains a debounced skip with the window of the pipeline', () => {
    // Act
    const entry = describeEvent(
      logEntry('Retraining Skipped', {
        correlationId: 'c1',
        pipeline: 'churn-retrain',
        trigger: { kind: 'dataset', id: 'x' },
        reason: 'dataset churn validated',
        skipReason: 'debounced',
      }),
      { config: { pipelines: { 'churn-retrain': { guards: { debounceSeconds: 120 } } } } as never },
    );

    // Assess
    expect(entry).toMatchObject({
      service: 'trigger-retraining',
      decision: 'skipped: debounced',
      why: 'churn-retrain waits until the prefix has been quiet for 120s',
      correlationId: 'c1',
    });
  });

  it('lists the issues of a rejected dataset with their line and column', () => {
    // Act
    const entry = describeEvent(
      logEntry(
        'Dataset Rejected',
        {
          key: 'raw/churn/x.csv',
          contract: 'contracts/churn.yaml',
          issueCounts: { not_an_integer: 1 },
          issues: [{ code: 'not_an_integer', message: '"twelve" is not an integer', line: 4, column: 'tenure_months' }],
        },
        'fleet.validate-dataset',
      ),
    );

    // Assess
    expect(entry.why).toBe('raw/churn/x.csv: 1 issue against contracts/churn.yaml (not_an_integer ×1)');
    expect(entry.details).toEqual(['line 4, column tenure_months: "twelve" is not an integer [not_an_integer]']);
  });
});
