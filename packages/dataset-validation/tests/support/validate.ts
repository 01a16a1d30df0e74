import { DatasetContract, type DatasetContractInput } from '@fleet/shared/contract';
import { type ValidationResult, validateDataset } from '../../src/index.js';

/** Yields `input` in chunks of `size` bytes (the last one shorter), as a stream would. */
export async function* chunked(input: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let offset = 0; offset < input.length; offset += size) yield input.subarray(offset, offset + size);
}

/** Bytes of a text, or the bytes themselves. */
export const bytesOf = (input: string | Uint8Array): Uint8Array =>
  typeof input === 'string' ? new TextEncoder().encode(input) : input;

/** A contract with defaults applied, for tests that state only what they need. */
export const contractOf = (
  columns: DatasetContractInput['columns'],
  rest: Partial<Omit<DatasetContractInput, 'columns'>> = {},
): DatasetContract => DatasetContract.parse({ dataset: 'test', match: 'raw/test/', columns, ...rest });

/** Validates `input` against `contract`, fed in chunks of `chunkSize` bytes. */
export const validate = (
  input: string | Uint8Array,
  contract: DatasetContract,
  chunkSize = 1 << 16,
): Promise<ValidationResult> => validateDataset(chunked(bytesOf(input), chunkSize), contract);

/** The same validation with every chunk size in `sizes`; they must all agree. */
export const CHUNK_SIZES = [1, 2, 3, 5, 7, 64, 4096];
