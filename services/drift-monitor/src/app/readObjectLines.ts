import { PayloadError } from '../domain/decodePayload.js';
import { listPrefixes } from './listPrefixes.js';
import type { DriftPorts } from './ports.js';

/** A malformed line, for the report. */
export type MalformedLine = { key: string; line: number; reason: string };

/** Malformed lines: all counted, the first {@link MALFORMED_LISTED} listed. */
export type MalformedLines = { count: number; first: MalformedLine[] };

/** How many malformed lines the report lists; the rest are counted. */
export const MALFORMED_LISTED = 20;

/**
 * Streams every non-blank line of the objects under `prefixes` (listed a few at a time, see
 * `listPrefixes`) to `read`, with its object key and line number (from 1, blank lines
 * included). A line `read` rejects with a `PayloadError` is counted in `malformed`, with its
 * key, line and reason while fewer than {@link MALFORMED_LISTED} are listed, and never stops
 * the reading; any other error is thrown.
 *
 * @returns how many objects were read
 */
export const readObjectLines = async (
  prefixes: readonly string[],
  ports: Pick<DriftPorts, 'objects' | 'bucket'>,
  malformed: MalformedLines,
  read: (text: string, key: string, line: number) => void,
): Promise<number> => {
  let objects = 0;
  for (const keys of await listPrefixes(prefixes, ports)) {
    for (const key of keys) {
      objects++;
      let line = 0;
      for await (const batch of ports.objects.lines({ bucket: ports.bucket, key })) {
        for (const text of batch) {
          line++;
          if (text.trim() === '') continue;
          try {
            read(text, key, line);
          } catch (error) {
            if (!(error instanceof PayloadError)) throw error;
            malformed.count++;
            if (malformed.first.length < MALFORMED_LISTED) malformed.first.push({ key, line, reason: error.message });
          }
        }
      }
    }
  }
  return objects;
};
