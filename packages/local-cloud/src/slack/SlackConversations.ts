import type { SlackMessage } from './blockActionsPayload.js';
import type { MessageContent } from './readMessageContent.js';
import { SlackTsSequence } from './slackTs.js';

/** A channel of the workspace: its id, name, and whether the bot is a member (default yes). */
export type SlackChannelOption = string | { id: string; name?: string; member?: boolean };

/** A channel as the stand-in holds it. */
export type SlackChannel = { id: string; name: string; member: boolean };

/** A message kept by the stand-in: Slack's message fields and the channel it is in. */
export type StoredSlackMessage = SlackMessage & { channel: string };

/** Who posts: the bot the token belongs to. */
export type SlackBotIdentity = { userId: string; botId: string; appId: string; teamId: string };

/** Why a channel operation is refused, with Slack's error name. */
export type ConversationError = { error: 'channel_not_found' | 'not_in_channel' | 'message_not_found' };

const toChannel = (option: SlackChannelOption): SlackChannel =>
  typeof option === 'string'
    ? { id: option, name: option.toLowerCase(), member: true }
    : { id: option.id, name: option.name ?? option.id.toLowerCase(), member: option.member ?? true };

/**
 * The channels of the local workspace and the messages posted to them, each with a `ts` that is
 * unique and increasing in the workspace, thread replies (`thread_ts`) counted on their parent.
 */
export class SlackConversations {
  readonly #channels = new Map<string, SlackChannel>();
  readonly #messages = new Map<string, StoredSlackMessage[]>();
  readonly #ts = new SlackTsSequence();
  readonly #bot: SlackBotIdentity;

  constructor(channels: readonly SlackChannelOption[], bot: SlackBotIdentity) {
    this.#bot = bot;
    for (const channel of channels) this.add(channel);
  }

  /** Adds a channel (or replaces its name and membership). */
  add(option: SlackChannelOption): SlackChannel {
    const channel = toChannel(option);
    this.#channels.set(channel.id, channel);
    if (!this.#messages.has(channel.id)) this.#messages.set(channel.id, []);
    return channel;
  }

  channels(): SlackChannel[] {
    return [...this.#channels.values()];
  }

  /** A channel by id, or by name with or without `#`, as Slack accepts either. */
  find(idOrName: string): SlackChannel | undefined {
    const byId = this.#channels.get(idOrName);
    if (byId) return byId;
    const name = idOrName.replace(/^#/, '');
    return [...this.#channels.values()].find((channel) => channel.name === name);
  }

  /** Every message of a channel (id or name), replies included, in posting order; all channels' when none is given. */
  messages(channel?: string): StoredSlackMessage[] {
    if (channel === undefined) {
      return [...this.#messages.values()].flat().sort((a, b) => compareTs(a.ts, b.ts));
    }
    const found = this.find(channel);
    return found === undefined ? [] : [...(this.#messages.get(found.id) ?? [])];
  }

  /** One message by channel (id or name) and `ts`. */
  message(channel: string, ts: string): StoredSlackMessage | undefined {
    return this.messages(channel).find((message) => message.ts === ts);
  }

  /** A thread: the parent message and its replies, in order. */
  thread(channel: string, threadTs: string): StoredSlackMessage[] {
    return this.messages(channel).filter((message) => message.ts === threadTs || message.thread_ts === threadTs);
  }

  /** Posts a message as the bot; a `threadTs` makes it a reply counted on its parent. */
  post(
    channelIdOrName: string,
    content: MessageContent,
    nowMs: number,
    options: { threadTs?: string; replyBroadcast?: boolean } = {},
  ): StoredSlackMessage | ConversationError {
    const channel = this.#postable(channelIdOrName);
    if ('error' in channel) return channel;
    const ts = this.#ts.next(nowMs);
    const message: StoredSlackMessage = {
      channel: channel.id,
      type: 'message',
      subtype: options.replyBroadcast ? 'thread_broadcast' : undefined,
      user: this.#bot.userId,
      bot_id: this.#bot.botId,
      app_id: this.#bot.appId,
      team: this.#bot.teamId,
      ts,
      text: content.text ?? '',
      ...(content.blocks === undefined ? {} : { blocks: content.blocks }),
      ...(content.attachments === undefined ? {} : { attachments: content.attachments }),
      ...(options.threadTs === undefined ? {} : { thread_ts: options.threadTs }),
    };
    if (message.subtype === undefined) delete message.subtype;
    const messages = this.#messages.get(channel.id) ?? [];
    const parent = options.threadTs === undefined ? undefined : messages.find((m) => m.ts === options.threadTs);
    if (parent !== undefined) {
      parent.thread_ts = parent.ts;
      parent.reply_count = Number(parent.reply_count ?? 0) + 1;
      parent.latest_reply = ts;
    }
    messages.push(message);
    return message;
  }

  /** Replaces a message's content: text when given, blocks and attachments when given (else kept), marked edited. */
  update(
    channelIdOrName: string,
    ts: string,
    content: MessageContent,
    nowMs: number,
  ): StoredSlackMessage | ConversationError {
    const channel = this.#postable(channelIdOrName);
    if ('error' in channel) return channel;
    const message = this.#messages.get(channel.id)?.find((m) => m.ts === ts);
    if (message === undefined) return { error: 'message_not_found' };
    if (content.text !== undefined) message.text = content.text;
    if (content.blocks !== undefined) message.blocks = content.blocks;
    if (content.attachments !== undefined) message.attachments = content.attachments;
    message.edited = { user: this.#bot.userId, ts: this.#ts.next(nowMs) };
    return message;
  }

  #postable(idOrName: string): SlackChannel | ConversationError {
    const channel = this.find(idOrName);
    if (channel === undefined) return { error: 'channel_not_found' };
    if (!channel.member) return { error: 'not_in_channel' };
    return channel;
  }
}

const compareTs = (a: string, b: string): number => {
  const [aSeconds, aMicros] = a.split('.').map(Number);
  const [bSeconds, bMicros] = b.split('.').map(Number);
  return aSeconds - bSeconds || aMicros - bMicros;
};
