import type { FailureLogger, FailureMetrics, FleetConfig } from '@fleet/shared';
import type { IncidentScope } from '../domain/pagerduty/incidents.js';
import type { PagerDutyEvent } from '../domain/pagerduty/PagerDutyEvent.js';
import type { DigestItem } from '../domain/slack/messages/digestMessage.js';
import type { SlackMessage } from '../domain/slack/SlackMessage.js';

/** Slack's Web API as notify uses it: post and update messages. */
export interface SlackApi {
  /** `chat.postMessage`; `threadTs` makes it a reply. The posted message's channel id and `ts`. */
  postMessage(input: {
    channel: string;
    message: SlackMessage;
    threadTs?: string;
  }): Promise<{ channel: string; ts: string }>;
  /** `chat.update` of the message `ts` in `channel`. */
  updateMessage(input: {
    channel: string;
    ts: string;
    message: SlackMessage;
  }): Promise<{ channel: string; ts: string }>;
}

/** PagerDuty's Events API v2: one request per event. */
export interface PagerDutyApi {
  send(event: PagerDutyEvent): Promise<{ dedupKey: string }>;
}

/** Run-time secrets, read from SSM SecureStrings and cached; never logged. */
export interface Secrets {
  /** The PagerDuty routing key stored in the parameter `parameterName`. */
  routingKey(parameterName: string): Promise<string>;
  /** The key report links are signed with; `undefined` when no signing secret is configured. */
  reportLinkKey(): Promise<Buffer | undefined>;
}

/** Which event went (or goes) where: the key of one delivery record. */
export type DeliveryKey = { eventKey: string; destination: string };

/** What is stored with a delivery when it is claimed. */
export type DeliveryFields = { correlationId: string; detailType: string; model?: string };

/** What claiming a delivery found. */
export type DeliveryClaim =
  | {
      outcome: 'acquired';
      /** True when an earlier attempt held the delivery (it failed, or its invocation died). */
      retried?: boolean;
      previousFailure?: { name: string; message: string };
    }
  | { outcome: 'completed'; result?: Record<string, unknown> }
  | { outcome: 'held' };

/** An incident the fleet opened in PagerDuty, kept so that a later event can resolve it. */
export type Incident = {
  scope: IncidentScope;
  dedupKey: string;
  /** The SSM parameter of the routing key it was opened with: a resolve must use the same key. */
  parameterName: string;
  state: 'open' | 'resolved';
  openedAt: string;
  correlationId: string;
  resolvedAt?: string;
};

/**
 * The records notify keeps: one delivery record per event and destination (a lease of the
 * shared `Leases`), the approval messages' pointers, and the incidents it opened.
 */
export interface DeliveryStore {
  /** Claims a delivery for `owner` (the Lambda request id) for `durationMs`. */
  claim(key: DeliveryKey, fields: DeliveryFields, owner: string, now: Date, durationMs: number): Promise<DeliveryClaim>;
  /** Extra fields on a claimed delivery (the digest's items), `false` when the claim was lost. */
  annotate(key: DeliveryKey, owner: string, changes: Record<string, unknown>): Promise<boolean>;
  /** The payload of a claimed delivery, as stored. */
  read(key: DeliveryKey): Promise<Record<string, unknown> | undefined>;
  /** Marks the delivery done with what it produced (Slack `ts`, PagerDuty dedup key); `false` when the claim was lost. */
  complete(key: DeliveryKey, owner: string, now: Date, result: Record<string, unknown>): Promise<boolean>;
  /** Marks the delivery failed with the error's name and message; `false` when the claim was lost. */
  fail(key: DeliveryKey, owner: string, now: Date, error: unknown): Promise<boolean>;
  /** The Slack message an approval's request was posted as, in `channel`. */
  approvalMessage(approvalId: string, channel: string): Promise<{ channel: string; ts: string } | undefined>;
  putApprovalMessage(input: {
    approvalId: string;
    channel: string;
    ts: string;
    correlationId: string;
    at: string;
  }): Promise<void>;
  /** Every incident of `scope` still open. */
  openIncidents(scope: IncidentScope): Promise<Incident[]>;
  putIncident(incident: Incident): Promise<void>;
  resolveIncident(scope: IncidentScope, dedupKey: string, at: string): Promise<void>;
}

/** A channel's digest window: the events gathered since it opened. */
export type DigestWindow = { windowId: string; openedAt: string; items: DigestItem[]; omitted: number };

/** Gathers a channel's non-urgent posts until its digest fires. */
export interface DigestStore {
  /**
   * Adds an item to the channel's open window, opening one (as `windowId`) when there is none;
   * `opened` when this call opened it (and must arm the window's schedule).
   */
  add(input: { channel: string; item: DigestItem; windowId: string; now: Date; correlationId: string }): Promise<{
    opened: boolean;
    windowId: string;
    /** ISO time the window opened, which its schedule is due from. */
    openedAt: string;
  }>;
  /** Takes the window `windowId` away (atomically); `undefined` when it is not the open window. */
  take(channel: string, windowId: string): Promise<DigestWindow | undefined>;
}

/** What a digest schedule delivers when it fires. */
export type DigestFire = { kind: 'digest'; channel: string; windowId: string };

/** One-time schedules (EventBridge Scheduler) that close digest windows. */
export interface DigestScheduler {
  arm(input: { name: string; at: Date; payload: DigestFire }): Promise<void>;
}

/** Presigned URLs of report objects. */
export interface ReportObjects {
  presignedUrl(reportKey: string): Promise<string>;
}

/** Time, injected so tests and the local cloud control it. */
export interface Clock {
  now(): Date;
}

/** How notify's use cases wait (a test passes one that records instead of sleeping). */
export type Sleep = (ms: number) => Promise<void>;

/** The log lines the use cases write (the Powertools Logger fits it). */
export interface AppLogger extends FailureLogger {
  info(message: string, attributes: Record<string, unknown>): void;
  debug(message: string, attributes: Record<string, unknown>): void;
}

/** What every delivery needs. */
export type NotifyPorts = {
  config: Pick<FleetConfig, 'models' | 'routing'>;
  stage: string;
  store: DeliveryStore;
  secrets: Secrets;
  clock: Clock;
  sleep: Sleep;
  logger: AppLogger;
  metrics: FailureMetrics;
  /** The base URL report links point at (the HTTP API); without it messages carry no report link. */
  reportsBaseUrl?: string;
};

/** The Slack function's ports. */
export type SlackPorts = NotifyPorts & { slack: SlackApi; digests: DigestStore; scheduler: DigestScheduler };

/** The PagerDuty function's ports. */
export type PagerDutyPorts = NotifyPorts & { pagerduty: PagerDutyApi };

/** How one invocation delivers: its owner id and its remaining time. */
export type InvocationOptions = { owner: string; remainingMs: () => number };
