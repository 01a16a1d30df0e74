import { MemoryRecordsRepository, parseFleetConfig } from '@fleet/shared';
import { RecordsDeliveryStore } from '../../src/adapters/RecordsDeliveryStore.js';
import type { PagerDutyApi, SlackApi, SlackPorts } from '../../src/app/ports.js';
import type { PagerDutyEvent } from '../../src/domain/pagerduty/PagerDutyEvent.js';
import type { SlackMessage } from '../../src/domain/slack/SlackMessage.js';
import { FakeLogger, FakeMetrics, FixedClock, MapSecrets, MemoryDigestStore, RecordingScheduler } from './fakes.js';

/** The configuration the use-case tests run with: churn posts to C0CHURN and pages errors and criticals. */
export const testConfig = parseFleetConfig(
  `
version: 1
models:
  churn:
    pipeline: churn-retrain
    datasets: [churn]
    routing: { slackChannel: C0CHURN, pagerduty: { error: /p/error, critical: /p/critical } }
pipelines: { churn-retrain: {} }
datasets: { churn: { contract: c.yaml } }
`,
  { file: 'fleet.test.yaml', stage: 'test' },
);

/** A Slack API in memory: every call kept, `ts` counting up, `failWith` thrown by the next call. */
export class MemorySlack implements SlackApi {
  readonly posts: { channel: string; message: SlackMessage; threadTs?: string }[] = [];
  readonly updates: { channel: string; ts: string; message: SlackMessage }[] = [];
  /** Errors the next calls throw, in order. */
  readonly failures: Error[] = [];
  #ts = 100;

  /** Makes the next call throw `error`. */
  set failWith(error: Error) {
    this.failures.push(error);
  }

  async postMessage(input: { channel: string; message: SlackMessage; threadTs?: string }) {
    this.#fail();
    this.posts.push(input);
    return { channel: input.channel, ts: `${++this.#ts}.000000` };
  }

  async updateMessage(input: { channel: string; ts: string; message: SlackMessage }) {
    this.#fail();
    this.updates.push(input);
    return { channel: input.channel, ts: input.ts };
  }

  #fail(): void {
    const error = this.failures.shift();
    if (error !== undefined) throw error;
  }
}

/** PagerDuty in memory: every event kept. */
export class MemoryPagerDuty implements PagerDutyApi {
  readonly events: PagerDutyEvent[] = [];

  async send(event: PagerDutyEvent) {
    this.events.push(event);
    return { dedupKey: event.dedup_key };
  }
}

/** Slack ports made of in-memory fakes and the records store over the in-memory repository. */
export const memorySlackPorts = () => {
  const records = new MemoryRecordsRepository();
  const ports = {
    config: testConfig,
    stage: 'test',
    store: new RecordsDeliveryStore(records),
    secrets: new MapSecrets({ '/p/error': 'E'.repeat(32), '/p/critical': 'C'.repeat(32) }),
    clock: new FixedClock('2026-03-02T12:00:00.000Z'),
    sleep: async () => undefined,
    logger: new FakeLogger(),
    metrics: new FakeMetrics(),
    reportsBaseUrl: 'https://reports.fleet.test',
    slack: new MemorySlack(),
    digests: new MemoryDigestStore(),
    scheduler: new RecordingScheduler(),
  } satisfies SlackPorts;
  return { ...ports, records };
};

/** How a use-case test invokes: one owner, plenty of time. */
export const invocation = (owner = 'req-1') => ({ owner, remainingMs: () => 30_000 });
