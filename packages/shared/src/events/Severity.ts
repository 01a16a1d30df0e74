import * as z from 'zod';

/**
 * How urgent a fleet event is, from least to most: the one scale routing reads.
 *
 * Notify routes by it (Slack for every level, PagerDuty per level as `routing.pagerduty`
 * configures), so every event that carries a severity uses these four names, the same four
 * PagerDuty's Events API v2 accepts.
 */
export const Severity = z.enum(['info', 'warning', 'error', 'critical']);

/** One of the {@link Severity} values. */
export type SeverityValue = z.output<typeof Severity>;

/** The severities a drift verdict can have: drift is never `info` (no drift emits no alert) nor `error`. */
export const DriftSeverity = Severity.extract(['warning', 'critical']);

/** One of the {@link DriftSeverity} values. */
export type DriftSeverityValue = z.output<typeof DriftSeverity>;
