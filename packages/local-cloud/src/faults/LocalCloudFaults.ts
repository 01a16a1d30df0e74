/** Options of the fault injection (`LocalCloudOptions.faults`). */
export type LocalCloudFaults = {
  /** The share of calls answered with a fault, 0 to 1 (default {@link DEFAULT_FAULT_RATE}). */
  rate?: number;
  /** Which calls fail: the same seed and the same calls give the same faults. */
  seed: number;
  /** The most times in a row one request (same service, operation and body) is failed (default {@link DEFAULT_MAX_CONSECUTIVE_FAULTS}). */
  maxConsecutive?: number;
};

/** One call in ten fails unless told otherwise. */
export const DEFAULT_FAULT_RATE = 0.1;

/** The SDK's three attempts, or the next Lambda retry, get a request through. */
export const DEFAULT_MAX_CONSECUTIVE_FAULTS = 3;
