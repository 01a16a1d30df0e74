import type { DriftResult } from '@fleet/drift';
import type { DriftSeverityValue } from '@fleet/shared';

/** What one check came to. */
export type CheckOutcome =
  | { status: 'duplicate' | 'concurrent'; model: string; window: { start: string; end: string } }
  | { status: 'baseline_unresolved'; model: string; window: { start: string; end: string }; missingLink: string }
  | {
      status: DriftResult['status'];
      model: string;
      window: { start: string; end: string };
      severity?: DriftSeverityValue;
      announced: 'detected' | 'cleared' | 'none';
      recordKey: string;
      reportKey: string;
      rows: number;
    };
