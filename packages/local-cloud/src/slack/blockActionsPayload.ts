import { isPlainObject } from '../isPlainObject.js';

/** The user who clicks: Slack's `user` of an interaction (`name` defaults to `username`). */
export type SlackActingUser = { id: string; username: string; name?: string; teamId?: string };

/** A message as Slack holds it (what `chat.postMessage` stored), carried in an interaction's `message`. */
export type SlackMessage = {
  ts: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
  [field: string]: unknown;
};

/** Everything a `block_actions` payload for one button click is made of. */
export type BlockActionsInput = {
  team: { id: string; domain: string };
  appId: string;
  /** The app's (deprecated) verification token, which Slack still sends as `token`. */
  verificationToken: string;
  user: SlackActingUser;
  actionId: string;
  value: string;
  /** Default: the `block_id` of the button with `actionId` in `message`, else a generated one. */
  blockId?: string;
  responseUrl: string;
  triggerId: string;
  /** `action_ts`, a Slack timestamp of the click. */
  actionTs: string;
  /** The message holding the button, when the click is on a message. */
  message?: SlackMessage;
  channel?: { id: string; name?: string };
};

/** A button element found in a message's blocks, with the block holding it. */
export type FoundButton = { blockId?: string; element: Record<string, unknown> };

/**
 * Finds the interactive element with `actionId` in a message's blocks: in an `actions` block's
 * `elements` or as a `section` block's `accessory`.
 */
export const findBlockElement = (blocks: readonly unknown[] | undefined, actionId: string): FoundButton | undefined => {
  for (const block of blocks ?? []) {
    if (!isPlainObject(block)) continue;
    const candidates = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory];
    const element = candidates.find((candidate) => isPlainObject(candidate) && candidate.action_id === actionId);
    if (isPlainObject(element)) {
      return { blockId: typeof block.block_id === 'string' ? block.block_id : undefined, element };
    }
  }
  return undefined;
};

/**
 * The `block_actions` interaction payload Slack sends to an app's interactivity URL when a user
 * clicks a button, with the fields of Slack's reference
 * (https://api.slack.com/reference/interaction-payloads/block-actions): `type`, `user`,
 * `api_app_id`, `token`, `container`, `trigger_id`, `team`, `enterprise`, `is_enterprise_install`,
 * `channel`, `message`, `state`, `response_url` and `actions` (one `button` action).
 *
 * The button's `block_id`, `text` and `style` come from the message when it holds the button.
 */
export const blockActionsPayload = (input: BlockActionsInput): Record<string, unknown> => {
  const found = findBlockElement(input.message?.blocks, input.actionId);
  const channelId = input.channel?.id;
  const action: Record<string, unknown> = {
    action_id: input.actionId,
    block_id: input.blockId ?? found?.blockId ?? `local-${input.actionId}`,
    text: found?.element.text ?? { type: 'plain_text', text: input.actionId, emoji: true },
    value: input.value,
    ...(found?.element.style === undefined ? {} : { style: found.element.style }),
    type: typeof found?.element.type === 'string' ? found.element.type : 'button',
    action_ts: input.actionTs,
  };
  return {
    type: 'block_actions',
    user: {
      id: input.user.id,
      username: input.user.username,
      name: input.user.name ?? input.user.username,
      team_id: input.user.teamId ?? input.team.id,
    },
    api_app_id: input.appId,
    token: input.verificationToken,
    container: {
      type: 'message',
      ...(input.message === undefined ? {} : { message_ts: input.message.ts }),
      ...(channelId === undefined ? {} : { channel_id: channelId }),
      is_ephemeral: false,
    },
    trigger_id: input.triggerId,
    team: { id: input.team.id, domain: input.team.domain },
    enterprise: null,
    is_enterprise_install: false,
    ...(channelId === undefined ? {} : { channel: { id: channelId, name: input.channel?.name ?? channelId } }),
    ...(input.message === undefined ? {} : { message: { type: 'message', ...input.message } }),
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [action],
  };
};
