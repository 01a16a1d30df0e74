import { batchEntries, entrySize } from '../../src/index.js';

describe('entrySize', () => {
  it('counts UTF-8 bytes of source, detail-type, detail and resources, and 14 for a time', () => {
    // Prepare
    const entry = {
      Source: 'fleet.x',
      DetailType: 'Drift Cleared',
      Detail: '{"name":"Zoë"}',
      Resources: ['arn:a', 'arn:bb'],
      Time: new Date(),
      EventBusName: 'not counted',
    };

    // Act
    const size = entrySize(entry);

    // Assess: 7 + 13 + 15 (ë is two bytes) + 5 + 6 + 14
    expect(size).toBe(60);
  });

  it('counts nothing for absent optional fields', () => {
    // Act
    const size = entrySize({ Source: 'a', DetailType: 'b' });

    // Assess
    expect(size).toBe(2);
  });
});

describe('batchEntries', () => {
  it('closes a batch at the entry limit', () => {
    // Act
    const batches = batchEntries([1, 1, 1, 1, 1], () => 1, { maxEntries: 2, maxBytes: 100 });

    // Assess
    expect(batches).toEqual([[1, 1], [1, 1], [1]]);
  });

  it('closes a batch before the byte limit and keeps order', () => {
    // Act
    const batches = batchEntries([3, 4, 2, 5], (n) => n, { maxEntries: 10, maxBytes: 7 });

    // Assess
    expect(batches).toEqual([
      [3, 4],
      [2, 5],
    ]);
  });

  it('throws when one item is larger than a batch', () => {
    // Act
    const batching = () => batchEntries([1, 9], (n) => n, { maxEntries: 10, maxBytes: 8 });

    // Assess
    expect(batching).toThrow('item 1 is 9 bytes');
  });
});
