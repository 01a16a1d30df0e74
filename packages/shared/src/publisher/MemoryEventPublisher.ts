import type { FleetDetail, FleetDetailInput, FleetDetailType } from '../events/fleetEvents.js';
import type { EventPublisherPort, PublishEntry, PublishOptions } from './EventPublisher.js';
import { validateFleetDetail } from './validateFleetDetail.js';

/** One event kept by {@link MemoryEventPublisher}. */
export type PublishedEvent<T extends FleetDetailType = FleetDetailType> = {
  detailType: T;
  source: string;
  detail: FleetDetail<T>;
  resources: string[];
  time?: Date;
};

/**
 * An {@link EventPublisherPort} that keeps events in memory, for unit tests of domain code.
 *
 * It validates exactly as {@link EventPublisher} does (nothing is kept if any entry of a
 * `publishAll` is invalid), so a test catches a detail production would reject.
 *
 * @example
 * const events = new MemoryEventPublisher();
 * await decide(request, { events });
 * expect(events.ofType('Retraining Skipped')[0].detail.skipReason).toBe('cooldown');
 */
export class MemoryEventPublisher implements EventPublisherPort {
  /** Every event published so far, in order. */
  readonly published: PublishedEvent[] = [];

  async publish<T extends FleetDetailType>(
    detailType: T,
    detail: FleetDetailInput<T>,
    options: PublishOptions = {},
  ): Promise<void> {
    await this.publishAll([{ detailType, detail, ...options }]);
  }

  async publishAll(entries: PublishEntry[]): Promise<void> {
    const validated = entries.map((entry, index) => ({
      ...validateFleetDetail(entry.detailType, entry.detail, entries.length > 1 ? ` (entry ${index})` : ''),
      resources: entry.resources ?? [],
      ...(entry.time === undefined ? {} : { time: entry.time }),
    }));
    this.published.push(...validated);
  }

  /** The events of one detail-type, with their details typed. */
  ofType<T extends FleetDetailType>(detailType: T): PublishedEvent<T>[] {
    return this.published.filter((e): e is PublishedEvent<T> => e.detailType === detailType);
  }

  /** Forgets every event. */
  clear(): void {
    this.published.length = 0;
  }
}
