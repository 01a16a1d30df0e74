import type { DatasetContract } from '@fleet/shared/contract';
import { DatasetValidator } from './DatasetValidator.js';
import type { ValidationResult } from './ValidationResult.js';

/**
 * Streams a CSV dataset through its contract and returns the verdict, issues and profile.
 *
 * The same code path serves the Lambda (an S3 object body) and `fleet validate` (a file
 * stream): any async iterable of byte chunks works, chunks may be cut anywhere, and memory
 * stays bounded by the contract's limits, except the exact `unique` sets (about 25 MB per
 * million distinct values). Reading stops early when the file cannot be read as the contract
 * says (UTF-16, a wrong delimiter). Errors of the source itself (a failed read) are thrown.
 * `expectedBytes` (S3 ContentLength, a file's size) is optional: it only sizes `unique` sets
 * once instead of doubling them, which saves time and the transient copy. Blank lines are
 * skipped, so in a one-column file a null must be written `""`.
 *
 * @throws RangeError when the contract's delimiter is not a single ASCII character
 */
export const validateDataset = async (
  source: AsyncIterable<Uint8Array>,
  contract: DatasetContract,
  options: { now?: () => number; expectedBytes?: number } = {},
): Promise<ValidationResult> => {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const validator = new DatasetValidator(contract, { expectedBytes: options.expectedBytes });
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.length;
    validator.push(chunk);
    if (validator.done) break;
  }
  validator.end();
  return { ...validator.result(), bytes, durationMs: now() - started };
};
