import type { DemoApproval } from './demoApproval.js';
import type { DemoDrift } from './demoDrift.js';
import type { DemoFaults } from './demoFaults.js';
import type { DemoRollback } from './demoRollback.js';
import type { DemoScenarioName } from './demoScenarios.js';
import type { TimelineEntry } from './TimelineEntry.js';

/** One pipeline execution as the demo reports it. */
export type DemoExecution = {
  executionArn: string;
  status: string;
  startTime: string;
  endTime?: string;
  failureReason?: string;
  parameters: Record<string, string>;
};

/** What `fleet demo` found: whether the loop completed, and everything it saw on the way. */
export type DemoReport = {
  /** True when every step of the loop happened as it should. */
  ok: boolean;
  /** Why the loop did not complete (the first check that failed), when `ok` is false. */
  reason?: string;
  /** Each check and whether it held, in scenario order. */
  checks: { name: string; ok: boolean; detail: string }[];
  /** Wall-clock milliseconds, start-up included. */
  wallClockMs: number;
  /** Local-clock times at the start and the end of the scenario (ISO 8601). */
  clock: { start: string; end: string };
  timeline: TimelineEntry[];
  executions: DemoExecution[];
  /** The audit records written, in time order. */
  records: { at: string; pk: string; kind: string; decision: string; why: string }[];
  /** The first landing's chain: its correlation id (the S3 event's id) and its audit records, found with one Query of the correlation index. */
  chain?: { correlationId: string; records: { kind: string; decision: string }[] };
  /** The scenario that ran after the first run (`fleet demo --list`). */
  scenario: DemoScenarioName;
  /** The approval of the run's package: the Slack message, the clicks, the decisions, the packages at the end. */
  approval: DemoApproval;
  /** The live traffic and the drift monitor's verdicts on it, in the scenarios that deploy and send traffic. */
  drift?: DemoDrift;
  /** The second deployment and its rollback, in the `rollback` scenario. */
  rollback?: DemoRollback;
  /** What the fleet sent the Slack Web API stand-in: each `chat.postMessage` and `chat.update`, its body as received. */
  slack: { messages: { method: 'chat.postMessage' | 'chat.update'; body: Record<string, unknown> | undefined }[] };
  /** What the fleet sent the PagerDuty Events API v2 stand-in: each request's body as received. */
  pagerduty: { events: unknown[] };
  /** How many items the records table holds in all (audit records plus claims, pointers, pending landings). */
  tableItems: number;
  deadLetters: number;
  /** In the `faults` scenario: the faults injected by service, and the dead letters and failed deliveries with why. */
  faults?: DemoFaults;
};
