import { listPrefixes } from '../../../src/app/listPrefixes.js';
import type { ObjectStore } from '../../../src/app/ports.js';

/** An object store whose listings finish in the reverse order they start, counting how many run at once. */
const slowListings = (fail?: string) => {
  let running = 0;
  let most = 0;
  const started: string[] = [];
  const objects: ObjectStore = {
    list: async (_bucket, prefix) => {
      started.push(prefix);
      running++;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, 20 - Number(prefix.slice(-2)) / 10));
      running--;
      if (prefix === fail) throw new Error(`cannot list ${prefix}`);
      return [`${prefix}/b.jsonl`, `${prefix}/a.jsonl`].sort();
    },
    lines: () => {
      throw new Error('not read');
    },
    text: async () => '',
    put: async () => undefined,
  };
  return { objects, started, most: () => most };
};

describe('listPrefixes', () => {
  it('lists every prefix, a few at a time, and returns the keys in the prefixes order', async () => {
    // Prepare
    const prefixes = Array.from(
      { length: 24 },
      (_, h) => `capture/churn/AllTraffic/2026/03/01/${String(h).padStart(2, '0')}`,
    );
    const store = slowListings();

    // Act
    const keys = await listPrefixes(prefixes, { objects: store.objects, bucket: 'data' }, 4);

    // Assess
    expect(keys.map((k) => k[0])).toEqual(prefixes.map((p) => `${p}/a.jsonl`));
    expect(keys.every((k) => k.length === 2)).toBe(true);
    expect(store.most()).toBe(4);
  });

  it('throws the failed listing and starts none after it', async () => {
    // Prepare
    const prefixes = Array.from(
      { length: 24 },
      (_, h) => `ground-truth/churn/2026/03/01/${String(h).padStart(2, '0')}`,
    );
    const store = slowListings(prefixes[1]);

    // Act
    const listing = listPrefixes(prefixes, { objects: store.objects, bucket: 'data' }, 2);

    // Assess
    await expect(listing).rejects.toThrow(`cannot list ${prefixes[1]}`);
    expect(store.started.length).toBeLessThan(prefixes.length);
  });
});
