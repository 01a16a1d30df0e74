/**
 * A number in [0, 1) that depends only on the seed and the text: a 32-bit FNV-1a hash of the
 * text, mixed with the seed by a mulberry32 step.
 *
 * Fault decisions are taken through this rather than a stream of random numbers, so the calls
 * made at the same time in a different order still meet the same faults.
 */
export const seededChance = (seed: number, text: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  let t = (hash ^ Math.imul(seed | 0, 0x9e3779b1)) + 0x6d2b79f5;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
