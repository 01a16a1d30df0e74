import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MemoryRecordsRepository } from '../packages/shared/src/index.js';
import { RecordsDriftStore } from '../services/drift-monitor/src/adapters/RecordsDriftStore.js';
import type { DriftPorts, ObjectRef, ObjectStore } from '../services/drift-monitor/src/app/ports.js';

/** The header and rows of `examples/datasets/<name>.csv`. */
export const exampleRows = (root: string, name: string): { header: string; rows: string[][] } => {
  const [header, ...lines] = readFileSync(resolve(root, 'examples/datasets', `${name}.csv`), 'utf8')
    .trimEnd()
    .split('\n');
  return { header, rows: lines.map((line) => line.split(',')) };
};

/** One Data Capture line of a churn row: its eight inputs as CSV, a score that agrees with its label. */
export const churnCaptureLine = (row: string[], inferenceTime: string, eventId: string): string =>
  JSON.stringify({
    captureData: {
      endpointInput: {
        observedContentType: 'text/csv',
        mode: 'INPUT',
        data: row.slice(0, 8).join(','),
        encoding: 'CSV',
      },
      endpointOutput: {
        observedContentType: 'text/csv; charset=utf-8',
        mode: 'OUTPUT',
        data: row[8] === '1' ? '0.8' : '0.2',
        encoding: 'CSV',
      },
    },
    eventMetadata: { eventId, inferenceTime },
    eventVersion: '0',
  });

/** Objects in memory, listed and streamed like S3 (for checks that measure the decision, not S3). */
export class MemoryObjects implements ObjectStore {
  readonly objects = new Map<string, string>();

  async list(bucket: string, prefix: string): Promise<string[]> {
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(`${bucket}/${prefix}`))
      .map((k) => k.slice(bucket.length + 1));
  }

  async *lines(object: ObjectRef): AsyncIterable<string[]> {
    yield (await this.text(object)).split('\n');
  }

  async text(object: ObjectRef): Promise<string> {
    const body = this.objects.get(`${object.bucket}/${object.key}`);
    if (body === undefined) throw new Error(`no object ${object.key}`);
    return body;
  }

  async put(bucket: string, key: string, body: string): Promise<void> {
    this.objects.set(`${bucket}/${key}`, body);
  }
}

/** Ports for a check in one process: the given objects, records in memory, events counted, metrics dropped. */
export const benchPorts = (objects: ObjectStore, bucket: string) => {
  const published: { detailType: string; detail: Record<string, unknown> }[] = [];
  const ports: DriftPorts = {
    objects,
    registry: { describe: async () => undefined },
    store: new RecordsDriftStore(new MemoryRecordsRepository()),
    events: {
      publish: async (detailType, detail) => {
        published.push({ detailType, detail: detail as Record<string, unknown> });
      },
    },
    emf: { write: () => undefined },
    clock: { now: () => new Date() },
    logger: { error: () => undefined, warn: () => undefined },
    metrics: { addMetric: () => undefined },
    bucket,
  };
  return { ports, published };
};
