import type { FleetCloud } from '@fleet/cli/local';
import type {
  LocalCloud,
  LocalEvent,
  SlackActingUser,
  SlackInteractionResult,
  StoredSlackMessage,
} from '@fleet/local-cloud';
import { churnBaseline, eventsOf, passDebounceWindow, runPipelinesToEnd } from './loop.js';

const HOUR_MS = 3_600_000;

/** The approver fleet.config.yaml names for churn, as Slack sends them in a click. */
export const APPROVER: SlackActingUser = { id: 'U0FLEETAPPROVER', username: 'ana' };

/** A Slack user of the workspace who is not an approver of churn. */
export const BYSTANDER: SlackActingUser = { id: 'U0BYSTANDER01', username: 'bob' };

/** The channel churn's notifications go to (`routing.slackChannel`). */
export const APPROVAL_CHANNEL = 'C0FLEETML';

/**
 * Lands a churn dataset and moves the clock until its pipeline run has ended and everything it
 * set off has settled: validation, the debounce, the run, the package it registers, and the
 * approval that package starts.
 *
 * The debounce schedule is armed from the handlers' time, which runs ahead of the clock while
 * they load, so after the window the clock jumps to whatever is due until a run has started.
 */
export const retrain = async (
  fleet: FleetCloud,
  key = 'raw/churn/2025-06-02.csv',
  body: string = churnBaseline(),
): Promise<void> => {
  const { cloud } = fleet;
  const runsBefore = cloud.executions().length;
  await cloud.land(key, body);
  await passDebounceWindow(fleet);
  const deadline = cloud.clock.nowMs() + HOUR_MS;
  while (cloud.executions().length === runsBefore) {
    const next = cloud.clock.nextAt();
    if (next === undefined || next.getTime() > deadline) {
      throw new Error(`no pipeline run started for ${key} by ${cloud.now().toISOString()}`);
    }
    await cloud.tick(next.getTime() - cloud.clock.nowMs());
  }
  await runPipelinesToEnd(cloud);
};

/** The detail of an event, as an object. */
export const detailOf = (event: LocalEvent): Record<string, unknown> => event.detail as Record<string, unknown>;

/** The details of the events of one detail-type, in order. */
export const detailsOf = (cloud: LocalCloud, detailType: string): Record<string, unknown>[] =>
  eventsOf(cloud, detailType).map(detailOf);

/** The button with `actionId` in a message's `actions` blocks, if any. */
export const buttonOf = (
  message: StoredSlackMessage,
  actionId: string,
): { action_id: string; value?: string } | undefined =>
  (message.blocks ?? [])
    .flatMap(
      (block) => ((block as { elements?: unknown[] }).elements ?? []) as { action_id?: string; value?: string }[],
    )
    .find((element): element is { action_id: string; value?: string } => element.action_id === actionId);

/** The messages of the approval channel that carry an `approve` button, as they stand now. */
export const approvalMessages = (fleet: FleetCloud): StoredSlackMessage[] =>
  fleet.slack.messages(APPROVAL_CHANNEL).filter((message) => buttonOf(message, 'approve') !== undefined);

/**
 * Clicks a button of a message as Slack would, whatever the message shows now: the click is
 * signed with the workspace's signing secret and sent to the fleet's interactivity URL, with the
 * button's value as it was on `message` (a message notify has since updated still reaches the
 * approval it was posted for, as a stale Slack client would).
 */
export const click = async (
  fleet: FleetCloud,
  message: StoredSlackMessage,
  actionId: 'approve' | 'reject',
  user: SlackActingUser = APPROVER,
): Promise<SlackInteractionResult> => {
  const button = buttonOf(message, actionId);
  if (button === undefined) throw new Error(`message ${message.ts} has no ${actionId} button`);
  const { channel, ...posted } = message;
  return fleet.slack.sendBlockAction({
    url: fleet.http.slackInteractions,
    signingSecret: fleet.slack.signingSecret,
    user,
    actionId,
    value: button.value ?? '',
    message: posted,
    channel: { id: channel },
  });
};

/** The texts the fleet posted to a click's `response_url`. */
export const repliesTo = (fleet: FleetCloud, interaction: SlackInteractionResult): string[] =>
  fleet.slack.responses(interaction.responseUrl).map((post) => String(post.body?.text));
