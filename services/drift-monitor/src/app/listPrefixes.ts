import type { DriftPorts } from './ports.js';

/** How many listings run at once: enough to hide S3's per-request latency, few enough to stay polite. */
export const LIST_CONCURRENCY = 8;

/**
 * The keys under each prefix, in the prefixes' order (each prefix's keys in key order), listed
 * at most `concurrency` at a time.
 *
 * A day of hour prefixes is 24 listings, a week of ground truth 192: one after the other they
 * cost a request's latency each. The keys are only names (a few per hour), never the objects,
 * so holding them is bounded by the number of objects, not by the traffic. The first failed
 * listing is thrown once the running ones have settled; no listing starts after it.
 */
export const listPrefixes = async (
  prefixes: readonly string[],
  ports: Pick<DriftPorts, 'objects' | 'bucket'>,
  concurrency = LIST_CONCURRENCY,
): Promise<string[][]> => {
  const keys: string[][] = new Array(prefixes.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < prefixes.length) {
      const i = next++;
      try {
        keys[i] = await ports.objects.list(ports.bucket, prefixes[i]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, prefixes.length) }, worker));
  return keys;
};
