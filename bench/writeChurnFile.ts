import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

/** Mulberry32: a small seeded generator, so the files are the same on every machine. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** How large a generated file is: exactly this many data rows, or at least this many bytes. */
export type ChurnFileSize = { rows: number } | { bytes: number };

/**
 * Writes a churn-like CSV for the validation benchmarks: rows of
 * `examples/datasets/churn_baseline.csv` drawn at random (seeded by `seed`), each with a fresh
 * unique `customer_id`, so the file passes `contracts/churn.yaml` and both tools read every row.
 *
 * The file appears whole or not at all (it is written under a temporary name, then renamed).
 */
export const writeChurnFile = (root: string, file: string, size: ChurnFileSize, seed: number): void => {
  const lines = readFileSync(resolve(root, 'examples/datasets/churn_baseline.csv'), 'utf8').trimEnd().split('\n');
  const bodies = lines.slice(1).map((line) => line.slice(line.indexOf(',')));
  const next = random(seed);
  const partial = `${file}.${process.pid}.tmp`;
  const fd = openSync(partial, 'w');
  writeSync(fd, `${lines[0]}\n`);
  let id = 0;
  let written = 0;
  const more = () => ('rows' in size ? id < size.rows : written < size.bytes);
  while (more()) {
    const parts: string[] = [];
    const end = 'rows' in size ? Math.min(size.rows, id + 20_000) : id + 20_000;
    while (id < end) {
      id++;
      parts.push(`CUST-${String(id).padStart(9, '0')}${bodies[Math.floor(next() * bodies.length)]}\n`);
    }
    const chunk = parts.join('');
    writeSync(fd, chunk);
    written += chunk.length;
  }
  closeSync(fd);
  renameSync(partial, file);
};
