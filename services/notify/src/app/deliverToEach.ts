import { DeliveriesFailedError } from '../domain/errors.js';
import { type DeliveryOutcome, deliverOnce } from './deliverOnce.js';
import type { DeliveryKey, InvocationOptions, NotifyPorts } from './ports.js';

/** One destination of an event: its name in the delivery record, the model, and how to send. */
export type Destination = {
  destination: string;
  model?: string;
  send: (attempt: { retried: boolean; key: DeliveryKey }) => Promise<Record<string, unknown>>;
};

/**
 * Delivers one event to each of its destinations exactly once ({@link deliverOnce}), in order,
 * going on past a destination that fails so the others are served.
 *
 * @throws DeliveriesFailedError naming every destination that failed (the others stay delivered)
 */
export const deliverToEach = async (
  event: { detailType: string; detail: { eventKey: string; correlationId: string } },
  destinations: readonly Destination[],
  ports: Pick<NotifyPorts, 'store' | 'clock' | 'logger' | 'metrics'>,
  options: InvocationOptions,
): Promise<DeliveryOutcome[]> => {
  const outcomes: DeliveryOutcome[] = [];
  const failures: { destination: string; error: unknown }[] = [];
  for (const { destination, model, send } of destinations) {
    try {
      outcomes.push(
        await deliverOnce(
          {
            key: { eventKey: event.detail.eventKey, destination },
            fields: { correlationId: event.detail.correlationId, detailType: event.detailType, model },
          },
          send,
          ports,
          options,
        ),
      );
    } catch (error) {
      failures.push({ destination, error });
    }
  }
  if (failures.length > 0) throw new DeliveriesFailedError(failures);
  return outcomes;
};
