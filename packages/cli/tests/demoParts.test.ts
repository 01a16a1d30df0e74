import path from 'node:path';
import { loadFleetConfig } from '@fleet/shared';
import { AlarmDigest } from '../src/demo/AlarmDigest.js';
import { csvSlice, requestLayout, trafficRows } from '../src/demo/demoChurnModels.js';
import { groundTruthKey, groundTruthLines } from '../src/demo/demoLabels.js';
import type { TimelineEntry } from '../src/demo/TimelineEntry.js';

const repoRoot = path.join(__dirname, '..', '..', '..');

const alarm = (name: string, to: string, at = '2025-06-02T09:01:00.000Z'): TimelineEntry => ({
  at,
  service: 'cloudwatch',
  event: 'Alarm State Change',
  decision: to.toLowerCase(),
  why: `${name}: INSUFFICIENT_DATA → ${to} (Threshold Crossed)`,
});

describe('AlarmDigest', () => {
  it('absorbs alarms going to OK into one line per section, and starts afresh', () => {
    // Arrange
    const digest = new AlarmDigest();
    const names = ['a-errors', 'b-errors', 'c-errors', 'd-errors', 'e-errors'];

    // Act
    const absorbed = names.map((name, index) => digest.absorb(alarm(name, 'OK', `2025-06-02T09:0${index}:00.000Z`)));
    const line = digest.take();
    const next = digest.take();

    // Assess
    expect(absorbed).toEqual([true, true, true, true, true]);
    expect(line).toEqual({
      at: '2025-06-02T09:00:00.000Z',
      line: '5 alarms OK (a-errors, b-errors, c-errors and 2 more)',
    });
    expect(next).toBeUndefined();
  });

  it('leaves an alarm going to ALARM, and any other entry, to be printed in full', () => {
    // Arrange
    const digest = new AlarmDigest();

    // Act
    const toAlarm = digest.absorb(alarm('churn-5xx', 'ALARM'));
    const other = digest.absorb({ at: '2025-06-02T09:00:00Z', service: 's3', event: 'Object Created', why: 'k' });

    // Assess
    expect([toAlarm, other]).toEqual([false, false]);
    expect(digest.take()).toBeUndefined();
  });
});

describe('the demo traffic and labels', () => {
  const config = loadFleetConfig({ file: path.join(repoRoot, 'fleet.config.yaml'), stage: 'local' });
  const drifted = path.join(repoRoot, 'examples/datasets/churn_drifted.csv');

  it("sends the contract's columns without the target, identified by the customer id, labelled by the target", () => {
    // Act
    const layout = requestLayout(config, 'churn');
    const rows = trafficRows(drifted, layout, 0, 2);

    // Assess
    expect(layout).toEqual({
      columns: [
        'customer_id',
        'tenure_months',
        'monthly_charges',
        'total_charges',
        'contract',
        'payment_method',
        'internet_service',
        'senior_citizen',
      ],
      target: 'churn',
      id: 'customer_id',
    });
    expect(rows.bodies[0]).toBe('CUST-10001,10,85.10,808.51,Month-to-month,Mailed check,DSL,0');
    expect(rows.ids).toEqual(['CUST-10001', 'CUST-10002']);
    expect(rows.labels).toHaveLength(2);
  });

  it('slices a dataset with its header', () => {
    // Act
    const slice = csvSlice(drifted, 1000, 3);

    // Assess
    expect(slice.rows).toBe(3);
    expect(slice.text.split('\n')[0]).toMatch(/^customer_id,tenure_months,/);
    expect(slice.text.split('\n')[1]).toMatch(/^CUST-11001,/);
  });

  it("writes ground truth in Model Monitor's merge format under the collection hour", () => {
    // Act
    const key = groundTruthKey('ground-truth/churn/', new Date('2025-06-04T21:01:00Z'), 'labels');
    const lines = groundTruthLines(['CUST-1', 'CUST-2'], ['1', '0'])
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));

    // Assess
    expect(key).toBe('ground-truth/churn/2025/06/04/21/labels.jsonl');
    expect(lines[0]).toEqual({
      groundTruthData: { data: '1', encoding: 'CSV' },
      eventMetadata: { eventId: 'CUST-1' },
      eventVersion: '0',
    });
    expect(() => groundTruthLines(['CUST-1'], [])).toThrow('1 inference ids but 0 labels');
  });
});
