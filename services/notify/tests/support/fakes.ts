import type { DigestFire, DigestScheduler, DigestStore, DigestWindow, Secrets } from '../../src/app/ports.js';
import type { DigestItem } from '../../src/domain/slack/messages/digestMessage.js';

/** A clock that stays where it is put. */
export class FixedClock {
  #now: Date;

  constructor(iso: string) {
    this.#now = new Date(iso);
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

/** Records log lines by level. */
export class FakeLogger {
  readonly lines: { level: string; message: string; attributes: Record<string, unknown> }[] = [];

  #log(level: string) {
    return (message: string, attributes: Record<string, unknown> = {}) => {
      this.lines.push({ level, message, attributes });
    };
  }

  info = this.#log('info');
  debug = this.#log('debug');
  warn = this.#log('warn');
  error = this.#log('error');
}

/** Counts metrics by name. */
export class FakeMetrics {
  readonly counts = new Map<string, number>();

  addMetric(name: string, _unit: 'Count', value: number): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + value);
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }
}

/** Records the schedules armed, by name (an arming of an existing name moves it). */
export class RecordingScheduler implements DigestScheduler {
  readonly armed = new Map<string, { at: Date; payload: DigestFire }>();
  armings = 0;

  async arm(input: { name: string; at: Date; payload: DigestFire }): Promise<void> {
    this.armings++;
    this.armed.set(input.name, { at: input.at, payload: input.payload });
  }
}

/** Digest windows in memory, with the DynamoDB store's semantics (one window per channel, taken atomically). */
export class MemoryDigestStore implements DigestStore {
  readonly #windows = new Map<string, DigestWindow>();

  async add(input: { channel: string; item: DigestItem; windowId: string; now: Date }) {
    const open = this.#windows.get(input.channel);
    if (open !== undefined) {
      open.items.push(input.item);
      return { opened: false, windowId: open.windowId, openedAt: open.openedAt };
    }
    const openedAt = input.now.toISOString();
    this.#windows.set(input.channel, { windowId: input.windowId, openedAt, items: [input.item], omitted: 0 });
    return { opened: true, windowId: input.windowId, openedAt };
  }

  async take(channel: string, windowId: string): Promise<DigestWindow | undefined> {
    const open = this.#windows.get(channel);
    if (open?.windowId !== windowId) return undefined;
    this.#windows.delete(channel);
    return open;
  }
}

/** Secrets from a map, counting reads. */
export class MapSecrets implements Secrets {
  reads = 0;

  constructor(
    readonly keys: Record<string, string>,
    readonly linkKey: Buffer | undefined = Buffer.from('k'.repeat(32)),
  ) {}

  async routingKey(parameterName: string): Promise<string> {
    this.reads++;
    const key = this.keys[parameterName];
    if (key === undefined) throw new Error(`no parameter ${parameterName}`);
    return key;
  }

  async reportLinkKey(): Promise<Buffer | undefined> {
    return this.linkKey;
  }
}
