import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataTable } from '../../src/index.js';
import { parseCsvTable } from '../../src/index.js';

/** The repository root, for the example datasets and contracts. */
export const repoRoot = join(__dirname, '..', '..', '..', '..');

/** Reads one of `examples/datasets/*.csv`. */
export const exampleTable = (name: string): DataTable =>
  parseCsvTable(readFileSync(join(repoRoot, 'examples', 'datasets', name), 'utf8'), { source: name });

/** Builds a table from a header and rows of values. */
export const tableOf = (source: string, header: string[], rows: (string | number)[][]): DataTable => ({
  source,
  header,
  rows: rows.map((row) => row.map(String)),
  lines: rows.map((_, i) => i + 2),
});
