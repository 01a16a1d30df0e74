import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type FleetDetailInput,
  type FleetDetailType,
  fleetEvents,
  MemoryRecordsRepository,
  parseContract,
  parseFleetConfig,
} from '@fleet/shared';
import { RecordsDriftStore } from '../../src/adapters/RecordsDriftStore.js';
import type { DriftPorts, ModelPackage, ModelRegistry, ObjectRef, ObjectStore } from '../../src/app/ports.js';
import { type MonitorSettings, monitorSettings } from '../../src/domain/MonitorSettings.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** Objects in memory, listed and streamed like S3. */
export class MemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, string>();
  readonly reads: string[] = [];

  set(bucket: string, key: string, body: string): void {
    this.objects.set(`${bucket}/${key}`, body);
  }

  body(bucket: string, key: string): string | undefined {
    return this.objects.get(`${bucket}/${key}`);
  }

  async list(bucket: string, prefix: string): Promise<string[]> {
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(`${bucket}/${prefix}`))
      .map((k) => k.slice(bucket.length + 1))
      .sort();
  }

  async *lines(object: ObjectRef): AsyncIterable<string[]> {
    const text = await this.text(object);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    yield lines;
  }

  async text(object: ObjectRef): Promise<string> {
    this.reads.push(object.key);
    const body = this.objects.get(`${object.bucket}/${object.key}`);
    if (body === undefined) throw new Error(`NoSuchKey: ${object.bucket}/${object.key}`);
    return body;
  }

  async put(bucket: string, key: string, body: string): Promise<void> {
    this.set(bucket, key, body);
  }
}

/** A Model Registry that knows the packages it is given. */
export class FakeRegistry implements ModelRegistry {
  readonly packages = new Map<string, ModelPackage>();

  async describe(arn: string): Promise<ModelPackage | undefined> {
    return this.packages.get(arn);
  }
}

/** Validates each event against the catalog, as the real publisher does, and keeps it. */
export class FakeEvents {
  readonly published: { detailType: FleetDetailType; detail: Record<string, unknown> }[] = [];

  async publish<T extends FleetDetailType>(detailType: T, detail: FleetDetailInput<T>): Promise<void> {
    this.published.push({
      detailType,
      detail: fleetEvents[detailType].detail.parse(detail) as Record<string, unknown>,
    });
  }
}

/** A clock that stays where it is put. */
export class FixedClock {
  #now: Date;

  constructor(iso: string) {
    this.#now = new Date(iso);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(iso: string): void {
    this.#now = new Date(iso);
  }
}

/** Every port in memory: the records table, S3, the registry, the bus, metrics, logs and EMF. */
export const memoryPorts = (clock = new FixedClock('2026-03-02T00:10:00.000Z')) => {
  const records = new MemoryRecordsRepository();
  const objects = new MemoryObjectStore();
  const registry = new FakeRegistry();
  const events = new FakeEvents();
  const metrics: { name: string; unit: string; value: number }[] = [];
  const logs: { level: string; message: string; attributes: Record<string, unknown> }[] = [];
  const emf: Record<string, unknown>[] = [];
  const ports: DriftPorts = {
    objects,
    registry,
    store: new RecordsDriftStore(records),
    events,
    emf: { write: (document) => emf.push(document) },
    clock,
    logger: {
      error: (message, attributes) => logs.push({ level: 'error', message, attributes }),
      warn: (message, attributes) => logs.push({ level: 'warn', message, attributes }),
    },
    metrics: { addMetric: (name, unit, value) => metrics.push({ name, unit, value }) },
    bucket: 'fleet-test-data',
  };
  return { ports, records, objects, registry, events, metrics, logs, emf, clock };
};

/** The churn contract of the repository. */
export const churnContract = () =>
  parseContract(readFileSync(path.join(repoRoot, 'contracts', 'churn.yaml'), 'utf8'), 'contracts/churn.yaml').contract;

/** A fleet configuration with churn monitored; `drift` is merged into its drift section. */
export const churnSettings = (drift: Record<string, unknown> = {}): MonitorSettings => {
  const config = parseFleetConfig(
    JSON.stringify({
      version: 1,
      models: {
        churn: {
          pipeline: 'churn-retrain',
          datasets: ['churn'],
          deployment: {
            endpointName: 'churn',
            instanceType: 'ml.m5.large',
            executionRoleArn: 'arn:aws:iam::123456789012:role/sm',
            dataCapture: { prefix: 'capture' },
          },
          drift: { persistence: 2, ...drift },
        },
      },
      pipelines: { 'churn-retrain': {} },
      datasets: { churn: { contract: 'contracts/churn.yaml' } },
    }),
    { file: 'fleet.test.yaml', stage: 'test' },
  );
  return monitorSettings(config, 'churn', { file: 'fleet.test.yaml', contract: churnContract() });
};
