import type { EmfSink } from '../app/ports.js';

/**
 * Writes an embedded-metric-format document as one line on standard output, which Lambda sends
 * to CloudWatch Logs, where the metrics are extracted under the document's own namespace.
 */
export const consoleEmfSink = (
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): EmfSink => ({
  write: (document) => write(JSON.stringify(document)),
});
