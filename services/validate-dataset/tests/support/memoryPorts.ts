import { MemoryEventPublisher, MemoryRecordsRepository } from '@fleet/shared';
import type { ValidationPorts } from '../../src/app/ports.js';
import { testCatalog } from './fixtures.js';
import { MemoryObjectStore } from './MemoryObjectStore.js';
import { recordingObservability } from './recordingObservability.js';

/** In-memory ports with a fixed clock and numbered owner ids. */
export const memoryPorts = (start = '2024-05-01T10:00:00.000Z') => {
  let now = new Date(start);
  let n = 0;
  const objects = new MemoryObjectStore();
  const records = new MemoryRecordsRepository();
  const events = new MemoryEventPublisher();
  const { logger, metrics, lines, counted } = recordingObservability();
  const ports: ValidationPorts = {
    contracts: testCatalog(),
    objects,
    records,
    events,
    clock: { now: () => now },
    newId: () => `owner-${++n}`,
    logger,
    metrics,
  };
  return {
    ports,
    objects,
    records,
    events,
    /** What the use case logged and counted. */
    lines,
    counted,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
};
