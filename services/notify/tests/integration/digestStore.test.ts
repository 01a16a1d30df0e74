import { DynamoDigestStore, MAX_DIGEST_ITEMS } from '../../src/adapters/DynamoDigestStore.js';
import { notifyHarnessPerTest } from '../support/notifyHarness.js';

const harness = notifyHarnessPerTest();

const item = (n: number) => ({
  detailType: 'Dataset Rejected',
  severity: 'warning' as const,
  line: `part-${n}`,
  at: '2026-03-02T12:00:00Z',
  eventKey: `k${n}`,
});

describe('DynamoDigestStore (dynalite)', () => {
  it('lists the first items of a window, counts the rest, and opens the next window after a take', async () => {
    // Prepare
    const store = new DynamoDigestStore(harness.dynamo.documentClient, String(harness.env.RECORDS_TABLE_NAME));
    const now = new Date('2026-03-02T12:00:00Z');
    const added = [];

    // Act
    for (let n = 0; n < MAX_DIGEST_ITEMS + 2; n++) {
      added.push(await store.add({ channel: 'C1', item: item(n), windowId: `w${n}`, now, correlationId: `c${n}` }));
    }
    const wrongWindow = await store.take('C1', 'w1');
    const taken = await store.take('C1', 'w0');
    const again = await store.take('C1', 'w0');
    const next = await store.add({ channel: 'C1', item: item(999), windowId: 'w999', now, correlationId: 'c999' });

    // Assess
    expect(added.filter((a) => a.opened)).toEqual([{ opened: true, windowId: 'w0', openedAt: now.toISOString() }]);
    expect(new Set(added.map((a) => a.windowId))).toEqual(new Set(['w0']));
    expect(wrongWindow).toBeUndefined();
    expect(taken?.items.map((i) => i.line).slice(0, 2)).toEqual(['part-0', 'part-1']);
    expect(taken).toMatchObject({ windowId: 'w0', openedAt: now.toISOString(), omitted: 2 });
    expect(taken?.items).toHaveLength(MAX_DIGEST_ITEMS);
    expect(again).toBeUndefined();
    expect(next).toEqual({ opened: true, windowId: 'w999', openedAt: now.toISOString() });
  });
});
