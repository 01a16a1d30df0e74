import { FleetMetric, reportHandledFailure } from '@fleet/shared';
import { isPermanent, PermanentDeliveryError } from '../domain/errors.js';
import type { DeliveryFields, DeliveryKey, NotifyPorts } from './ports.js';

/** What became of one delivery. */
export type DeliveryOutcome =
  | { destination: string; status: 'delivered'; result: Record<string, unknown> }
  | { destination: string; status: 'duplicate'; result?: Record<string, unknown> }
  | { destination: string; status: 'in-progress' };

/** The lease margin past the invocation's deadline (see leaseDurationForInvocation). */
const LEASE_MARGIN_MS = 5000;

/**
 * Delivers to one destination exactly once per event key, through the delivery record (a lease).
 *
 * - completed: a redelivered or re-published event; nothing is sent again;
 * - held by a live invocation: that one delivers (and its retries if it fails); nothing here;
 * - acquired: `send` runs; its result (Slack `ts`, PagerDuty dedup key) completes the record.
 *
 * A failure marks the record failed with the error's name and message, is counted, and is
 * rethrown so Lambda retries and then dead-letters the event. A record that failed permanently
 * (`channel_not_found`...) is failed again on a retry without calling the destination, so the
 * event reaches the dead-letter queue without another attempt.
 */
export const deliverOnce = async (
  delivery: { key: DeliveryKey; fields: DeliveryFields },
  send: (attempt: { retried: boolean; key: DeliveryKey }) => Promise<Record<string, unknown>>,
  ports: Pick<NotifyPorts, 'store' | 'clock' | 'logger' | 'metrics'>,
  options: { owner: string; remainingMs: () => number },
): Promise<DeliveryOutcome> => {
  const { key, fields } = delivery;
  const { destination } = key;
  const durationMs = Math.max(0, options.remainingMs()) + LEASE_MARGIN_MS;
  const claim = await ports.store.claim(key, fields, options.owner, ports.clock.now(), durationMs);
  if (claim.outcome !== 'acquired') {
    ports.metrics.addMetric(FleetMetric.NotificationsDuplicate, 'Count', 1);
    ports.logger.info('delivery skipped: already delivered or being delivered', { ...key, claim: claim.outcome });
    return claim.outcome === 'completed'
      ? { destination, status: 'duplicate', result: claim.result }
      : { destination, status: 'in-progress' };
  }
  const previous = claim.previousFailure;
  if (previous !== undefined && isPermanent(previous)) {
    const error = new PermanentDeliveryError(previous.message, 'permanent', {});
    await ports.store.fail(key, options.owner, ports.clock.now(), error);
    ports.logger.info('delivery not retried: it failed permanently before', { ...key, failure: previous });
    throw error;
  }
  let result: Record<string, unknown>;
  try {
    result = await send({ retried: claim.retried === true, key });
  } catch (error) {
    ports.metrics.addMetric(FleetMetric.NotificationsFailed, 'Count', 1);
    try {
      await ports.store.fail(key, options.owner, ports.clock.now(), error);
    } catch (recordError) {
      reportHandledFailure(ports, {
        step: 'DeliveryFailureNotRecorded',
        message: 'could not mark a failed delivery as failed; its lease expires instead',
        correlationId: fields.correlationId,
        error: recordError,
        details: { ...key },
      });
    }
    throw error;
  }
  const completed = await ports.store.complete(key, options.owner, ports.clock.now(), result);
  if (!completed) {
    reportHandledFailure(ports, {
      step: 'DeliveryLeaseLost',
      message: 'delivered, but the delivery record was taken over meanwhile: the destination may see it twice',
      correlationId: fields.correlationId,
      error: new Error('lease lost'),
      level: 'warn',
      details: { ...key },
    });
  }
  ports.metrics.addMetric(FleetMetric.NotificationsDelivered, 'Count', 1);
  ports.logger.info('delivered', { ...key, detailType: fields.detailType, result });
  return { destination, status: 'delivered', result };
};
