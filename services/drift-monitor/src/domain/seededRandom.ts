import { createHash } from 'node:crypto';

/**
 * A pseudo-random generator in [0, 1) seeded from text (sfc32 over a SHA-256 of the seed).
 *
 * Seeded from the model and the window, a re-run of a check draws the same sample and so
 * reaches the same verdict. Not for anything secret.
 */
export const seededRandom = (seed: string): (() => number) => {
  const digest = createHash('sha256').update(seed).digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
};
