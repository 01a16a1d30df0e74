import type { EmfSink } from '../app/ports.js';

/** Options of {@link consoleEmfSink}. */
export type ConsoleEmfSinkOptions = {
  /** Where the line goes (default: standard output, which Lambda sends to CloudWatch Logs). */
  write?: (line: string) => void;
  /**
   * Whether documents are written at all (default true). The dependency factory follows
   * Powertools' own switch, `POWERTOOLS_METRICS_DISABLED`, so the Model Monitor metrics are on
   * and off with the fleet's other metrics (the local cloud turns both off).
   */
  enabled?: boolean;
};

/**
 * Writes an embedded-metric-format document as one line on standard output, which Lambda sends
 * to CloudWatch Logs, where the metrics are extracted under the document's own namespace.
 */
export const consoleEmfSink = (options: ConsoleEmfSinkOptions = {}): EmfSink => {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const enabled = options.enabled ?? true;
  return {
    write: (document) => {
      if (enabled) write(JSON.stringify(document));
    },
  };
};
