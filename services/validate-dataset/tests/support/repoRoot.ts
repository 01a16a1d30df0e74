import path from 'node:path';

/** The repository root, for the contracts, example datasets and configuration the tests read. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
